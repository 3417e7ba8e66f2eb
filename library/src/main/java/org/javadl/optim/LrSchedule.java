package org.javadl.optim;

/**
 * A learning-rate schedule, stepped once per epoch after the optimizer's steps (as PyTorch's
 * {@code scheduler.step()}): it sets the optimizer's learning rate for the next epoch from the epoch
 * count and the initial rate.
 * <ul>
 * <li>{@link #step(Optimizer, int, double)}: lr₀·γ^⌊e/size⌋ ({@code StepLR});</li>
 * <li>{@link #exponential(Optimizer, double)}: lr₀·γᵉ ({@code ExponentialLR});</li>
 * <li>{@link #cosine(Optimizer, int, double)}: η_min + (lr₀ − η_min)(1 + cos(πe/T))/2 ({@code CosineAnnealingLR},
 * its closed form).</li>
 * </ul>
 * Example: {@code var sched = LrSchedule.step(opt, 10, 0.5); ... sched.next();} at the end of each epoch.
 */
public final class LrSchedule {
    /** The rate for an epoch, given the initial rate. */
    @FunctionalInterface
    public interface Rule {
        double rate(int epoch, double initial);
    }

    private final Optimizer optimizer;
    private final Rule rule;
    private int epoch;

    /** A schedule with any rule. */
    public LrSchedule(Optimizer optimizer, Rule rule) {
        this.optimizer = optimizer;
        this.rule = rule;
    }

    /** Multiplies the rate by γ every {@code size} epochs. */
    public static LrSchedule step(Optimizer optimizer, int size, double gamma) {
        if (size <= 0) {
            throw new IllegalArgumentException("StepLR: step size must be positive, got " + size);
        }
        return new LrSchedule(optimizer, (e, lr0) -> lr0 * Math.pow(gamma, Math.floorDiv(e, size)));
    }

    /** Multiplies the rate by γ every epoch. */
    public static LrSchedule exponential(Optimizer optimizer, double gamma) {
        return new LrSchedule(optimizer, (e, lr0) -> lr0 * Math.pow(gamma, e));
    }

    /** Cosine annealing from the initial rate to η_min over T epochs. */
    public static LrSchedule cosine(Optimizer optimizer, int epochs, double etaMin) {
        return new LrSchedule(optimizer, (e, lr0) -> etaMin + (lr0 - etaMin) * (1 + Math.cos(Math.PI * e / epochs)) / 2);
    }

    /** Ends an epoch: sets the optimizer's rate for the next one and returns it. */
    public double next() {
        epoch++;
        double lr = rule.rate(epoch, optimizer.initialLr());
        optimizer.setLr(lr);
        return lr;
    }

    /** Epochs ended so far. */
    public int epoch() {
        return epoch;
    }
}

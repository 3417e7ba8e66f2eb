package org.javadl.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Plain gradient descent with a fixed step size α, and two optional ways to shrink the weights:
 * <ul>
 *   <li>{@link #l2(double) L2 penalty} λ: minimises L̃[φ] = L[φ] + λ/(2α) Σ_k φ_k², i.e. the step
 *       φ ← φ − α(∂L/∂φ + (λ/α)φ) (homework 004 problem 3's scaling);</li>
 *   <li>{@link #weightDecay(double) weight decay} λ: φ ← (1 − λ)φ − α ∂L/∂φ.</li>
 * </ul>
 * Multiplying out the first gives the second, so the same λ yields the same trajectory (up to
 * rounding). Both apply to every parameter, the intercept included, as in the homework's Σ_k.
 *
 * <p>Immutable; each setter returns a new object. Example:
 * {@code GradientDescent.withStep(0.05).iterations(200).l2(0.01).run(model, 0, 0)}.
 */
public final class GradientDescent {
    private final double step;
    private final int iterations;
    private final double l2;
    private final double decay;

    private GradientDescent(double step, int iterations, double l2, double decay) {
        this.step = step;
        this.iterations = iterations;
        this.l2 = l2;
        this.decay = decay;
    }

    /** Step size α &gt; 0, 100 iterations, no penalty: {@code GradientDescent.withStep(0.1)}. */
    public static GradientDescent withStep(double alpha) {
        if (!(alpha > 0) || Double.isInfinite(alpha)) {
            throw new IllegalArgumentException("step size must be a positive finite number, got " + alpha);
        }
        return new GradientDescent(alpha, 100, 0, 0);
    }

    /** Number of steps (≥ 0): {@code gd.iterations(500)}. */
    public GradientDescent iterations(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("iterations must be ≥ 0, got " + n);
        }
        return new GradientDescent(step, n, l2, decay);
    }

    /** Adds the penalty λ/(2α) Σ φ_k² to the loss (λ ≥ 0): {@code gd.l2(0.01)}. */
    public GradientDescent l2(double lambda) {
        if (!(lambda >= 0) || Double.isInfinite(lambda)) {
            throw new IllegalArgumentException("L2 strength λ must be finite and ≥ 0, got " + lambda);
        }
        return new GradientDescent(step, iterations, lambda, decay);
    }

    /** Weight decay φ ← (1 − λ)φ − α ∂L/∂φ with 0 ≤ λ &lt; 1: {@code gd.weightDecay(0.01)}. */
    public GradientDescent weightDecay(double lambda) {
        if (!(lambda >= 0 && lambda < 1)) {
            throw new IllegalArgumentException("weight decay λ must be in [0, 1), got " + lambda);
        }
        return new GradientDescent(step, iterations, l2, lambda);
    }

    /** α. */
    public double step() {
        return step;
    }

    /** Number of steps. */
    public int iterations() {
        return iterations;
    }

    /** The L2 penalty's λ (0 if none). */
    public double l2() {
        return l2;
    }

    /** The weight decay λ (0 if none). */
    public double weightDecay() {
        return decay;
    }

    /** The objective gradient descent minimises: L[φ] + λ/(2α) Σ φ². */
    public double objective(Objective f, double[] phi) {
        double pen = 0;
        for (double p : phi) {
            pen += p * p;
        }
        return f.loss(phi) + (l2 == 0 ? 0 : l2 / (2 * step) * pen);
    }

    /**
     * Runs from {@code start}; records φ and the loss before the first step and after every step.
     * Example: {@code GradientDescent.withStep(0.1).iterations(50).run(model, 0, 0).last()}.
     */
    public Trajectory run(Objective f, double... start) {
        if (f == null) {
            throw new IllegalArgumentException("objective must not be null");
        }
        if (start == null || start.length != f.parameterCount()) {
            throw new IllegalArgumentException("start must have " + f.parameterCount() + " parameters, got "
                    + (start == null ? "null" : start.length));
        }
        double[] phi = start.clone();
        List<double[]> path = new ArrayList<>(iterations + 1);
        List<Double> losses = new ArrayList<>(iterations + 1);
        List<Double> objectives = new ArrayList<>(iterations + 1);
        path.add(phi.clone());
        losses.add(f.loss(phi));
        objectives.add(objective(f, phi));
        for (int t = 0; t < iterations; t++) {
            double[] g = f.gradient(phi);
            for (int k = 0; k < phi.length; k++) {
                double gk = g[k];
                if (l2 != 0) {
                    gk += l2 / step * phi[k]; // ∂/∂φ_k of λ/(2α) Σ φ²
                }
                phi[k] = (1 - decay) * phi[k] - step * gk;
            }
            path.add(phi.clone());
            losses.add(f.loss(phi));
            objectives.add(objective(f, phi));
        }
        return new Trajectory(this, path, losses, objectives);
    }

    @Override
    public String toString() {
        return "GradientDescent(α = " + step + ", " + iterations + " iterations"
                + (l2 != 0 ? ", L2 λ = " + l2 : "") + (decay != 0 ? ", weight decay λ = " + decay : "") + ")";
    }
}

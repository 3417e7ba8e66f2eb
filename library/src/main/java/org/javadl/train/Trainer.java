package org.javadl.train;

import java.util.function.BiFunction;

import org.javadl.data.DataLoader;
import org.javadl.data.Dataset;
import org.javadl.nn.Layer;
import org.javadl.optim.LrSchedule;
import org.javadl.optim.Optimizer;
import org.javadl.tensor.Tensor;

/**
 * The training loop every experiment writes: for each epoch, for each minibatch, zero the gradients,
 * compute the loss, back-propagate and step the optimizer; then step the learning-rate schedule,
 * evaluate on the validation set and report. A {@link Listener} hears about every batch and epoch (the
 * notebook's {@code fit} draws a progress bar and live curves with it; the library knows no Jupyter).
 * Example:
 * <pre>{@code
 * History h = new Trainer(model, Losses::crossEntropy, new Adam(model.parameters(), 1e-3))
 *         .validation(test).fit(new DataLoader(train, 32, true, 0), 20);
 * }</pre>
 */
public final class Trainer {
    /** Hears about training as it goes; both methods do nothing by default. */
    public interface Listener {
        /** After each minibatch step: the epoch (from 1), the batch's number in it (from 0) and its loss. */
        default void batchEnded(int epoch, int batch, double loss) {
        }

        /** After each epoch, with its statistics. */
        default void epochEnded(EpochStats stats) {
        }
    }

    private final Layer model;
    private final BiFunction<Tensor, Tensor, Tensor> loss;
    private final Optimizer optimizer;
    private LrSchedule schedule;
    private Dataset validation;
    private int epochsDone;
    private final History history = new History();

    /** A loop for this model, loss (outputs, targets) → 0-D tensor, and optimizer. */
    public Trainer(Layer model, BiFunction<Tensor, Tensor, Tensor> loss, Optimizer optimizer) {
        this.model = model;
        this.loss = loss;
        this.optimizer = optimizer;
    }

    /** Steps this schedule after every epoch; returns this. */
    public Trainer schedule(LrSchedule s) {
        this.schedule = s;
        return this;
    }

    /** Evaluates loss and accuracy on this set after every epoch; returns this. */
    public Trainer validation(Dataset d) {
        this.validation = d;
        return this;
    }

    /** Trains for {@code epochs} more epochs; returns the history of all epochs so far. */
    public History fit(DataLoader loader, int epochs) {
        return fit(loader, epochs, new Listener() {
        });
    }

    /** Trains for {@code epochs} more epochs, telling {@code listener}; returns the whole history. */
    public History fit(DataLoader loader, int epochs, Listener listener) {
        for (int e = 0; e < epochs; e++) {
            long t0 = System.nanoTime();
            double lr = optimizer.lr();
            model.train();
            double lossSum = 0;
            double right = 0;
            int seen = 0;
            boolean classifies = true;
            int b = 0;
            for (DataLoader.Batch batch : loader) {
                optimizer.zeroGrad();
                Tensor out = model.forward(batch.x());
                Tensor l = loss.apply(out, batch.y());
                l.backward();
                optimizer.step();
                int n = batch.x().dim(0);
                double value = l.item();
                lossSum += value * n;
                double acc = Metrics.accuracy(out.detach(), batch.y());
                classifies &= !Double.isNaN(acc);
                right += classifies ? acc * n : 0;
                seen += n;
                listener.batchEnded(epochsDone + 1, b++, value);
            }
            if (schedule != null) {
                schedule.next();
            }
            double valLoss = Double.NaN;
            double valAcc = Double.NaN;
            if (validation != null) {
                Tensor out = Metrics.outputs(model, validation.features());
                valLoss = org.javadl.autograd.GradMode.noGrad(() -> loss.apply(out, validation.targets())).item();
                valAcc = Metrics.accuracy(out, validation.targets());
            }
            EpochStats s = new EpochStats(epochsDone + 1, lossSum / seen, classifies ? right / seen : Double.NaN, valLoss,
                    valAcc, lr, (System.nanoTime() - t0) / 1e9);
            epochsDone++;
            history.add(s);
            listener.epochEnded(s);
        }
        return history;
    }

    /** The epochs trained so far. */
    public History history() {
        return history;
    }

    /** The model being trained. */
    public Layer model() {
        return model;
    }
}

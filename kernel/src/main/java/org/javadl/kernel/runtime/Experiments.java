package org.javadl.kernel.runtime;

import java.util.Locale;

import org.javadl.data.DataLoader;
import org.javadl.data.Dataset;
import org.javadl.train.EpochStats;
import org.javadl.train.History;
import org.javadl.train.Trainer;
import org.javadl.tensor.Tensor;
import tech.tablesaw.api.Table;

/**
 * The notebook side of training (the library's {@link Trainer} knows nothing of Jupyter): {@code fit}
 * runs the trainer with a progress bar over all minibatch steps, noting the last epoch's numbers, and
 * two live curves, loss and accuracy per epoch for the training and the validation set. Also data
 * sets as Tablesaw tables.
 */
final class Experiments {
    private Experiments() {
    }

    static History fit(Trainer trainer, DataLoader loader, int epochs) {
        Progress<Void> bar = Notebook.progressBar("training", (long) epochs * loader.batches());
        LivePlot loss = Notebook.liveCurve("train").title("loss").xLabel("epoch");
        LivePlot accuracy = Notebook.liveCurve("train").title("accuracy").xLabel("epoch");
        History h = trainer.fit(loader, epochs, new Trainer.Listener() {
            @Override
            public void batchEnded(int epoch, int batch, double value) {
                // an epoch's last step waits for its numbers, so that the bar's final state shows them
                if (batch < loader.batches() - 1) {
                    bar.step();
                }
            }

            @Override
            public void epochEnded(EpochStats s) {
                loss.add("train", s.epoch(), s.trainLoss());
                if (!Double.isNaN(s.validationLoss())) {
                    loss.add("validation", s.epoch(), s.validationLoss());
                }
                if (!Double.isNaN(s.trainAccuracy())) {
                    accuracy.add("train", s.epoch(), s.trainAccuracy());
                }
                if (!Double.isNaN(s.validationAccuracy())) {
                    accuracy.add("validation", s.epoch(), s.validationAccuracy());
                }
                bar.note(String.format(Locale.ROOT, "epoch %d: loss %.4f%s", s.epoch(), s.trainLoss(),
                        Double.isNaN(s.validationAccuracy()) ? ""
                                : String.format(Locale.ROOT, ", validation accuracy %.4f", s.validationAccuracy())));
                bar.step();
            }
        });
        bar.close();
        loss.finish();
        accuracy.finish();
        return h;
    }

    /** One column per feature (for (N, F) features, named as the data set names them) and the target. */
    static Table table(Dataset d) {
        Tensor x = d.features();
        if (x.ndim() != 2) {
            throw new IllegalArgumentException("table(dataset) needs features (N, F), got shape "
                    + java.util.Arrays.toString(x.shape()) + "; reshape to (N, F) first");
        }
        String[] names = d.featureNames();
        Object[] columns = new Object[2 * (x.dim(1) + 1)];
        Tensor cols = x.transpose();
        for (int j = 0; j < x.dim(1); j++) {
            columns[2 * j] = names != null ? names[j] : "x" + j;
            columns[2 * j + 1] = cols.row(j).toArray();
        }
        String[] classes = d.classNames();
        double[] y = d.targets().ndim() == 1 ? d.targets().toArray() : null;
        columns[columns.length - 2] = "target";
        if (y != null && classes != null) {
            String[] labels = new String[y.length];
            for (int i = 0; i < y.length; i++) {
                labels[i] = classes[(int) y[i]];
            }
            columns[columns.length - 1] = labels;
        } else if (y != null) {
            columns[columns.length - 1] = y;
        } else {
            throw new IllegalArgumentException("table(dataset) needs one target per example, got targets of shape "
                    + java.util.Arrays.toString(d.targets().shape()));
        }
        return Tables.ofColumns(columns).setName(d.name());
    }
}

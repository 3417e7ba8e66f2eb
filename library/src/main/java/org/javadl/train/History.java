package org.javadl.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

import org.javadl.graph.Tabular;
import org.javadl.graph.TextTable;

/** The epochs of a training run, in order; shows as a table. */
public final class History implements Tabular {
    private final List<EpochStats> epochs = new ArrayList<>();

    void add(EpochStats s) {
        epochs.add(s);
    }

    /** Every epoch's statistics. */
    public List<EpochStats> epochs() {
        return List.copyOf(epochs);
    }

    /** The last epoch's statistics. */
    public EpochStats last() {
        if (epochs.isEmpty()) {
            throw new IllegalStateException("no epoch has been trained yet");
        }
        return epochs.get(epochs.size() - 1);
    }

    /** One statistic per epoch, e.g. {@code history.series(EpochStats::trainLoss)}. */
    public double[] series(ToDoubleFunction<EpochStats> f) {
        return epochs.stream().mapToDouble(f).toArray();
    }

    @Override
    public TextTable table() {
        TextTable t = new TextTable("training history",
                new String[] {"epoch", "train loss", "train acc", "val loss", "val acc", "lr", "s"});
        for (EpochStats s : epochs) {
            t.row(Integer.toString(s.epoch()), num(s.trainLoss()), num(s.trainAccuracy()), num(s.validationLoss()),
                    num(s.validationAccuracy()), num(s.learningRate()), String.format(Locale.ROOT, "%.2f", s.seconds()));
        }
        return t;
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.4g", v);
    }

    @Override
    public String toString() {
        return toText();
    }
}

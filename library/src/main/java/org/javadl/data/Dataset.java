package org.javadl.data;

import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

import org.javadl.graph.Tabular;
import org.javadl.graph.TextTable;
import org.javadl.tensor.Shapes;
import org.javadl.tensor.Tensor;

/**
 * Examples and their targets as two tensors whose first axis runs over the examples: features (N, …)
 * and targets (N) (class indices as doubles, or values) or (N, …). Splits into train and test sets
 * with a seeded shuffle and hands out minibatches through a {@link DataLoader}.
 * Example: {@code var parts = Datasets.digits().split(0.2, 0); parts.train().size()} is 1,438.
 */
public final class Dataset implements Tabular {
    private static final int PREVIEW_ROWS = 10;

    private final String name;
    private final Tensor features;
    private final Tensor targets;
    private final String[] featureNames;
    private final String[] classNames;

    /** A named data set; both tensors must have the same first dimension. */
    public Dataset(String name, Tensor features, Tensor targets) {
        this(name, features, targets, null, null);
    }

    /**
     * With names for the feature columns of (N, F) features and for the classes the targets index
     * (either may be null).
     */
    public Dataset(String name, Tensor features, Tensor targets, String[] featureNames, String[] classNames) {
        if (features.ndim() == 0 || targets.ndim() == 0 || features.dim(0) != targets.dim(0)) {
            throw new IllegalArgumentException("Dataset: features " + Shapes.str(features.shape()) + " and targets "
                    + Shapes.str(targets.shape()) + " must have the same number of examples (first axis)");
        }
        if (featureNames != null && (features.ndim() != 2 || featureNames.length != features.dim(1))) {
            throw new IllegalArgumentException("Dataset: " + featureNames.length + " feature names for features of shape "
                    + Shapes.str(features.shape()));
        }
        this.name = name;
        this.features = features.detach();
        this.targets = targets.detach();
        this.featureNames = featureNames == null ? null : featureNames.clone();
        this.classNames = classNames == null ? null : classNames.clone();
    }

    /** The feature columns' names, or null. */
    public String[] featureNames() {
        return featureNames == null ? null : featureNames.clone();
    }

    /** The classes' names (index = class), or null. */
    public String[] classNames() {
        return classNames == null ? null : classNames.clone();
    }

    /** The number of classes: the largest target + 1 (for class-index targets). */
    public int classes() {
        return classNames != null ? classNames.length : (int) targets.maxValue() + 1;
    }

    /** The features, (N, …). */
    public Tensor features() {
        return features;
    }

    /** The targets, (N) or (N, …). */
    public Tensor targets() {
        return targets;
    }

    /** The number of examples. */
    public int size() {
        return features.dim(0);
    }

    /** The data set's name. */
    public String name() {
        return name;
    }

    /** The examples at these indices, in this order. */
    public Dataset subset(int... indices) {
        return new Dataset(name, features.take(0, indices), targets.take(0, indices), featureNames, classNames);
    }

    /** A train/test pair. */
    public record Split(Dataset train, Dataset test) {
    }

    /**
     * A seeded random split: ⌊testFraction·N⌉ examples go to the test set (e.g. 0.2 for a held-out 20 %),
     * the rest to the training set, both in shuffled order.
     */
    public Split split(double testFraction, long seed) {
        if (!(testFraction > 0 && testFraction < 1)) {
            throw new IllegalArgumentException("split: test fraction must be in (0, 1), got " + testFraction);
        }
        int n = size();
        int[] order = permutation(n, new SplittableRandom(seed));
        int nTest = (int) Math.round(testFraction * n);
        int[] test = java.util.Arrays.copyOfRange(order, 0, nTest);
        int[] train = java.util.Arrays.copyOfRange(order, nTest, n);
        return new Split(rename(subset(train), "train"), rename(subset(test), "test"));
    }

    private Dataset rename(Dataset d, String part) {
        return new Dataset(name + " (" + part + ")", d.features, d.targets, featureNames, classNames);
    }

    /**
     * Features standardised per column with the mean and standard deviation of {@code reference} (the
     * training set, so that the test set is scaled the same way); constant columns are only centred.
     */
    public Dataset standardized(Dataset reference) {
        Tensor mean = reference.features.mean(0, true);
        Tensor std = reference.features.sub(mean).pow(2).mean(0, true).sqrt().map(s -> s == 0 ? 1 : s);
        return new Dataset(name, features.sub(mean).div(std), targets, featureNames, classNames);
    }

    /** The same examples with features in another shape per example, e.g. (N, 1, 8, 8) for a CNN. */
    public Dataset reshaped(int... exampleShape) {
        int[] s = new int[exampleShape.length + 1];
        s[0] = size();
        System.arraycopy(exampleShape, 0, s, 1, exampleShape.length);
        return new Dataset(name, features.reshape(s), targets, null, classNames);
    }

    /** Fisher–Yates with {@code rng}: a uniformly random order of 0 .. n−1. */
    static int[] permutation(int n, SplittableRandom rng) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    /** The first rows: each feature (for (N, F) features) and the target, with the class name if known. */
    @Override
    public TextTable table() {
        boolean columns = features.ndim() == 2 && features.dim(1) <= 12;
        int f = columns ? features.dim(1) : 1;
        String[] header = new String[f + 1];
        for (int j = 0; j < f; j++) {
            header[j] = !columns ? "features " + Shapes.str(Arrays.copyOfRange(features.shape(), 1, features.ndim()))
                    : featureNames != null ? featureNames[j] : "x" + j;
        }
        header[f] = "target";
        TextTable t = new TextTable(toString(), header);
        int n = Math.min(PREVIEW_ROWS, size());
        for (int i = 0; i < n; i++) {
            String[] row = new String[f + 1];
            Tensor x = features.row(i);
            for (int j = 0; j < f; j++) {
                row[j] = columns ? num(x.get(j)) : x.toText().replace('\n', ' ');
            }
            double y = targets.ndim() == 1 ? targets.get(i) : Double.NaN;
            row[f] = targets.ndim() != 1 ? targets.row(i).toText() : classNames != null && y >= 0 && y < classNames.length
                    ? num(y) + " (" + classNames[(int) y] + ")" : num(y);
            t.row(row);
        }
        return size() > n ? t.footnote("… " + (size() - n) + " more rows") : t;
    }

    private static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : String.format(Locale.ROOT, "%.4g", v);
    }

    @Override
    public String toString() {
        return name + ": " + size() + " examples, features " + Shapes.str(features.shape()) + ", targets "
                + Shapes.str(targets.shape());
    }
}

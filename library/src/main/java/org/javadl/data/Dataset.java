package org.javadl.data;

import java.util.SplittableRandom;

import org.javadl.tensor.Shapes;
import org.javadl.tensor.Tensor;

/**
 * Examples and their targets as two tensors whose first axis runs over the examples: features (N, …)
 * and targets (N) (class indices as doubles, or values) or (N, …). Splits into train and test sets
 * with a seeded shuffle and hands out minibatches through a {@link DataLoader}.
 * Example: {@code var parts = Datasets.digits().split(0.2, 0); parts.train().size()} is 1,438.
 */
public final class Dataset {
    private final String name;
    private final Tensor features;
    private final Tensor targets;

    /** A named data set; both tensors must have the same first dimension. */
    public Dataset(String name, Tensor features, Tensor targets) {
        if (features.ndim() == 0 || targets.ndim() == 0 || features.dim(0) != targets.dim(0)) {
            throw new IllegalArgumentException("Dataset: features " + Shapes.str(features.shape()) + " and targets "
                    + Shapes.str(targets.shape()) + " must have the same number of examples (first axis)");
        }
        this.name = name;
        this.features = features.detach();
        this.targets = targets.detach();
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
        return new Dataset(name, features.take(0, indices), targets.take(0, indices));
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
        return new Dataset(name + " (" + part + ")", d.features, d.targets);
    }

    /**
     * Features standardised per column with the mean and standard deviation of {@code reference} (the
     * training set, so that the test set is scaled the same way); constant columns are only centred.
     */
    public Dataset standardized(Dataset reference) {
        Tensor mean = reference.features.mean(0, true);
        Tensor std = reference.features.sub(mean).pow(2).mean(0, true).sqrt().map(s -> s == 0 ? 1 : s);
        return new Dataset(name, features.sub(mean).div(std), targets);
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

    @Override
    public String toString() {
        return name + ": " + size() + " examples, features " + Shapes.str(features.shape()) + ", targets "
                + Shapes.str(targets.shape());
    }
}

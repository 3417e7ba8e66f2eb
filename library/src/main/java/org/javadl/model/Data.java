package org.javadl.model;

import java.util.Random;

/**
 * Seeded, reproducible data sets.
 *
 * <p>The random numbers come from {@link java.util.Random} seeded with the given seed, one
 * {@link Random#nextGaussian()} per value, in order: value = mean + std · nextGaussian(). So
 * {@code normal(42, 3, 0, 1)} is exactly the first three {@code new Random(42).nextGaussian()}
 * values on every JVM (the algorithm of java.util.Random is fixed by its specification).
 */
public final class Data {
    private Data() {
    }

    /**
     * n values from N(mean, std²): {@code mean + std * r.nextGaussian()} with
     * {@code r = new Random(seed)}. Example: {@code Data.normal(42, 10, -1, 1)}.
     */
    public static double[] normal(long seed, int n, double mean, double std) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be ≥ 0, got " + n);
        }
        checkStd(std);
        return fill(new Random(seed), n, mean, std);
    }

    private static void checkStd(double std) {
        if (!(std >= 0) || Double.isInfinite(std)) {
            throw new IllegalArgumentException("std must be finite and ≥ 0, got " + std);
        }
    }

    private static double[] fill(Random r, int n, double mean, double std) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = mean + std * r.nextGaussian();
        }
        return v;
    }

    /**
     * Homework 004 problem 8 (iv): 10 points from N(−1, 1) labelled 0, then 10 points from N(1, 1)
     * labelled 1. One {@code new Random(seed)} draws all 20 values in that order (the first ten
     * are the class-0 points). Example: {@code Data.twoClass(0)}.
     */
    public static LabelledData twoClass(long seed) {
        return twoClass(seed, 10, -1, 1, 1);
    }

    /**
     * perClass points from N(mean0, std²) labelled 0, then perClass points from N(mean1, std²)
     * labelled 1, drawn in that order from one {@code new Random(seed)}.
     * Example: {@code Data.twoClass(7, 50, -2, 2, 1)}.
     */
    public static LabelledData twoClass(long seed, int perClass, double mean0, double mean1, double std) {
        if (perClass < 1) {
            throw new IllegalArgumentException("perClass must be ≥ 1, got " + perClass);
        }
        checkStd(std);
        Random r = new Random(seed);
        double[] a = fill(r, perClass, mean0, std);
        double[] b = fill(r, perClass, mean1, std);
        double[] x = new double[2 * perClass];
        double[] y = new double[2 * perClass];
        System.arraycopy(a, 0, x, 0, perClass);
        System.arraycopy(b, 0, x, perClass, perClass);
        for (int i = perClass; i < 2 * perClass; i++) {
            y[i] = 1;
        }
        return LabelledData.of(x, y);
    }
}

package org.javadl.model;

import java.util.Arrays;
import org.javadl.graph.Fmt;
import org.javadl.graph.TextTable;
import org.javadl.graph.Tabular;

/**
 * Inputs x_i (each a vector of d features) with targets y_i; immutable (arrays are copied in and
 * out). For classification the targets are 0 or 1.
 *
 * <p>Example: {@code LabelledData.of(new double[] {-1, 0.5}, new double[] {0, 1})}.
 */
public final class LabelledData implements Tabular {
    private final double[][] x;
    private final double[] y;

    private LabelledData(double[][] x, double[] y) {
        this.x = x;
        this.y = y;
    }

    /** One feature per point: {@code LabelledData.of(xs, ys)}. */
    public static LabelledData of(double[] x, double[] y) {
        if (x == null || y == null) {
            throw new IllegalArgumentException("x and y must not be null");
        }
        double[][] xx = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            xx[i] = new double[] {x[i]};
        }
        return of(xx, y);
    }

    /** d features per point (rows of x): {@code LabelledData.of(new double[][] {{1, 2}, {3, 4}}, ys)}. */
    public static LabelledData of(double[][] x, double[] y) {
        if (x == null || y == null) {
            throw new IllegalArgumentException("x and y must not be null");
        }
        if (x.length == 0) {
            throw new IllegalArgumentException("data set is empty (no points)");
        }
        if (x.length != y.length) {
            throw new IllegalArgumentException("x has " + x.length + " points but y has " + y.length + " targets");
        }
        int d = x[0].length;
        if (d == 0) {
            throw new IllegalArgumentException("points need at least one feature");
        }
        double[][] c = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            if (x[i].length != d) {
                throw new IllegalArgumentException("point " + i + " has " + x[i].length + " features, point 0 has " + d);
            }
            c[i] = x[i].clone();
        }
        return new LabelledData(c, y.clone());
    }

    /** Number of points. */
    public int size() {
        return y.length;
    }

    /** Number of features per point. */
    public int dimension() {
        return x[0].length;
    }

    /** A copy of the inputs, one row per point. */
    public double[][] x() {
        double[][] c = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            c[i] = x[i].clone();
        }
        return c;
    }

    /** The first feature of every point (the whole input for 1-D data). */
    public double[] x1d() {
        double[] c = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            c[i] = x[i][0];
        }
        return c;
    }

    /** A copy of the targets. */
    public double[] y() {
        return y.clone();
    }

    /** Feature j of point i, without copying. */
    public double x(int i, int j) {
        return x[i][j];
    }

    /** Target of point i. */
    public double y(int i) {
        return y[i];
    }

    double[] row(int i) {
        return x[i];
    }

    /** The data as a table (i, x, y). */
    public TextTable table() {
        TextTable t = new TextTable("Data (" + size() + " points)", new String[] {"i", "x", "y"});
        for (int i = 0; i < size(); i++) {
            String xs = dimension() == 1 ? Fmt.num(x[i][0]) : Arrays.stream(x[i]).mapToObj(Fmt::num)
                    .reduce((a, b) -> a + ", " + b).orElse("");
            t.row(Integer.toString(i), xs, Fmt.num(y[i]));
        }
        return t;
    }

    @Override
    public String toString() {
        return toText();
    }
}

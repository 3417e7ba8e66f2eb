package org.javadl.autograd;

import java.util.Arrays;

import org.javadl.tensor.Shapes;
import org.javadl.tensor.Tensor;

/**
 * Sums, means, maxima and minima over axes (or over everything, to a 0-D tensor), with gradients:
 * a sum spreads its gradient back over the summed elements, a mean spreads 1/n of it, and a maximum
 * along an axis sends it to the element that was chosen (the first maximum, as {@code torch.max(dim)}).
 * The maximum of a whole tensor shares it equally between tied maxima, as {@code torch.max()} and
 * {@code torch.amax} do. Example: {@code Reductions.sum(x, new int[]{0}, false)} sums the rows of a matrix.
 */
public final class Reductions {
    private Reductions() {
    }

    /** Σ over {@code axes} (negative axes count from the end; none given: all of them). */
    public static Tensor sum(Tensor x, int[] axes, boolean keepdims) {
        int[] s = Raw.shape(x);
        boolean[] reduced = axesOf("sum", s, axes);
        int[] kept = keptShape(s, reduced);
        // summing into the kept shape visits each output's elements in increasing index order: the same
        // order, and so the same bits, as a loop along the axis
        Tensor y = Raw.make(Raw.data(Broadcast.reduceTo(Raw.plain(x), kept)).clone(), keepdims ? kept : dropped(s, reduced));
        return Record.unary("sum", y, x, g -> Broadcast.expandTo(g.reshape(kept), s),
                t -> sum(t, axes, keepdims));
    }

    /** The mean over {@code axes}: the sum divided by the number of elements summed. */
    public static Tensor mean(Tensor x, int[] axes, boolean keepdims) {
        int[] s = Raw.shape(x);
        boolean[] reduced = axesOf("mean", s, axes);
        int n = 1;
        for (int i = 0; i < s.length; i++) {
            if (reduced[i]) {
                n *= s[i];
            }
        }
        if (n == 0) {
            throw new IllegalArgumentException("mean: the reduced axes of shape " + Shapes.str(s)
                    + " are empty, so there is no mean");
        }
        int count = n;
        int[] kept = keptShape(s, reduced);
        double[] d = Raw.data(Broadcast.reduceTo(Raw.plain(x), kept)).clone();
        for (int i = 0; i < d.length; i++) {
            d[i] /= count;
        }
        Tensor y = Raw.make(d, keepdims ? kept : dropped(s, reduced));
        return Record.unary("mean", y, x, g -> Broadcast.expandTo(g.reshape(kept).div(count), s),
                t -> mean(t, axes, keepdims));
    }

    /** The sum of all elements as a 0-D tensor (0 for an empty tensor). */
    public static Tensor sumAll(Tensor x) {
        return sum(x, new int[0], false);
    }

    /** The mean of all elements as a 0-D tensor; throws for an empty tensor. */
    public static Tensor meanAll(Tensor x) {
        return mean(x, new int[0], false);
    }

    /** The maximum along one axis; the gradient goes to the first maximal element of each slice. */
    public static Tensor max(Tensor x, int axis, boolean keepdims) {
        return extremum("max", x, axis, keepdims, Extremum.ARGMAX);
    }

    /** The minimum along one axis; the gradient goes to the first minimal element of each slice. */
    public static Tensor min(Tensor x, int axis, boolean keepdims) {
        return extremum("min", x, axis, keepdims, Extremum.ARGMIN);
    }

    /** The largest element as a 0-D tensor; tied maxima share the gradient equally. */
    public static Tensor maxAll(Tensor x) {
        return extremumAll("max", x, Extremum.ARGMAX);
    }

    /** The smallest element as a 0-D tensor; tied minima share the gradient equally. */
    public static Tensor minAll(Tensor x) {
        return extremumAll("min", x, Extremum.ARGMIN);
    }

    /** Indices (as doubles) of the first maxima along an axis; not differentiable. */
    public static Tensor argmax(Tensor x, int axis, boolean keepdims) {
        return positions("argmax", x, axis, keepdims, Extremum.ARGMAX);
    }

    /** Indices (as doubles) of the first minima along an axis; not differentiable. */
    public static Tensor argmin(Tensor x, int axis, boolean keepdims) {
        return positions("argmin", x, axis, keepdims, Extremum.ARGMIN);
    }

    /** The flat index of the first maximum (NaN counts as largest) of a non-empty array. */
    public static int argmax(double[] d) {
        return Extremum.ARGMAX.over(d, 0, d.length, 1);
    }

    /** The flat index of the first minimum (NaN counts as smallest) of a non-empty array. */
    public static int argmin(double[] d) {
        return Extremum.ARGMIN.over(d, 0, d.length, 1);
    }

    // ------------------------------------------------------------------ maxima and minima

    /** The position of the extremum among n elements {@code step} apart; a NaN wins, as in numpy. */
    private enum Extremum {
        ARGMAX, ARGMIN;

        int over(double[] d, int start, int n, int step) {
            boolean wantMax = this == ARGMAX;
            int best = 0;
            double bv = d[start];
            if (Double.isNaN(bv)) {
                return 0;
            }
            for (int k = 1; k < n; k++) {
                double v = d[start + k * step];
                if (Double.isNaN(v)) {
                    return k;
                }
                if (wantMax ? v > bv : v < bv) {
                    bv = v;
                    best = k;
                }
            }
            return best;
        }
    }

    /** The flat indices into x of the chosen elements, one per output, and the layout around the axis. */
    private static int[] choose(String op, Tensor x, int a, Extremum e) {
        int[] s = Raw.shape(x);
        int n = s[a];
        if (n == 0) {
            throw new IllegalArgumentException(op + ": axis " + a + " of shape " + Shapes.str(s)
                    + " is empty, so it has no " + op);
        }
        int outer = Shapes.size(Arrays.copyOfRange(s, 0, a));
        int inner = Shapes.size(Arrays.copyOfRange(s, a + 1, s.length));
        double[] d = Raw.data(x);
        int[] at = new int[outer * inner];
        for (int o = 0; o < outer; o++) {
            for (int i = 0; i < inner; i++) {
                int start = o * n * inner + i;
                at[o * inner + i] = start + e.over(d, start, n, inner) * inner;
            }
        }
        return at;
    }

    private static int[] reducedShape(int[] s, int a, boolean keepdims) {
        boolean[] r = new boolean[s.length];
        r[a] = true;
        return keepdims ? keptShape(s, r) : dropped(s, r);
    }

    private static Tensor extremum(String op, Tensor x, int axis, boolean keepdims, Extremum e) {
        int[] s = Raw.shape(x);
        int a = Shapes.axis(op, axis, s);
        int[] at = choose(op, x, a, e);
        int[] os = reducedShape(s, a, keepdims);
        Tensor y = gather(x, at, os);
        return Record.unary(op, y, x, g -> scatter(Raw.data(g), at, s), t -> gather(t, at, os));
    }

    private static Tensor positions(String op, Tensor x, int axis, boolean keepdims, Extremum e) {
        int[] s = Raw.shape(x);
        int a = Shapes.axis(op, axis, s);
        int[] at = choose(op, x, a, e);
        int inner = Shapes.size(Arrays.copyOfRange(s, a + 1, s.length));
        double[] d = new double[at.length];
        for (int k = 0; k < at.length; k++) {
            d[k] = (at[k] / inner) % s[a];
        }
        return Raw.make(d, reducedShape(s, a, keepdims));
    }

    private static Tensor extremumAll(String op, Tensor x, Extremum e) {
        double[] d = Raw.data(x);
        if (d.length == 0) {
            throw new IllegalArgumentException(op + ": empty tensor (shape " + Shapes.str(Raw.shape(x))
                    + ") has no " + op);
        }
        double best = d[e.over(d, 0, d.length, 1)];
        Tensor y = Raw.make(new double[] {best}, new int[0]);
        int ties = 0;
        for (double v : d) {
            ties += v == best ? 1 : 0;
        }
        int[] s = Raw.shape(x);
        double share = 1.0 / Math.max(1, ties);
        java.util.function.UnaryOperator<Tensor> spread = v -> {
            double gv = Raw.data(v)[0] * share;
            double[] out = new double[d.length];
            for (int i = 0; i < d.length; i++) {
                out[i] = d[i] == best ? gv : 0;
            }
            return Raw.make(out, s.clone());
        };
        return Record.unary(op, y, x, spread, t -> {
            // the tangent of the maximum is the mean tangent of the tied maxima
            double[] td = Raw.data(t);
            double sum = 0;
            for (int i = 0; i < d.length; i++) {
                sum += d[i] == best ? td[i] : 0;
            }
            return Raw.make(new double[] {sum * share}, new int[0]);
        });
    }

    /** out[k] = x[at[k]], shaped {@code shape}. */
    static Tensor gather(Tensor x, int[] at, int[] shape) {
        double[] d = Raw.data(x);
        double[] out = new double[at.length];
        for (int k = 0; k < at.length; k++) {
            out[k] = d[at[k]];
        }
        return Raw.make(out, shape.clone());
    }

    /** A zero tensor of {@code shape} with g[k] added at flat position at[k]. */
    static Tensor scatter(double[] g, int[] at, int[] shape) {
        double[] out = new double[Shapes.size(shape)];
        for (int k = 0; k < at.length; k++) {
            out[at[k]] += g[k];
        }
        return Raw.make(out, shape.clone());
    }

    // ------------------------------------------------------------------ axes

    /** Which axes are reduced: the given ones (resolved, no repeats), or all for an empty list. */
    private static boolean[] axesOf(String op, int[] s, int[] axes) {
        boolean[] r = new boolean[s.length];
        if (axes.length == 0) {
            Arrays.fill(r, true);
            return r;
        }
        for (int ax : axes) {
            int a = Shapes.axis(op, ax, s);
            if (r[a]) {
                throw new IllegalArgumentException(op + ": axis " + ax + " is given twice for shape " + Shapes.str(s));
            }
            r[a] = true;
        }
        return r;
    }

    private static int[] keptShape(int[] s, boolean[] reduced) {
        int[] k = s.clone();
        for (int i = 0; i < s.length; i++) {
            if (reduced[i]) {
                k[i] = 1;
            }
        }
        return k;
    }

    private static int[] dropped(int[] s, boolean[] reduced) {
        int n = 0;
        for (boolean r : reduced) {
            n += r ? 0 : 1;
        }
        int[] d = new int[n];
        for (int i = 0, j = 0; i < s.length; i++) {
            if (!reduced[i]) {
                d[j++] = s[i];
            }
        }
        return d;
    }
}

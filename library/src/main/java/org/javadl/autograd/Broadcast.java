package org.javadl.autograd;

import java.util.Arrays;
import java.util.function.DoubleBinaryOperator;

import org.javadl.tensor.Shapes;
import org.javadl.tensor.Tensor;

/**
 * numpy broadcasting for the element-wise ops, and its adjoint: a gradient that flowed into a broadcast
 * result is summed back over the broadcast axes ({@link #reduceTo}) so that it has its input's shape.
 */
public final class Broadcast {
    private Broadcast() {
    }

    /** One contiguous run of n outputs: out[io + j] = f(a[ia + j·da], b[ib + j·db]), da and db 0 or 1 steps. */
    @FunctionalInterface
    interface Run {
        void apply(double[] a, int ia, int da, double[] b, int ib, int db, double[] out, int io, int n);
    }

    /** f(a, b) element by element with broadcasting; the result is a fresh tensor. */
    static Tensor zip(String op, Tensor a, Tensor b, Run run) {
        int[] sa = Raw.shape(a);
        int[] sb = Raw.shape(b);
        double[] da = Raw.data(a);
        double[] db = Raw.data(b);
        if (Arrays.equals(sa, sb)) {
            double[] out = new double[da.length];
            run.apply(da, 0, 1, db, 0, 1, out, 0, out.length);
            return Raw.make(out, sa.clone());
        }
        int[] os = Shapes.broadcast(op, sa, sb);
        int nd = os.length;
        double[] out = new double[Shapes.size(os)];
        if (out.length == 0) {
            return Raw.make(out, os);
        }
        int[] stA = Shapes.broadcastStrides(sa, os);
        int[] stB = Shapes.broadcastStrides(sb, os);
        int last = os[nd - 1];
        Odometer it = new Odometer(os, stA, stB);
        for (int io = 0; io < out.length; io += last) {
            run.apply(da, it.o0, stA[nd - 1], db, it.o1, stB[nd - 1], out, io, last);
            it.next(nd - 1);
        }
        return Raw.make(out, os);
    }

    /** A generic {@link Run} from a scalar function (for {@code zipWith}, comparisons). */
    static Run of(DoubleBinaryOperator f) {
        return (a, ia, da, b, ib, db, out, io, n) -> {
            for (int j = 0; j < n; j++) {
                out[io + j] = f.applyAsDouble(a[ia + j * da], b[ib + j * db]);
            }
        };
    }

    /** {@code f(a, b)} with broadcasting, outside autograd (Tensor's {@code zipWith}). */
    public static Tensor apply(String op, Tensor a, Tensor b, DoubleBinaryOperator f) {
        return zip(op, a, b, of(f));
    }

    /**
     * Sums {@code g} down to {@code shape}, the adjoint of broadcasting a tensor of that shape to g's
     * shape: leading axes g has in addition are summed away, and axes where shape has 1 are summed and
     * kept. Returns g itself when the shapes already agree. Example: reduceTo(ones(4, 3), [3]) is
     * [4, 4, 4].
     */
    public static Tensor reduceTo(Tensor g, int[] shape) {
        int[] gs = Raw.shape(g);
        if (Arrays.equals(gs, shape)) {
            return g;
        }
        if (!Arrays.equals(Shapes.broadcast("reduceTo", shape, gs), gs)) {
            throw new IllegalArgumentException("reduceTo: shape " + Shapes.str(shape)
                    + " does not broadcast to " + Shapes.str(gs));
        }
        double[] gd = Raw.data(g);
        double[] out = new double[Shapes.size(shape)];
        if (gd.length > 0) {
            int nd = gs.length;
            int[] st = Shapes.broadcastStrides(shape, gs);
            int last = gs[nd - 1];
            int step = st[nd - 1];
            Odometer it = new Odometer(gs, st, null);
            for (int k = 0; k < gd.length; k += last) {
                int o = it.o0;
                if (step == 0) {
                    double s = out[o];
                    for (int j = 0; j < last; j++) {
                        s += gd[k + j];
                    }
                    out[o] = s;
                } else {
                    for (int j = 0; j < last; j++) {
                        out[o + j] += gd[k + j];
                    }
                }
                it.next(nd - 1);
            }
        }
        return Raw.make(out, shape.clone());
    }

    /** {@code t} repeated along broadcast axes up to {@code shape} (numpy's broadcast_to, as a copy). */
    public static Tensor expandTo(Tensor t, int[] shape) {
        int[] ts = Raw.shape(t);
        if (Arrays.equals(ts, shape)) {
            return t;
        }
        if (!Arrays.equals(Shapes.broadcast("expand", ts, shape), shape)) {
            throw new IllegalArgumentException("expand: shape " + Shapes.str(ts) + " cannot be broadcast to "
                    + Shapes.str(shape));
        }
        double[] td = Raw.data(t);
        double[] out = new double[Shapes.size(shape)];
        if (out.length > 0) {
            int nd = shape.length;
            int[] st = Shapes.broadcastStrides(ts, shape);
            int last = shape[nd - 1];
            int step = st[nd - 1];
            Odometer it = new Odometer(shape, st, null);
            for (int k = 0; k < out.length; k += last) {
                int o = it.o0;
                for (int j = 0; j < last; j++) {
                    out[k + j] = td[o + j * step];
                }
                it.next(nd - 1);
            }
        }
        return Raw.make(out, shape.clone());
    }
}

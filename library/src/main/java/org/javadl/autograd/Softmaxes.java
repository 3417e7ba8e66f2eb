package org.javadl.autograd;

import org.javadl.tensor.Shapes;
import org.javadl.tensor.Tensor;

/**
 * softmax, log-softmax and log-sum-exp along an axis, each computed after subtracting the maximum
 * (so e^x never overflows), with their gradients:
 * softmax: x̄ = y·(ȳ − Σ ȳ·y); log-softmax: x̄ = ȳ − softmax·Σ ȳ; logsumexp: x̄ = ȳ·softmax.
 * Example: {@code Softmaxes.softmax(Tensor.of(1000, 1001), -1)} ≈ [0.269, 0.731].
 */
public final class Softmaxes {
    private Softmaxes() {
    }

    /** The maximum along the axis (kept), with ±∞ replaced by 0 so that x − m stays meaningful. */
    private static Tensor shift(Tensor x, int axis) {
        return Reductions.max(x, axis, true).map(v -> Double.isInfinite(v) ? 0 : v);
    }

    /** e^(x − m) / Σ e^(x − m) along {@code axis}. */
    public static Tensor softmax(Tensor x, int axis) {
        Tensor xp = Raw.plain(x);
        Tensor e = xp.sub(shift(xp, axis)).exp();
        Tensor y = e.div(e.sum(axis, true));
        Tensor yp = Raw.plain(y);
        return Record.unary("softmax", y, x,
                g -> yp.mul(g.sub(g.mul(yp).sum(axis, true))),
                t -> yp.mul(t.sub(t.mul(yp).sum(axis, true))));
    }

    /** (x − m) − ln Σ e^(x − m) along {@code axis}. */
    public static Tensor logSoftmax(Tensor x, int axis) {
        Tensor xp = Raw.plain(x);
        Tensor shifted = xp.sub(shift(xp, axis));
        Tensor y = shifted.sub(shifted.exp().sum(axis, true).log());
        Tensor p = Raw.plain(y).exp();
        return Record.unary("logSoftmax", y, x,
                g -> g.sub(p.mul(g.sum(axis, true))),
                t -> t.sub(t.mul(p).sum(axis, true)));
    }

    /** m + ln Σ e^(x − m) along {@code axis}, optionally keeping it. */
    public static Tensor logSumExp(Tensor x, int axis, boolean keepdims) {
        Tensor xp = Raw.plain(x);
        int[] s = Raw.shape(x);
        int a = Shapes.axis("logSumExp", axis, s);
        Tensor m = shift(xp, a);
        Tensor kept = xp.sub(m).exp().sum(a, true).log().add(m);
        Tensor p = xp.sub(kept).exp();
        int[] keptShape = Raw.shape(kept);
        Tensor y = keepdims ? kept : kept.sum(a); // summing a length-1 axis just drops it
        return Record.unary("logSumExp", y, x,
                g -> p.mul(g.reshape(keptShape)),
                t -> {
                    Tensor r = t.mul(p).sum(a, true);
                    return keepdims ? r : r.sum(a);
                });
    }
}

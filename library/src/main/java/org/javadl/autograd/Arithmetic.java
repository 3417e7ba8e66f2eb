package org.javadl.autograd;

import org.javadl.tensor.Tensor;

/**
 * The element-wise arithmetic ops with numpy broadcasting: forward, gradient (summed back to each
 * operand's shape with {@link Broadcast#reduceTo}) and tangent of each, side by side.
 * Example: {@code Arithmetic.mul(a, b)} is a·b; its gradients are g·b and g·a.
 */
public final class Arithmetic {
    private Arithmetic() {
    }

    private static final Broadcast.Run ADD = (a, ia, da, b, ib, db, o, io, n) -> {
        for (int j = 0; j < n; j++) {
            o[io + j] = a[ia + j * da] + b[ib + j * db];
        }
    };
    private static final Broadcast.Run SUB = (a, ia, da, b, ib, db, o, io, n) -> {
        for (int j = 0; j < n; j++) {
            o[io + j] = a[ia + j * da] - b[ib + j * db];
        }
    };
    private static final Broadcast.Run MUL = (a, ia, da, b, ib, db, o, io, n) -> {
        for (int j = 0; j < n; j++) {
            o[io + j] = a[ia + j * da] * b[ib + j * db];
        }
    };
    private static final Broadcast.Run DIV = (a, ia, da, b, ib, db, o, io, n) -> {
        for (int j = 0; j < n; j++) {
            o[io + j] = a[ia + j * da] / b[ib + j * db];
        }
    };

    /** a + b; ∂/∂a = ∂/∂b = 1. */
    public static Tensor add(Tensor a, Tensor b) {
        Tensor y = Broadcast.zip("add", a, b, ADD);
        return Record.binary("add", y, a, b,
                (g, need) -> new Tensor[] {Broadcast.reduceTo(g, Raw.shape(a)), Broadcast.reduceTo(g, Raw.shape(b))},
                (ta, tb) -> ta == null ? tb : tb == null ? ta : ta.add(tb));
    }

    /** a − b; ∂/∂a = 1, ∂/∂b = −1. */
    public static Tensor sub(Tensor a, Tensor b) {
        Tensor y = Broadcast.zip("sub", a, b, SUB);
        return Record.binary("sub", y, a, b,
                (g, need) -> new Tensor[] {Broadcast.reduceTo(g, Raw.shape(a)),
                        need[1] ? Broadcast.reduceTo(g, Raw.shape(b)).neg() : null},
                (ta, tb) -> ta == null ? tb.neg() : tb == null ? ta : ta.sub(tb));
    }

    /** a·b (Hadamard); ∂/∂a = b, ∂/∂b = a. */
    public static Tensor mul(Tensor a, Tensor b) {
        Tensor y = Broadcast.zip("mul", a, b, MUL);
        return Record.binary("mul", y, a, b,
                (g, need) -> new Tensor[] {need[0] ? Broadcast.reduceTo(g.mul(b), Raw.shape(a)) : null,
                        need[1] ? Broadcast.reduceTo(g.mul(a), Raw.shape(b)) : null},
                (ta, tb) -> ta == null ? a.mul(tb) : tb == null ? ta.mul(b) : ta.mul(b).add(a.mul(tb)));
    }

    /** a / b; ∂/∂a = 1/b, ∂/∂b = −a/b² = −y/b. */
    public static Tensor div(Tensor a, Tensor b) {
        Tensor y = Broadcast.zip("div", a, b, DIV);
        Tensor yp = Raw.plain(y);
        return Record.binary("div", y, a, b,
                (g, need) -> {
                    Tensor gb = g.div(b);
                    return new Tensor[] {need[0] ? Broadcast.reduceTo(gb, Raw.shape(a)) : null,
                            need[1] ? Broadcast.reduceTo(gb.mul(yp).neg(), Raw.shape(b)) : null};
                },
                // d(a/b) = (da − y·db) / b
                (ta, tb) -> (ta == null ? tb.mul(yp).neg() : tb == null ? ta : ta.sub(tb.mul(yp))).div(b));
    }

    /**
     * a^b element-wise; ∂/∂a = b·a^(b−1), ∂/∂b = a^b·ln a, taken as 0 where a = 0 and b ≥ 0 (PyTorch's
     * convention, so that 0^b with a fixed b ≥ 0 does not give NaN gradients).
     */
    public static Tensor pow(Tensor a, Tensor b) {
        Tensor y = Broadcast.zip("pow", a, b, Broadcast.of(Math::pow));
        Tensor yp = Raw.plain(y);
        return Record.binary("pow", y, a, b,
                (g, need) -> new Tensor[] {need[0] ? Broadcast.reduceTo(g.mul(dBase(a, b)), Raw.shape(a)) : null,
                        need[1] ? Broadcast.reduceTo(g.mul(dExponent(a, b, yp)), Raw.shape(b)) : null},
                (ta, tb) -> {
                    Tensor fromBase = ta == null ? null : ta.mul(dBase(a, b));
                    Tensor fromExp = tb == null ? null : tb.mul(dExponent(a, b, yp));
                    return fromBase == null ? fromExp : fromExp == null ? fromBase : fromBase.add(fromExp);
                });
    }

    private static Tensor dBase(Tensor a, Tensor b) {
        return Broadcast.apply("pow", Raw.plain(a), Raw.plain(b), (x, e) -> e == 0 ? 0 : e * Math.pow(x, e - 1));
    }

    private static Tensor dExponent(Tensor a, Tensor b, Tensor y) {
        Tensor lnA = Broadcast.apply("pow", Raw.plain(a), Raw.plain(b), (x, e) -> x == 0 && e >= 0 ? 0 : Math.log(x));
        return lnA.mul(y);
    }

    /** −a. */
    public static Tensor neg(Tensor a) {
        double[] x = Raw.data(a);
        double[] d = new double[x.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = -x[i];
        }
        return Record.unary("neg", Raw.make(d, Raw.shape(a).clone()), a, Tensor::neg, Tensor::neg);
    }

    /** a + s for a scalar s. */
    public static Tensor add(Tensor a, double s) {
        double[] x = Raw.data(a);
        double[] d = new double[x.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = x[i] + s;
        }
        return Record.unary("add", Raw.make(d, Raw.shape(a).clone()), a, g -> g, t -> t);
    }

    /** a·s for a scalar s. */
    public static Tensor mul(Tensor a, double s) {
        double[] x = Raw.data(a);
        double[] d = new double[x.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = x[i] * s;
        }
        return Record.unary("mul", Raw.make(d, Raw.shape(a).clone()), a, g -> g.mul(s), t -> t.mul(s));
    }

    /** a / s for a scalar s (divided, not multiplied by 1/s, so results match numpy bit for bit). */
    public static Tensor div(Tensor a, double s) {
        double[] x = Raw.data(a);
        double[] d = new double[x.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = x[i] / s;
        }
        return Record.unary("div", Raw.make(d, Raw.shape(a).clone()), a, g -> g.div(s), t -> t.div(s));
    }

    /** a^p for a constant p; ∂/∂a = p·a^(p−1) (0 for p = 0, as PyTorch). a² is computed as a·a. */
    public static Tensor pow(Tensor a, double p) {
        double[] x = Raw.data(a);
        double[] d = new double[x.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = p == 2 ? x[i] * x[i] : Math.pow(x[i], p);
        }
        Tensor ap = Raw.plain(a);
        return Record.unary("pow", Raw.make(d, Raw.shape(a).clone()), a,
                g -> g.mul(powDerivative(ap, p)), t -> t.mul(powDerivative(ap, p)));
    }

    private static Tensor powDerivative(Tensor a, double p) {
        if (p == 0) {
            return Tensor.zeros(a.shape());
        }
        return p == 2 ? a.mul(2.0) : a.pow(p - 1).mul(p);
    }
}

package org.javadl.activation;

import org.javadl.autograd.Softmaxes;
import org.javadl.tensor.Shapes;
import org.javadl.tensor.Tensor;

/**
 * softmax, log-softmax and log-sum-exp over the last axis (a vector, or each row of a matrix),
 * computed after subtracting the maximum so that e^x never overflows: softmax([1000, 1001]) is
 * [0.2689…, 0.7311…]. The tensor forms are {@link Softmaxes}' differentiable ops. Example: {@code Softmax.softmax(Tensor.of(0, 0))} is [0.5, 0.5].
 */
public final class Softmax {
    private Softmax() {
    }

    /** S(x)ᵢ = e^(xᵢ − m) / Σⱼ e^(xⱼ − m) with m = max x, along the last axis. */
    public static Tensor softmax(Tensor x) {
        requireVectors("softmax", x);
        return Softmaxes.softmax(x, -1);
    }

    /** log S(x)ᵢ = xᵢ − logsumexp(x), along the last axis. Example: {@code logSoftmax(of(0, 0))} is [−ln 2, −ln 2]. */
    public static Tensor logSoftmax(Tensor x) {
        requireVectors("logSoftmax", x);
        return Softmaxes.logSoftmax(x, -1);
    }

    /**
     * logsumexp(x) = m + ln Σ e^(xᵢ − m) with m = max x, over all elements; −∞ for an empty tensor.
     * Example: {@code logSumExp(of(1000, 1000))} = 1000 + ln 2.
     */
    public static double logSumExp(Tensor x) {
        return logSumExp(x.toArray());
    }

    /** logsumexp of plain values. Example: {@code logSumExp(0, 0)} = ln 2. */
    public static double logSumExp(double... x) {
        double m = Double.NEGATIVE_INFINITY;
        for (double v : x) {
            m = Math.max(m, v);
        }
        if (m == Double.NEGATIVE_INFINITY || Double.isNaN(m)) {
            return m; // all −∞ (or empty): the sum of zeros has log −∞; NaN propagates
        }
        if (m == Double.POSITIVE_INFINITY) {
            return m;
        }
        double s = 0;
        for (double v : x) {
            s += Math.exp(v - m);
        }
        return m + Math.log(s);
    }

    /**
     * logsumexp along one axis, optionally keeping it. Example: {@code logSumExp(zeros(2, 3), 1, false)}
     * is [ln 3, ln 3].
     */
    public static Tensor logSumExp(Tensor x, int axis, boolean keepdims) {
        return Softmaxes.logSumExp(x, axis, keepdims);
    }

    /**
     * The Jacobian of softmax at a point whose softmax is {@code p}: J = Diag(p) − p pᵀ, i.e.
     * Jᵢⱼ = pᵢ(δᵢⱼ − pⱼ). Example: {@code softmaxJacobian(of(0.5, 0.5))} is [[0.25, −0.25], [−0.25, 0.25]].
     */
    public static Tensor softmaxJacobian(Tensor p) {
        if (p.ndim() != 1) {
            throw new IllegalArgumentException("softmaxJacobian: needs a 1-D probability vector, got shape "
                    + Shapes.str(p.shape()));
        }
        int n = p.size();
        double[] v = p.toArray();
        double[] j = new double[n * n];
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                j[a * n + b] = (a == b ? v[a] : 0) - v[a] * v[b];
            }
        }
        return Tensor.of(j, n, n);
    }

    private static void requireVectors(String op, Tensor x) {
        if (x.ndim() == 0 || x.size() == 0) {
            throw new IllegalArgumentException(op + ": needs a non-empty vector (or rows of scores), got shape "
                    + Shapes.str(x.shape()));
        }
    }
}

package org.javadl.loss;

import java.util.ArrayList;
import java.util.List;

import org.javadl.tensor.Shapes;
import org.javadl.tensor.Tensor;

/**
 * Kullback–Leibler divergence KL(p‖q) = Σ_d p(d) ln(p(d)/q(d)) (natural log), with 0·ln(0/q) = 0 and
 * +∞ where p(d) &gt; 0 = q(d). It is not symmetric: compare {@code value(p, q)} and {@code value(q, p)}.
 * Gradients: ∂KL(p‖q)/∂q(d) = −p(d)/q(d) and ∂KL(p‖q)/∂p(d) = ln(p(d)/q(d)) + 1.
 * Example: {@code value(of(0.5, 0.5), of(0.25, 0.75))} = 0.5 ln 2 + 0.5 ln(2/3).
 */
public final class KlDivergence {
    private KlDivergence() {
    }

    /**
     * Frequencies (counts) divided by their sum, giving a probability vector.
     * Example: {@code normalize(of(1, 3))} is [0.25, 0.75].
     */
    public static Tensor normalize(Tensor counts) {
        if (counts.size() == 0) {
            throw new IllegalArgumentException("normalize: empty tensor (shape " + Shapes.str(counts.shape()) + ")");
        }
        if (counts.min() < 0) {
            throw new IllegalArgumentException("normalize: counts must be >= 0, got " + counts.min());
        }
        double s = counts.sum();
        if (!(s > 0) || Double.isInfinite(s)) {
            throw new IllegalArgumentException("normalize: counts must have a positive finite sum, got " + s);
        }
        return counts.div(s);
    }

    /** KL(p‖q) = Σ p ln(p/q). Example: {@code value(p, p) == 0}. */
    public static double value(Tensor p, Tensor q) {
        double[] t = terms(p, q);
        double s = 0;
        for (double v : t) {
            s += v;
        }
        return s;
    }

    /** The terms p(d) ln(p(d)/q(d)), one per outcome. */
    public static double[] terms(Tensor p, Tensor q) {
        check(p, q);
        double[] pv = p.toArray();
        double[] qv = q.toArray();
        double[] t = new double[pv.length];
        for (int d = 0; d < pv.length; d++) {
            t[d] = pv[d] == 0 ? 0 : (qv[d] == 0 ? Double.POSITIVE_INFINITY : pv[d] * Math.log(pv[d] / qv[d]));
        }
        return t;
    }

    /** ∂KL(p‖q)/∂q = −p/q (element-wise). Example: {@code gradientWrtQ(of(0.5, 0.5), of(0.5, 0.5))} is [−1, −1]. */
    public static Tensor gradientWrtQ(Tensor p, Tensor q) {
        check(p, q);
        return p.div(q).neg();
    }

    /** ∂KL(p‖q)/∂p = ln(p/q) + 1 (element-wise). Example: {@code gradientWrtP(p, p)} is all ones. */
    public static Tensor gradientWrtP(Tensor p, Tensor q) {
        check(p, q);
        return p.div(q).log().add(1);
    }

    /** One row per outcome d: p(d), q(d), p/q, ln(p/q), p ln(p/q); the gradient w.r.t. q. */
    public static LossBreakdown breakdown(Tensor p, Tensor q) {
        double[] t = terms(p, q);
        double[] pv = p.toArray();
        double[] qv = q.toArray();
        List<List<Object>> rows = new ArrayList<>();
        for (int d = 0; d < pv.length; d++) {
            double ratio = pv[d] / qv[d];
            rows.add(List.of(d, pv[d], qv[d], ratio, Math.log(ratio), t[d]));
        }
        return new LossBreakdown("KL(p‖q)", "\\sum_d p(d) \\ln\\frac{p(d)}{q(d)}",
                List.of("d", "p(d)", "q(d)", "p/q", "ln(p/q)", "p ln(p/q)"), rows, t, value(p, q), gradientWrtQ(p, q));
    }

    private static void check(Tensor p, Tensor q) {
        Checks.sameShape("kl", p, q);
        if (p.size() > 0 && (p.min() < 0 || q.min() < 0)) {
            throw new IllegalArgumentException("kl: probabilities must be >= 0 (min of p " + p.min() + ", of q "
                    + q.min() + ")");
        }
    }
}

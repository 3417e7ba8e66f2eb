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
        if (counts.minValue() < 0) {
            throw new IllegalArgumentException("normalize: counts must be >= 0, got " + counts.minValue());
        }
        double s = counts.sumValue();
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

    /**
     * The terms of KL(first‖second), labelled with the generic symbols a (the first argument) and b (the
     * second): title "KL(a‖b)", columns d, a(d), b(d), a/b, ln(a/b), a ln(a/b); the gradient is w.r.t. the
     * second argument. The labels follow the argument order, so {@code breakdown(q, p)} is KL(q‖p) with
     * a = q. To show your own symbols use {@link #breakdown(Tensor, Tensor, String, String)}.
     */
    public static LossBreakdown breakdown(Tensor first, Tensor second) {
        return breakdown(first, second, "a", "b");
    }

    /**
     * The terms of KL(first‖second) labelled with the given symbols. Example: {@code breakdown(q, p, "q", "p")}
     * is titled "KL(q‖p)" with columns d, q(d), p(d), q/p, ln(q/p), q ln(q/p); the gradient is
     * ∂KL/∂(second argument) = −first/second.
     */
    public static LossBreakdown breakdown(Tensor first, Tensor second, String firstSymbol, String secondSymbol) {
        String a = symbol(firstSymbol, "first");
        String b = symbol(secondSymbol, "second");
        double[] t = terms(first, second);
        double[] pv = first.toArray();
        double[] qv = second.toArray();
        List<List<Object>> rows = new ArrayList<>();
        for (int d = 0; d < pv.length; d++) {
            double ratio = pv[d] / qv[d];
            rows.add(List.of(d, pv[d], qv[d], ratio, Math.log(ratio), t[d]));
        }
        String ratio = a + "/" + b;
        return new LossBreakdown("KL(" + a + "‖" + b + ")", "\\sum_d " + a + "(d) \\ln\\frac{" + a + "(d)}{" + b + "(d)}",
                List.of("d", a + "(d)", b + "(d)", ratio, "ln(" + ratio + ")", a + " ln(" + ratio + ")"), rows, t,
                value(first, second), gradientWrtQ(first, second));
    }

    private static String symbol(String s, String which) {
        if (s == null || s.isBlank()) {
            throw new IllegalArgumentException("kl: the symbol for the " + which + " distribution must not be empty");
        }
        return s.strip();
    }

    private static void check(Tensor p, Tensor q) {
        Checks.sameShape("kl", p, q);
        if (p.size() > 0 && (p.minValue() < 0 || q.minValue() < 0)) {
            throw new IllegalArgumentException("kl: probabilities must be >= 0 (min of p " + p.minValue() + ", of q "
                    + q.minValue() + ")");
        }
    }
}

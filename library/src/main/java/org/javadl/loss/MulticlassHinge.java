package org.javadl.loss;

import java.util.ArrayList;
import java.util.List;

import org.javadl.tensor.Tensor;

/**
 * The multiclass SVM (hinge) loss of one sample: L = Σ_{j ≠ y} max(0, s_j − s_y + Δ), margin Δ = 1 by
 * default, the correct class y excluded from the sum. Its (sub)gradient w.r.t. the scores is 1 for
 * each class whose term is positive, minus their count at the correct class, 0 elsewhere.
 * Example: {@code value(Tensor.of(1, 2, 3), 2)} = max(0, 1−3+1) + max(0, 2−3+1) = 0.
 */
public final class MulticlassHinge {
    private MulticlassHinge() {
    }

    /** The default margin Δ = 1. */
    public static final double DEFAULT_MARGIN = 1.0;

    /** L with margin 1 and the correct class given by index. */
    public static double value(Tensor scores, int correct) {
        return value(scores, correct, DEFAULT_MARGIN);
    }

    /** L with the correct class given as a one-hot vector (its largest entry). */
    public static double value(Tensor scores, Tensor oneHot) {
        Checks.sameShape("hinge", scores, oneHot);
        return value(scores, oneHot.argmax(), DEFAULT_MARGIN);
    }

    /** L = Σ_{j ≠ y} max(0, s_j − s_y + margin). */
    public static double value(Tensor scores, int correct, double margin) {
        Checks.vector("hinge", scores);
        Checks.classIndex("hinge", scores, correct);
        double[] s = scores.toArray();
        double sum = 0;
        for (int j = 0; j < s.length; j++) {
            if (j != correct) {
                sum += Math.max(0, s[j] - s[correct] + margin);
            }
        }
        return sum;
    }

    /** ∂L/∂s with margin 1 (subgradient 0 where a term is exactly at its kink). */
    public static Tensor gradient(Tensor scores, int correct) {
        return gradient(scores, correct, DEFAULT_MARGIN);
    }

    /** ∂L/∂s_j = [s_j − s_y + Δ &gt; 0] for j ≠ y, and −Σ_{j≠y} [s_j − s_y + Δ &gt; 0] for j = y. */
    public static Tensor gradient(Tensor scores, int correct, double margin) {
        Checks.vector("hinge", scores);
        Checks.classIndex("hinge", scores, correct);
        double[] s = scores.toArray();
        double[] g = new double[s.length];
        for (int j = 0; j < s.length; j++) {
            if (j != correct && s[j] - s[correct] + margin > 0) {
                g[j] = 1;
                g[correct] -= 1;
            }
        }
        return Tensor.of(g);
    }

    /** One row per class: score, s_j − s_y + Δ, max(0, ·); the correct class is marked and not counted. */
    public static LossBreakdown breakdown(Tensor scores, int correct) {
        return breakdown(scores, correct, DEFAULT_MARGIN);
    }

    /** {@link #breakdown(Tensor, int)} with a chosen margin. */
    public static LossBreakdown breakdown(Tensor scores, int correct, double margin) {
        double total = value(scores, correct, margin);
        double[] s = scores.toArray();
        double[] terms = new double[s.length];
        List<List<Object>> rows = new ArrayList<>();
        for (int j = 0; j < s.length; j++) {
            if (j == correct) {
                terms[j] = Double.NaN;
                rows.add(List.of(j, s[j], "(correct class)", "excluded"));
            } else {
                double m = s[j] - s[correct] + margin;
                terms[j] = Math.max(0, m);
                rows.add(List.of(j, s[j], m, terms[j]));
            }
        }
        return new LossBreakdown("multiclass hinge loss (margin " + LossBreakdown.fmt(margin) + ")",
                "\\sum_{j \\ne y} \\max(0, s_j - s_y + " + LossBreakdown.fmt(margin) + ")",
                List.of("class j", "score s_j", "s_j - s_y + Δ", "max(0, ·)"), rows, terms, total,
                gradient(scores, correct, margin));
    }
}

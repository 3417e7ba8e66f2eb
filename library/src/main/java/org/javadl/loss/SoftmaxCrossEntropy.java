package org.javadl.loss;

import java.util.ArrayList;
import java.util.List;

import org.javadl.activation.Softmax;
import org.javadl.tensor.Tensor;

/**
 * Softmax cross-entropy of one sample from raw scores s: L = −Σᵢ yᵢ ln softmax(s)ᵢ = Σᵢ yᵢ (lse(s) − sᵢ)
 * with lse the stable log-sum-exp; for a class index y it is lse(s) − s_y. The gradient w.r.t. the
 * scores is p − y with p = softmax(s) (for a target that sums to 1; in general (Σy) p − y).
 * Example: {@code value(Tensor.of(0, 0), 0)} = ln 2.
 */
public final class SoftmaxCrossEntropy {
    private SoftmaxCrossEntropy() {
    }

    /** lse(s) − s_y. Example: {@code value(of(1000, 1000), 1)} = ln 2 (no overflow). */
    public static double value(Tensor scores, int correct) {
        Checks.vector("softmaxCrossEntropy", scores);
        Checks.classIndex("softmaxCrossEntropy", scores, correct);
        return Softmax.logSumExp(scores) - scores.get(correct);
    }

    /** −Σᵢ yᵢ ln softmax(s)ᵢ for a one-hot or probability target y. */
    public static double value(Tensor scores, Tensor target) {
        Checks.vector("softmaxCrossEntropy", scores);
        Checks.sameShape("softmaxCrossEntropy", scores, target);
        return -target.mul(Softmax.logSoftmax(scores)).map(v -> Double.isNaN(v) ? 0 : v).sumValue();
    }

    /** p − onehot(y). Example: {@code gradient(of(0, 0), 0)} is [−0.5, 0.5]. */
    public static Tensor gradient(Tensor scores, int correct) {
        Checks.vector("softmaxCrossEntropy", scores);
        Checks.classIndex("softmaxCrossEntropy", scores, correct);
        double[] g = Softmax.softmax(scores).toArray();
        g[correct] -= 1;
        return Tensor.of(g);
    }

    /** (Σy) p − y, which is p − y for a target that sums to 1. */
    public static Tensor gradient(Tensor scores, Tensor target) {
        Checks.vector("softmaxCrossEntropy", scores);
        Checks.sameShape("softmaxCrossEntropy", scores, target);
        return Softmax.softmax(scores).mul(target.sumValue()).sub(target);
    }

    /** One row per class: score, p, ln p, y, −y ln p. */
    public static LossBreakdown breakdown(Tensor scores, int correct) {
        Checks.vector("softmaxCrossEntropy", scores);
        Checks.classIndex("softmaxCrossEntropy", scores, correct);
        double[] y = new double[scores.size()];
        y[correct] = 1;
        return breakdown(scores, Tensor.of(y));
    }

    /** One row per class for a one-hot or probability target. */
    public static LossBreakdown breakdown(Tensor scores, Tensor target) {
        double total = value(scores, target);
        double[] s = scores.toArray();
        double[] logp = Softmax.logSoftmax(scores).toArray();
        double[] y = target.toArray();
        double[] terms = new double[s.length];
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < s.length; i++) {
            terms[i] = y[i] == 0 ? 0 : -y[i] * logp[i];
            rows.add(List.of(i, s[i], Math.exp(logp[i]), logp[i], y[i], terms[i]));
        }
        return new LossBreakdown("softmax cross-entropy", "-\\sum_i y_i \\ln \\frac{e^{s_i}}{\\sum_j e^{s_j}}",
                List.of("class i", "score s_i", "p_i", "ln p_i", "y_i", "-y_i ln p_i"), rows, terms, total,
                gradient(scores, target));
    }
}

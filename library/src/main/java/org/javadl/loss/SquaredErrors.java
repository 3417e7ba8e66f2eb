package org.javadl.loss;

import java.util.ArrayList;
import java.util.List;

import org.javadl.tensor.Tensor;

/**
 * Squared-error losses, in three explicitly named scalings so they cannot be confused:
 * <ul>
 * <li>{@code sumSquaredError} Σ(ŷ − y)², gradient 2(ŷ − y) — the homework's "L2 loss";</li>
 * <li>{@code meanSquaredError} (1/n) Σ(ŷ − y)², gradient 2(ŷ − y)/n — PyTorch's MSELoss;</li>
 * <li>{@code halfSquaredError} ½ Σ(ŷ − y)², gradient ŷ − y.</li>
 * </ul>
 * Gradients are w.r.t. the prediction ŷ. Example: {@code sumSquaredError(of(1, 2), of(0, 0)) == 5}.
 */
public final class SquaredErrors {
    private SquaredErrors() {
    }

    /** The element-wise squared errors (ŷ − y)², same shape. Example: {@code squaredErrors(of(3), of(1))} is [4]. */
    public static Tensor squaredErrors(Tensor prediction, Tensor target) {
        Checks.sameShape("squaredErrors", prediction, target);
        return prediction.sub(target).pow(2);
    }

    /** Σ(ŷ − y)². Example: {@code sumSquaredError(of(1, 2), of(0, 0)) == 5}. */
    public static double sumSquaredError(Tensor prediction, Tensor target) {
        return squaredErrors(prediction, target).sumValue();
    }

    /** ∂/∂ŷ Σ(ŷ − y)² = 2(ŷ − y). */
    public static Tensor sumSquaredErrorGradient(Tensor prediction, Tensor target) {
        Checks.sameShape("sumSquaredError", prediction, target);
        return prediction.sub(target).mul(2);
    }

    /** (1/n) Σ(ŷ − y)². Example: {@code meanSquaredError(of(1, 2), of(0, 0)) == 2.5}. */
    public static double meanSquaredError(Tensor prediction, Tensor target) {
        if (prediction.size() == 0) {
            throw new IllegalArgumentException("meanSquaredError: the mean over an empty tensor is undefined");
        }
        return sumSquaredError(prediction, target) / prediction.size();
    }

    /** ∂/∂ŷ (1/n) Σ(ŷ − y)² = 2(ŷ − y)/n. */
    public static Tensor meanSquaredErrorGradient(Tensor prediction, Tensor target) {
        Checks.sameShape("meanSquaredError", prediction, target);
        return prediction.sub(target).mul(2.0 / prediction.size());
    }

    /** ½ Σ(ŷ − y)². Example: {@code halfSquaredError(of(1, 2), of(0, 0)) == 2.5}. */
    public static double halfSquaredError(Tensor prediction, Tensor target) {
        return 0.5 * sumSquaredError(prediction, target);
    }

    /** ∂/∂ŷ ½ Σ(ŷ − y)² = ŷ − y. */
    public static Tensor halfSquaredErrorGradient(Tensor prediction, Tensor target) {
        Checks.sameShape("halfSquaredError", prediction, target);
        return prediction.sub(target);
    }

    /** The sum of squared errors with one row per element (flat index, ŷ, y, ŷ − y, (ŷ − y)²). */
    public static LossBreakdown breakdown(Tensor prediction, Tensor target) {
        Checks.sameShape("sumSquaredError", prediction, target);
        double[] p = prediction.toArray();
        double[] t = target.toArray();
        List<List<Object>> rows = new ArrayList<>();
        double[] terms = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            double r = p[i] - t[i];
            terms[i] = r * r;
            rows.add(List.of(i, p[i], t[i], r, terms[i]));
        }
        return new LossBreakdown("sum of squared errors", "\\sum_i (\\hat y_i - y_i)^2",
                List.of("i", "ŷ", "y", "ŷ - y", "(ŷ - y)²"), rows, terms, sumSquaredError(prediction, target),
                sumSquaredErrorGradient(prediction, target));
    }
}

package org.javadl.loss;

import java.util.ArrayList;
import java.util.List;

import org.javadl.activation.Activations;
import org.javadl.tensor.Tensor;

/**
 * Binary cross-entropy L(p, y) = −[y ln p + (1 − y) ln(1 − p)] for a predicted probability p of the
 * positive class and a label y ∈ {0, 1} (soft labels in [0, 1] also work), with 0·ln 0 = 0.
 *
 * <p>From a logit z (p = σ(z)) use the {@code fromLogits} forms, L = max(z, 0) − y z + ln(1 + e^(−|z|)),
 * which never overflow and never take ln 0; their derivative is σ(z) − y.
 * Example: {@code BinaryCrossEntropy.value(0.5, 1)} = ln 2.
 */
public final class BinaryCrossEntropy {
    private BinaryCrossEntropy() {
    }

    /** −[y ln p + (1 − y) ln(1 − p)]. Example: {@code value(0.5, 0)} = ln 2 ≈ 0.6931. */
    public static double value(double p, double y) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("bce: probability must be in [0, 1], got " + p);
        }
        double a = y == 0 ? 0 : y * Math.log(p);
        double b = y == 1 ? 0 : (1 - y) * Math.log1p(-p);
        return 0.0 - (a + b); // not −(a + b), which gives −0.0 for a perfect prediction
    }

    /** ∂L/∂p = −y/p + (1 − y)/(1 − p). Example: {@code derivative(0.5, 1) == -2}. */
    public static double derivative(double p, double y) {
        return -y / p + (1 - y) / (1 - p);
    }

    /** L(σ(z), y) = max(z, 0) − y z + ln(1 + e^(−|z|)) (stable softplus form). Example: {@code fromLogits(0, 1)} = ln 2. */
    public static double fromLogits(double z, double y) {
        return Math.max(z, 0) - y * z + Math.log1p(Math.exp(-Math.abs(z)));
    }

    /** ∂L/∂z = σ(z) − y. Example: {@code fromLogitsDerivative(0, 1) == -0.5}. */
    public static double fromLogitsDerivative(double z, double y) {
        return Activations.sigmoid(z) - y;
    }

    /** Σᵢ L(pᵢ, yᵢ) over tensors of equal shape. Example: {@code sum(of(0.5, 0.5), of(1, 0))} = 2 ln 2. */
    public static double sum(Tensor p, Tensor y) {
        Checks.sameShape("bce", p, y);
        double[] pv = p.toArray();
        double[] yv = y.toArray();
        double s = 0;
        for (int i = 0; i < pv.length; i++) {
            s += value(pv[i], yv[i]);
        }
        return s;
    }

    /** (1/n) Σᵢ L(pᵢ, yᵢ). Example: {@code mean(of(0.5, 0.5), of(1, 0))} = ln 2. */
    public static double mean(Tensor p, Tensor y) {
        requireNonEmpty(p);
        return sum(p, y) / p.size();
    }

    /** ∂(Σ L)/∂pᵢ = −yᵢ/pᵢ + (1 − yᵢ)/(1 − pᵢ). */
    public static Tensor gradient(Tensor p, Tensor y) {
        Checks.sameShape("bce", p, y);
        return p.zipWith(y, BinaryCrossEntropy::derivative);
    }

    /** Σᵢ L(σ(zᵢ), yᵢ) from logits. Example: {@code sumFromLogits(of(0, 0), of(1, 0))} = 2 ln 2. */
    public static double sumFromLogits(Tensor z, Tensor y) {
        Checks.sameShape("bce", z, y);
        return z.zipWith(y, BinaryCrossEntropy::fromLogits).sumValue();
    }

    /** (1/n) Σᵢ L(σ(zᵢ), yᵢ) from logits. */
    public static double meanFromLogits(Tensor z, Tensor y) {
        requireNonEmpty(z);
        return sumFromLogits(z, y) / z.size();
    }

    /** ∂(Σ L)/∂zᵢ = σ(zᵢ) − yᵢ. Example: {@code gradientFromLogits(of(0), of(1))} is [−0.5]. */
    public static Tensor gradientFromLogits(Tensor z, Tensor y) {
        Checks.sameShape("bce", z, y);
        return z.zipWith(y, BinaryCrossEntropy::fromLogitsDerivative);
    }

    /** One row per sample: p, y, its term; the total is the sum. */
    public static LossBreakdown breakdown(Tensor p, Tensor y) {
        Checks.sameShape("bce", p, y);
        double[] pv = p.toArray();
        double[] yv = y.toArray();
        List<List<Object>> rows = new ArrayList<>();
        double[] terms = new double[pv.length];
        for (int i = 0; i < pv.length; i++) {
            terms[i] = value(pv[i], yv[i]);
            rows.add(List.of(i, pv[i], yv[i], terms[i]));
        }
        return new LossBreakdown("binary cross-entropy (sum)", "-\\sum_i [y_i \\ln p_i + (1 - y_i) \\ln(1 - p_i)]",
                List.of("i", "p", "y", "-[y ln p + (1-y) ln(1-p)]"), rows, terms, sum(p, y), gradient(p, y));
    }

    private static void requireNonEmpty(Tensor t) {
        if (t.size() == 0) {
            throw new IllegalArgumentException("bce: the mean of an empty batch is undefined");
        }
    }
}

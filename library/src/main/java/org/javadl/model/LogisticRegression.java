package org.javadl.model;

import java.util.ArrayList;
import java.util.List;
import org.javadl.graph.Fmt;

/**
 * Logistic regression Pr(y = 1 | x) = σ(φ0 + φ1 x_1 + … + φd x_d) with the binary cross-entropy
 * (natural log) ℓ_i = −[y_i ln p_i + (1 − y_i) ln(1 − p_i)], summed or averaged over the points
 * ({@link Reduction}). Parameters are φ = (φ0, φ1, …, φd), intercept first.
 *
 * <p>Gradient: ∂L/∂φ0 = Σ (p_i − y_i), ∂L/∂φj = Σ (p_i − y_i) x_ij (divided by I for the mean).
 * The loss is computed from z = φ·x as softplus(z) − y·z, which equals the formula above but
 * stays finite when p rounds to 0 or 1.
 *
 * <p>Example: {@code new LogisticRegression(Data.twoClass(0)).lossSum(new double[] {0, 0})} is 20·ln 2.
 */
public final class LogisticRegression implements Objective {
    private final LabelledData data;
    private final Reduction reduction;

    /** The model on labelled data with targets in [0, 1] (usually 0 or 1); the loss is summed. */
    public LogisticRegression(LabelledData data) {
        this(data, Reduction.SUM);
    }

    /** The model with a choice of sum or mean: {@code new LogisticRegression(data, Reduction.MEAN)}. */
    public LogisticRegression(LabelledData data, Reduction reduction) {
        if (data == null || reduction == null) {
            throw new IllegalArgumentException("data and reduction must not be null");
        }
        for (int i = 0; i < data.size(); i++) {
            double y = data.y(i);
            if (!(y >= 0 && y <= 1)) {
                throw new IllegalArgumentException("target y[" + i + "] = " + y + " is not in [0, 1]");
            }
        }
        this.data = data;
        this.reduction = reduction;
    }

    /** 1-D data: {@code LogisticRegression.of(xs, labels)}. */
    public static LogisticRegression of(double[] x, double[] y) {
        return new LogisticRegression(LabelledData.of(x, y));
    }

    /** The same model with the other reduction: {@code model.with(Reduction.MEAN)}. */
    public LogisticRegression with(Reduction r) {
        return new LogisticRegression(data, r);
    }

    /** The data. */
    public LabelledData data() {
        return data;
    }

    /** SUM or MEAN. */
    public Reduction reduction() {
        return reduction;
    }

    @Override
    public int parameterCount() {
        return data.dimension() + 1;
    }

    private void check(double[] phi) {
        if (phi == null || phi.length != parameterCount()) {
            throw new IllegalArgumentException("this model has " + parameterCount() + " parameters (φ0.."
                    + "φ" + data.dimension() + "), got " + (phi == null ? "null" : phi.length));
        }
    }

    private static double z(double[] phi, double[] xi) {
        double z = phi[0];
        for (int j = 0; j < xi.length; j++) {
            z += phi[j + 1] * xi[j];
        }
        return z;
    }

    /** σ(z) without overflow. */
    static double sigmoid(double z) {
        return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
    }

    /** ln(1 + e^z) without overflow. */
    static double softplus(double z) {
        return Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)));
    }

    /** Pr(y = 1 | x) = σ(φ0 + Σ φj x_j): {@code model.probability(phi, new double[] {0.5})}. */
    public double probability(double[] phi, double[] x) {
        check(phi);
        if (x == null || x.length != data.dimension()) {
            throw new IllegalArgumentException("x must have " + data.dimension() + " features, got "
                    + (x == null ? "null" : x.length));
        }
        return sigmoid(z(phi, x));
    }

    /** 1-D: σ(φ0 + φ1 x). */
    public static double probability(double phi0, double phi1, double x) {
        return sigmoid(phi0 + phi1 * x);
    }

    /** Per-point loss ℓ_i = −[y ln p + (1−y) ln(1−p)] = softplus(z) − y z. */
    private double term(double[] phi, int i) {
        double z = z(phi, data.row(i));
        return softplus(z) - data.y(i) * z;
    }

    /** Σ_i ℓ_i. */
    public double lossSum(double[] phi) {
        check(phi);
        double s = 0;
        for (int i = 0; i < data.size(); i++) {
            s += term(phi, i);
        }
        return s;
    }

    /** (1/I) Σ_i ℓ_i. */
    public double lossMean(double[] phi) {
        return lossSum(phi) / data.size();
    }

    /** Σ_i (p_i − y_i)·(1, x_i). */
    public double[] gradientSum(double[] phi) {
        check(phi);
        double[] g = new double[phi.length];
        for (int i = 0; i < data.size(); i++) {
            double[] xi = data.row(i);
            double r = sigmoid(z(phi, xi)) - data.y(i);
            g[0] += r;
            for (int j = 0; j < xi.length; j++) {
                g[j + 1] += r * xi[j];
            }
        }
        return g;
    }

    /** (1/I) Σ_i (p_i − y_i)·(1, x_i). */
    public double[] gradientMean(double[] phi) {
        double[] g = gradientSum(phi);
        for (int j = 0; j < g.length; j++) {
            g[j] /= data.size();
        }
        return g;
    }

    /** The loss with this model's reduction. */
    @Override
    public double loss(double[] phi) {
        return reduction == Reduction.SUM ? lossSum(phi) : lossMean(phi);
    }

    /** The gradient with this model's reduction. */
    @Override
    public double[] gradient(double[] phi) {
        return reduction == Reduction.SUM ? gradientSum(phi) : gradientMean(phi);
    }

    /** 1-D convenience: the loss at (φ0, φ1). */
    public double loss(double phi0, double phi1) {
        return loss(new double[] {phi0, phi1});
    }

    /** Gradient descent from {@code start}: {@code model.fit(GradientDescent.withStep(0.1).iterations(100), 0, 0)}. */
    public Trajectory fit(GradientDescent gd, double... start) {
        return gd.run(this, start);
    }

    /** The loss term by term: x, y, z, p, ℓ_i. */
    public LossTerms lossTerms(double[] phi) {
        check(phi);
        List<String[]> rows = new ArrayList<>();
        double total = 0;
        for (int i = 0; i < data.size(); i++) {
            double[] xi = data.row(i);
            double z = z(phi, xi);
            double t = term(phi, i);
            total += t;
            StringBuilder xs = new StringBuilder();
            for (int j = 0; j < xi.length; j++) {
                xs.append(j == 0 ? "" : ", ").append(Fmt.num(xi[j]));
            }
            rows.add(new String[] {Integer.toString(i + 1), xs.toString(), Fmt.num(data.y(i)), Fmt.num(z),
                    Fmt.num(sigmoid(z)), Fmt.num(t)});
        }
        boolean mean = reduction == Reduction.MEAN;
        if (mean) {
            total /= data.size();
        }
        String f = mean ? "L = (1/I) Σ −[y ln p + (1−y) ln(1−p)]" : "L = Σ −[y ln p + (1−y) ln(1−p)]";
        String fl = (mean ? "L = \\frac{1}{I}" : "L = ") + "\\sum_i -\\left[y_i\\ln p_i + (1-y_i)\\ln(1-p_i)\\right]";
        LossTerms terms = new LossTerms(f, fl, new String[] {"i", "x_i", "y_i", "z_i", "p_i = σ(z_i)", "ℓ_i"},
                rows, 5, total, mean ? data.size() : 1);
        return terms;
    }

    /** L over a grid of (φ0, φ1) for a heat map (1-D data only): {@code model.lossSurface(-3, 3, 61, -3, 3, 61)}. */
    public LossSurface lossSurface(double phi0From, double phi0To, int n0, double phi1From, double phi1To, int n1) {
        if (data.dimension() != 1) {
            throw new IllegalStateException("a (φ0, φ1) loss surface needs 1-D data; this data has "
                    + data.dimension() + " features");
        }
        return LossSurface.of(this::loss, phi0From, phi0To, n0, phi1From, phi1To, n1)
                .titled("Binary cross-entropy (" + reduction.name().toLowerCase() + ") L[φ0, φ1]");
    }
}

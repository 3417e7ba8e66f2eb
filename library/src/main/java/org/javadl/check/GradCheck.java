package org.javadl.check;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

import org.javadl.show.Html;
import org.javadl.show.Showable;
import org.javadl.tensor.Tensor;

/**
 * Finite-difference gradient checks with central differences:
 * f'(x) ≈ (f(x + h) − f(x − h)) / 2h with h = 1e-5·max(1, |x|), truncation error O(h²).
 *
 * <p>The error of each component is |a − n| / max(|a|, |n|, floor) with the floor
 * {@link #ERROR_FLOOR}·max(1, |f|) (|f| = the largest |f(x ± h)| seen). Where the gradient is large
 * this is the relative error; where it is ~0 it is the absolute error measured against the size of f.
 * The floor is needed because a central difference carries round-off noise of about ε·|f|/h ≈ 2e-11·|f|
 * (ε = 2.2e-16, h = 1e-5): with a pure relative error an entry whose true gradient is exactly 0 would
 * fail on that noise alone. With the floor, such noise counts as ≈ 2e-8, well under the default tolerance
 * {@link #DEFAULT_TOLERANCE} = 1e-6, while a wrong gradient of size 1e-4·|f| still shows an error ≥ 0.1.
 * Central differences in double precision are accurate to about 1e-9 relative for smooth, well-scaled
 * functions; use {@link #withTolerance} for badly scaled ones (e.g. ln q with q ≈ 1e-3).
 * Example: {@code GradCheck.check(Math::sin, Math::cos, 0.3).passed()} is true.
 */
public final class GradCheck implements Showable {
    /** The default pass threshold on the maximum relative error. */
    public static final double DEFAULT_TOLERANCE = 1e-6;
    /**
     * The floor of the error's denominator, relative to max(1, |f|): errors are
     * |a − n| / max(|a|, |n|, ERROR_FLOOR·max(1, |f|)).
     */
    public static final double ERROR_FLOOR = 1e-3;
    private static final double STEP = 1e-5;

    private final double[] x;
    private final double[] analytic;
    private final double[] numeric;
    private final double tolerance;
    private final double floor;

    private GradCheck(double[] x, double[] analytic, double[] numeric, double fScale, double tolerance) {
        this.x = x;
        this.analytic = analytic;
        this.numeric = numeric;
        this.floor = ERROR_FLOOR * Math.max(1, Double.isFinite(fScale) ? Math.abs(fScale) : 1);
        this.tolerance = tolerance;
    }

    private GradCheck(GradCheck g, double tolerance) {
        this.x = g.x;
        this.analytic = g.analytic;
        this.numeric = g.numeric;
        this.floor = g.floor;
        this.tolerance = tolerance;
    }

    /**
     * The error measure used by every gradient check: |a − n| / max(|a|, |n|, ERROR_FLOOR·max(1, |fScale|)),
     * fScale = the size of the function's values. Example: {@code error(1.0, 1.000001, 1.0)} ≈ 1e-6,
     * {@code error(0.0, 1e-11, 1.0)} = 1e-8.
     */
    public static double error(double analytic, double numeric, double fScale) {
        double floor = ERROR_FLOOR * Math.max(1, Double.isFinite(fScale) ? Math.abs(fScale) : 1);
        return Math.abs(analytic - numeric) / Math.max(Math.max(Math.abs(analytic), Math.abs(numeric)), floor);
    }

    /** The central-difference step used at x. */
    static double step(double x) {
        return STEP * Math.max(1, Math.abs(x));
    }

    /** The numeric derivative (f(x + h) − f(x − h)) / 2h. Example: {@code numericDerivative(x -> x * x, 3)} ≈ 6. */
    public static double numericDerivative(DoubleUnaryOperator f, double x) {
        double h = step(x);
        return (f.applyAsDouble(x + h) - f.applyAsDouble(x - h)) / (2 * h);
    }

    /** The numeric gradient of f: ℝⁿ → ℝ, one central difference per component. */
    public static double[] numericGradient(ToDoubleFunction<double[]> f, double[] x) {
        return numericGradient(f, x, new double[1]);
    }

    /** As above; scale[0] receives the largest |f| evaluated (for the error floor). */
    private static double[] numericGradient(ToDoubleFunction<double[]> f, double[] x, double[] scale) {
        double[] g = new double[x.length];
        double[] xp = x.clone();
        for (int i = 0; i < x.length; i++) {
            double h = step(x[i]);
            xp[i] = x[i] + h;
            double up = f.applyAsDouble(xp.clone());
            xp[i] = x[i] - h;
            double down = f.applyAsDouble(xp.clone());
            xp[i] = x[i];
            g[i] = (up - down) / (2 * h);
            scale[0] = Math.max(scale[0], Math.max(Math.abs(up), Math.abs(down)));
        }
        return g;
    }

    /**
     * The numeric gradient of a scalar function of a tensor, shaped like x. {@code f} may return a
     * one-element tensor ({@code t -> t.pow(2).sum()}) or a number ({@code t -> t.get(0) * t.get(1)}).
     */
    public static Tensor numericGradient(Function<Tensor, ?> f, Tensor x) {
        int[] shape = x.shape();
        return Tensor.of(numericGradient(v -> scalar(f.apply(Tensor.of(v, shape))), x.toArray()), shape);
    }

    /** The value of a scalar function's result: a number, or a tensor of one element (a loss). */
    private static double scalar(Object result) {
        if (result instanceof Number n) {
            return n.doubleValue();
        }
        if (result instanceof Tensor t && t.size() == 1) {
            return t.item();
        }
        throw new IllegalArgumentException("gradCheck: the function must return a number or a one-element tensor, got "
                + (result instanceof Tensor t ? "a tensor of shape " + Arrays.toString(t.shape())
                        : result == null ? "null" : "a " + result.getClass().getSimpleName()));
    }

    /** Checks f' at x. Example: {@code check(Math::exp, Math::exp, 1.0)}. */
    public static GradCheck check(DoubleUnaryOperator f, DoubleUnaryOperator df, double x) {
        double h = step(x);
        double up = f.applyAsDouble(x + h);
        double down = f.applyAsDouble(x - h);
        return new GradCheck(new double[] {x}, new double[] {df.applyAsDouble(x)},
                new double[] {(up - down) / (2 * h)}, Math.max(Math.abs(up), Math.abs(down)), DEFAULT_TOLERANCE);
    }

    /** Checks the gradient of f: ℝⁿ → ℝ at x. */
    public static GradCheck check(ToDoubleFunction<double[]> f, Function<double[], double[]> grad, double[] x) {
        double[] a = grad.apply(x.clone());
        if (a.length != x.length) {
            throw new IllegalArgumentException("gradCheck: gradient has " + a.length + " components but x has "
                    + x.length);
        }
        double[] scale = new double[1];
        double[] num = numericGradient(f, x, scale);
        return new GradCheck(x.clone(), a.clone(), num, scale[0], DEFAULT_TOLERANCE);
    }

    /**
     * Checks the gradient of a scalar function of a tensor at x; {@code f} returns a one-element
     * tensor or a number. Example: {@code check(t -> t.tanh().sum(), t -> t.tanh().pow(2).neg().add(1), x)}.
     */
    public static GradCheck check(Function<Tensor, ?> f, Function<Tensor, Tensor> grad, Tensor x) {
        Tensor a = grad.apply(x);
        if (!Arrays.equals(a.shape(), x.shape())) {
            throw new IllegalArgumentException("gradCheck: gradient shape " + Arrays.toString(a.shape())
                    + " differs from x shape " + Arrays.toString(x.shape()));
        }
        int[] shape = x.shape();
        double[] scale = new double[1];
        double[] num = numericGradient(v -> scalar(f.apply(Tensor.of(v, shape))), x.toArray(), scale);
        return new GradCheck(x.toArray(), a.toArray(), num, scale[0], DEFAULT_TOLERANCE);
    }

    /** The same check judged against another tolerance. */
    public GradCheck withTolerance(double tol) {
        return new GradCheck(this, tol);
    }

    /** The analytic gradient as given. */
    public double[] analytic() {
        return analytic.clone();
    }

    /** The central-difference gradient. */
    public double[] numeric() {
        return numeric.clone();
    }

    /** The error of component i: |a − n| / max(|a|, |n|, {@link #floor()}) (see the class comment). */
    public double relativeError(int i) {
        double a = analytic[i];
        double n = numeric[i];
        return Math.abs(a - n) / Math.max(Math.max(Math.abs(a), Math.abs(n)), floor);
    }

    /** The denominator's floor used here, {@link #ERROR_FLOOR}·max(1, |f|). */
    public double floor() {
        return floor;
    }

    /** The pass threshold on {@link #maxRelativeError()}. */
    public double tolerance() {
        return tolerance;
    }

    /** The largest error over all components (0 for an empty x). */
    public double maxRelativeError() {
        double m = 0;
        for (int i = 0; i < x.length; i++) {
            double e = relativeError(i);
            m = Double.isNaN(e) ? Double.NaN : Math.max(m, e);
        }
        return m;
    }

    /** True when every error is at most the tolerance (and none is NaN). */
    public boolean passed() {
        double m = maxRelativeError();
        return m <= tolerance;
    }

    private static String f(double v) {
        return String.format(Locale.ROOT, "%.10g", v);
    }

    private List<String> header() {
        return List.of("i", "x", "analytic", "numeric", "rel. error");
    }

    @Override
    public String toText() {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT,
                "gradient check: %s (max relative error %.3e, tolerance %.0e, floor %.0e)%n",
                passed() ? "PASSED" : "FAILED", maxRelativeError(), tolerance, floor));
        b.append(String.format(Locale.ROOT, "%4s  %17s  %17s  %17s  %10s%n", header().toArray()));
        for (int i = 0; i < x.length; i++) {
            b.append(String.format(Locale.ROOT, "%4d  %17s  %17s  %17s  %10.3e%n", i, f(x[i]), f(analytic[i]),
                    f(numeric[i]), relativeError(i)));
        }
        return b.toString().stripTrailing();
    }

    @Override
    public String toHtml() {
        StringBuilder b = new StringBuilder("<table style=\"border-collapse:collapse\"><caption style=\"text-align:left\">")
                .append(passed() ? "<b style=\"" + Html.accent("#2e7d32") + "\">gradient check passed</b>"
                        : "<b style=\"" + Html.accent("#c62828") + "\">gradient check FAILED</b>")
                .append(String.format(Locale.ROOT, " (max relative error %.3e)", maxRelativeError()))
                .append("</caption><tr>");
        for (String h : header()) {
            b.append("<th style=\"padding:2px 8px\">").append(Html.escape(h)).append("</th>");
        }
        b.append("</tr>");
        for (int i = 0; i < x.length; i++) {
            b.append("<tr><td>").append(i).append("</td><td>").append(f(x[i])).append("</td><td>").append(f(analytic[i]))
                    .append("</td><td>").append(f(numeric[i])).append("</td><td>")
                    .append(String.format(Locale.ROOT, "%.3e", relativeError(i))).append("</td></tr>");
        }
        return b.append("</table>").toString();
    }

    @Override
    public String toString() {
        return toText();
    }
}

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
 * f'(x) ≈ (f(x + h) − f(x − h)) / 2h with h = 1e-5·max(1, |x|), error O(h²).
 * The relative error of each component is |a − n| / max(|a|, |n|, 1e-8), where the floor keeps
 * round-off noise of near-zero gradients from counting as a large relative error.
 * Example: {@code GradCheck.check(Math::sin, Math::cos, 0.3).passed()} is true.
 */
public final class GradCheck implements Showable {
    /** The default pass threshold on the maximum relative error. */
    public static final double DEFAULT_TOLERANCE = 1e-6;
    private static final double STEP = 1e-5;

    private final double[] x;
    private final double[] analytic;
    private final double[] numeric;
    private final double tolerance;

    private GradCheck(double[] x, double[] analytic, double[] numeric, double tolerance) {
        this.x = x;
        this.analytic = analytic;
        this.numeric = numeric;
        this.tolerance = tolerance;
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
        }
        return g;
    }

    /** The numeric gradient of a scalar function of a tensor, shaped like x. */
    public static Tensor numericGradient(ToDoubleFunction<Tensor> f, Tensor x) {
        int[] shape = x.shape();
        return Tensor.of(numericGradient(v -> f.applyAsDouble(Tensor.of(v, shape)), x.toArray()), shape);
    }

    /** Checks f' at x. Example: {@code check(Math::exp, Math::exp, 1.0)}. */
    public static GradCheck check(DoubleUnaryOperator f, DoubleUnaryOperator df, double x) {
        return new GradCheck(new double[] {x}, new double[] {df.applyAsDouble(x)},
                new double[] {numericDerivative(f, x)}, DEFAULT_TOLERANCE);
    }

    /** Checks the gradient of f: ℝⁿ → ℝ at x. */
    public static GradCheck check(ToDoubleFunction<double[]> f, Function<double[], double[]> grad, double[] x) {
        double[] a = grad.apply(x.clone());
        if (a.length != x.length) {
            throw new IllegalArgumentException("gradCheck: gradient has " + a.length + " components but x has "
                    + x.length);
        }
        return new GradCheck(x.clone(), a.clone(), numericGradient(f, x), DEFAULT_TOLERANCE);
    }

    /** Checks the gradient of a scalar function of a tensor at x. */
    public static GradCheck check(ToDoubleFunction<Tensor> f, Function<Tensor, Tensor> grad, Tensor x) {
        Tensor a = grad.apply(x);
        if (!Arrays.equals(a.shape(), x.shape())) {
            throw new IllegalArgumentException("gradCheck: gradient shape " + Arrays.toString(a.shape())
                    + " differs from x shape " + Arrays.toString(x.shape()));
        }
        return new GradCheck(x.toArray(), a.toArray(), numericGradient(f, x).toArray(), DEFAULT_TOLERANCE);
    }

    /** The same check judged against another tolerance. */
    public GradCheck withTolerance(double tol) {
        return new GradCheck(x, analytic, numeric, tol);
    }

    /** The analytic gradient as given. */
    public double[] analytic() {
        return analytic.clone();
    }

    /** The central-difference gradient. */
    public double[] numeric() {
        return numeric.clone();
    }

    /** Relative error of component i. */
    public double relativeError(int i) {
        double a = analytic[i];
        double n = numeric[i];
        return Math.abs(a - n) / Math.max(Math.max(Math.abs(a), Math.abs(n)), 1e-8);
    }

    /** The largest relative error over all components (0 for an empty x). */
    public double maxRelativeError() {
        double m = 0;
        for (int i = 0; i < x.length; i++) {
            double e = relativeError(i);
            m = Double.isNaN(e) ? Double.NaN : Math.max(m, e);
        }
        return m;
    }

    /** True when every relative error is at most the tolerance (and none is NaN). */
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
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "gradient check: %s (max relative error %.3e, tolerance %.0e)%n",
                passed() ? "PASSED" : "FAILED", maxRelativeError(), tolerance));
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
                .append(passed() ? "<b style=\"color:green\">gradient check passed</b>"
                        : "<b style=\"color:#c00\">gradient check FAILED</b>")
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

package org.javadl.activation;

/**
 * The piecewise linear unit PLU(α, c): f(x) = max(α(x + c) − c, min(α(x − c) + c, x)).
 * For 0 &lt; α &lt; 1 and c &gt; 0 it is the identity on [−c, c] and has slope α outside, so
 * f'(x) = 1 on (−c, c) and α for |x| &gt; c. Example: {@code new Plu(0.1, 1).value(3) == 1.2}.
 */
public final class Plu implements Activation {
    /** Defaults of the PLU paper (Nicolae, 2018): α = 0.1, c = 1. */
    public static final double DEFAULT_ALPHA = 0.1;
    /** Default half-width of the linear middle part. */
    public static final double DEFAULT_C = 1.0;

    private final double alpha;
    private final double c;

    /** PLU with outer slope {@code alpha} and breakpoints at ±{@code c}. */
    public Plu(double alpha, double c) {
        if (!Double.isFinite(alpha) || !Double.isFinite(c)) {
            throw new IllegalArgumentException("Plu: alpha and c must be finite, got " + alpha + ", " + c);
        }
        this.alpha = alpha;
        this.c = c;
    }

    /** The outer slope α. */
    public double alpha() {
        return alpha;
    }

    /** The breakpoint c. */
    public double c() {
        return c;
    }

    @Override
    public String name() {
        return "PLU (α=" + alpha + ", c=" + c + ")";
    }

    @Override
    public double value(double x) {
        return Math.max(alpha * (x + c) - c, Math.min(alpha * (x - c) + c, x));
    }

    /** The slope of whichever linear piece the formula selects at x (the outer one at ties). */
    @Override
    public double derivative(double x) {
        double lower = alpha * (x + c) - c;
        double upper = alpha * (x - c) + c;
        double inner = Math.min(upper, x);
        double innerSlope = upper < x ? alpha : 1;
        return lower > inner ? alpha : innerSlope;
    }

    @Override
    public String range() {
        return alpha > 0 ? "(-∞, ∞)" : "[" + (-c) + ", " + c + "]";
    }

    @Override
    public String formula() {
        return "\\max(" + alpha + "(x + " + c + ") - " + c + ", \\min(" + alpha + "(x - " + c + ") + " + c + ", x))";
    }

    @Override
    public String derivativeFormula() {
        return "\\begin{cases} 1 & |x| < " + c + " \\\\ " + alpha + " & |x| > " + c + " \\end{cases}";
    }

    @Override
    public String toString() {
        return toText();
    }
}

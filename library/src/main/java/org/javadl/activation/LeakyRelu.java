package org.javadl.activation;

/**
 * Leaky ReLU: f(x) = x for x &gt; 0 and slope·x otherwise, which equals max(slope·x, x) for
 * slope ≤ 1. f'(x) = 1 for x &gt; 0, slope otherwise. Example: {@code new LeakyRelu(0.01).value(-2) == -0.02}.
 */
public final class LeakyRelu implements Activation {
    /** The slope for negative inputs used by homework 003 and PyTorch: 0.01. */
    public static final double DEFAULT_SLOPE = 0.01;

    private final double slope;

    /** Leaky ReLU with negative-side slope {@code slope} (0.01 is the usual choice). */
    public LeakyRelu(double slope) {
        if (!Double.isFinite(slope)) {
            throw new IllegalArgumentException("LeakyRelu: slope must be finite, got " + slope);
        }
        this.slope = slope;
    }

    /** The negative-side slope. */
    public double slope() {
        return slope;
    }

    @Override
    public String name() {
        return "leaky ReLU (" + slope + ")";
    }

    @Override
    public double value(double x) {
        return x > 0 ? x : slope * x;
    }

    @Override
    public double derivative(double x) {
        return x > 0 ? 1 : slope;
    }

    @Override
    public String range() {
        // slope <= 0 folds the negative half onto [0, ∞) (slope 0 is plain ReLU)
        return slope > 0 ? "(-∞, ∞)" : "[0, ∞)";
    }

    @Override
    public String formula() {
        return "\\max(" + slope + "x, x)";
    }

    @Override
    public String derivativeFormula() {
        return "\\begin{cases} 1 & x > 0 \\\\ " + slope + " & x \\le 0 \\end{cases}";
    }

    @Override
    public String toString() {
        return toText();
    }
}

package org.javadl.activation;

import java.util.List;

/**
 * The activation functions of the course, as {@link Activation} objects and as plain static
 * functions. Example: {@code Activations.sigmoid(0) == 0.5}; {@code Activations.all()} gives the
 * seven functions of homework 003 problem 2 for one plot.
 */
public final class Activations {
    private Activations() {
    }

    /** σ(x) = 1/(1 + e^(−x)), σ' = σ(1 − σ), range (0, 1). */
    public static final Activation SIGMOID = new Simple("sigmoid", "(0, 1)", "\\frac{1}{1 + e^{-x}}",
            "\\sigma(x)(1 - \\sigma(x))", Activations::sigmoid, Activations::sigmoidPrime);

    /** logit(p) = ln(p/(1 − p)), the inverse of σ, defined on (0, 1); logit'(p) = 1/(p(1 − p)). */
    public static final Activation LOGIT = new Simple("logit", "(-∞, ∞)", "\\ln\\frac{x}{1 - x}",
            "\\frac{1}{x(1 - x)}", Activations::logit, p -> 1 / (p * (1 - p)));

    /** tanh(x), tanh' = 1 − tanh², range (−1, 1). */
    public static final Activation TANH = new Simple("tanh", "(-1, 1)", "\\tanh(x)", "1 - \\tanh^2(x)",
            Math::tanh, x -> {
                double t = Math.tanh(x);
                return 1 - t * t;
            });

    /** erf(x), erf' = (2/√π) e^(−x²), range (−1, 1). */
    public static final Activation ERF = new Simple("erf", "(-1, 1)", "\\operatorname{erf}(x)",
            "\\frac{2}{\\sqrt{\\pi}} e^{-x^2}", Erf::erf, Erf::derivative);

    /** ReLU(x) = max(0, x), ReLU' = 1 for x &gt; 0 and 0 otherwise (0 at the kink, as PyTorch), range [0, ∞). */
    public static final Activation RELU = new Simple("ReLU", "[0, ∞)", "\\max(0, x)",
            "\\begin{cases} 1 & x > 0 \\\\ 0 & x \\le 0 \\end{cases}", x -> Math.max(0, x), x -> x > 0 ? 1 : 0);

    /** Leaky ReLU with slope 0.01: max(0.01x, x). */
    public static final Activation LEAKY_RELU = new LeakyRelu(LeakyRelu.DEFAULT_SLOPE);

    /** PLU with α = 0.1, c = 1. */
    public static final Activation PLU = new Plu(Plu.DEFAULT_ALPHA, Plu.DEFAULT_C);

    /** sin(x), sin' = cos, range [−1, 1]. */
    public static final Activation SIN = new Simple("sin", "[-1, 1]", "\\sin(x)", "\\cos(x)", Math::sin, Math::cos);

    /** The Gaussian e^(−x²), derivative −2x e^(−x²), range (0, 1]. */
    public static final Activation GAUSSIAN = new Simple("Gaussian", "(0, 1]", "e^{-x^2}", "-2x e^{-x^2}",
            Erf::expMinusSquare, x -> -2 * x * Erf.expMinusSquare(x));

    /**
     * The seven activations of homework 003 problem 2, in its order: tanh, erf, ReLU, leaky ReLU
     * (0.01), PLU (α = 0.1, c = 1), sin, Gaussian.
     */
    public static List<Activation> all() {
        return List.of(TANH, ERF, RELU, LEAKY_RELU, PLU, SIN, GAUSSIAN);
    }

    /** A leaky ReLU with the given slope. Example: {@code leakyRelu(0.2).value(-1) == -0.2}. */
    public static Activation leakyRelu(double slope) {
        return new LeakyRelu(slope);
    }

    /** A PLU with the given α and c. Example: {@code plu(0.1, 1).value(0.5) == 0.5}. */
    public static Activation plu(double alpha, double c) {
        return new Plu(alpha, c);
    }

    /**
     * σ(x) = 1/(1 + e^(−x)), evaluated as e^x/(1 + e^x) for x &lt; 0 so that e^(−x) never overflows:
     * σ(−1000) = 0 and σ(1000) = 1 with no NaN. Example: {@code sigmoid(0) == 0.5}.
     */
    public static double sigmoid(double x) {
        if (x >= 0) {
            return 1.0 / (1.0 + Math.exp(-x));
        }
        double e = Math.exp(x);
        return e / (1.0 + e);
    }

    /**
     * σ'(x) = σ(x)(1 − σ(x)), computed as e^(−|x|)/(1 + e^(−|x|))² so that it keeps full relative
     * accuracy for large |x| (where 1 − σ would round to 0). Example: {@code sigmoidPrime(0) == 0.25}.
     */
    public static double sigmoidPrime(double x) {
        double e = Math.exp(-Math.abs(x));
        double d = 1 + e;
        return e / (d * d);
    }

    /** logit(p) = ln(p/(1 − p)) = ln p − ln(1 − p), NaN outside [0, 1]. Example: {@code logit(0.5) == 0}. */
    public static double logit(double p) {
        if (!(p >= 0 && p <= 1)) {
            return Double.NaN;
        }
        return Math.log(p) - Math.log1p(-p);
    }

    /** The Gaussian e^(−x²). Example: {@code gaussian(0) == 1}. */
    public static double gaussian(double x) {
        return Erf.expMinusSquare(x);
    }
}

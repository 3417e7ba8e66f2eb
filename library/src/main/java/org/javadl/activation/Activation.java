package org.javadl.activation;

import org.javadl.show.Html;
import org.javadl.show.Showable;
import org.javadl.tensor.Tensor;

/**
 * A scalar activation function f with its derivative f', applied element-wise to tensors.
 *
 * <p>Example: {@code Activations.TANH.value(0.5)}, {@code Activations.RELU.apply(Tensor.of(-1, 2))}
 * is [0, 2], {@code Activations.SIGMOID.range()} is "(0, 1)".
 */
public interface Activation extends Showable {

    /** A short name, e.g. "tanh", "leaky ReLU (0.01)". */
    String name();

    /** f(x). */
    double value(double x);

    /** f'(x); at a kink the value a deep-learning framework uses (e.g. ReLU'(0) = 0). */
    double derivative(double x);

    /** The image f(ℝ) as a short interval string, e.g. "(0, 1)" or "[0, ∞)". */
    String range();

    /** f(x) in LaTeX, e.g. {@code \tanh(x)}. */
    String formula();

    /** f'(x) in LaTeX, e.g. {@code 1 - \tanh^2(x)}. */
    String derivativeFormula();

    /** f applied element-wise. Example: {@code RELU.apply(Tensor.of(-1, 2))} is [0, 2]. */
    default Tensor apply(Tensor x) {
        return x.map(this::value);
    }

    /** f' applied element-wise. Example: {@code RELU.gradient(Tensor.of(-1, 2))} is [0, 1]. */
    default Tensor gradient(Tensor x) {
        return x.map(this::derivative);
    }

    @Override
    default String toText() {
        return name() + ": f(x) = " + formula() + ", f'(x) = " + derivativeFormula() + ", range " + range();
    }

    @Override
    default String toHtml() {
        return "<div><b>" + Html.escape(name()) + "</b>: \\(f(x) = " + Html.escape(formula())
                + "\\), \\(f'(x) = " + Html.escape(derivativeFormula()) + "\\), range " + Html.escape(range())
                + "</div>";
    }

    @Override
    default String toLatex() {
        return "f(x) = " + formula() + ", \\quad f'(x) = " + derivativeFormula();
    }
}

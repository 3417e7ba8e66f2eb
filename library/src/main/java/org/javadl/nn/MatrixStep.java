package org.javadl.nn;

import java.util.ArrayList;
import java.util.List;
import org.javadl.graph.Fmt;
import org.javadl.show.Html;
import org.javadl.show.Showable;
import org.javadl.tensor.Tensor;

/**
 * One gradient step on Y = W X with the L2 loss L = Σ (y_ij − ŷ_ij)², every intermediate kept:
 * Y, the residual Y − Ŷ, the element-wise squared errors, L, ∂L/∂Y = 2(Y − Ŷ),
 * ∂L/∂W = ∂L/∂Y Xᵀ, ∂L/∂X = Wᵀ ∂L/∂Y, and W − α ∂L/∂W. Shows itself as a step table.
 *
 * <p>Example: {@code MatrixStep.l2(W, X, Yhat, 0.1).wUpdated()}.
 */
public final class MatrixStep implements Showable {
    private final Tensor w;
    private final Tensor x;
    private final Tensor yHat;
    private final double step;
    private final Tensor y;
    private final Tensor residual;
    private final Tensor squared;
    private final double loss;
    private final Tensor dLdY;
    private final Tensor gradW;
    private final Tensor gradX;
    private final Tensor wUpdated;

    private MatrixStep(Tensor w, Tensor x, Tensor yHat, double step) {
        this.w = w;
        this.x = x;
        this.yHat = yHat;
        this.step = step;
        this.y = MatrixBackprop.forward(w, x);
        Matrices.matrix("Ŷ", yHat);
        if (!java.util.Arrays.equals(y.shape(), yHat.shape())) {
            throw new IllegalArgumentException("Y = W X has shape " + java.util.Arrays.toString(y.shape())
                    + " but Ŷ has shape " + java.util.Arrays.toString(yHat.shape()));
        }
        this.residual = y.sub(yHat);
        this.squared = residual.mul(residual);
        this.loss = squared.sumValue();
        this.dLdY = MatrixBackprop.l2Grad(y, yHat);
        this.gradW = MatrixBackprop.gradW(dLdY, x);
        this.gradX = MatrixBackprop.gradX(w, dLdY);
        this.wUpdated = MatrixBackprop.sgdStep(w, gradW, step);
    }

    /** Computes the step: {@code MatrixStep.l2(W, X, Yhat, 0.1)}; α must be positive. */
    public static MatrixStep l2(Tensor w, Tensor x, Tensor yHat, double step) {
        if (!(step > 0) || Double.isInfinite(step)) {
            throw new IllegalArgumentException("step size must be a positive finite number, got " + step);
        }
        return new MatrixStep(w, x, yHat, step);
    }

    /** Y = W X. */
    public Tensor y() {
        return y;
    }

    /** Y − Ŷ. */
    public Tensor residual() {
        return residual;
    }

    /** (y_ij − ŷ_ij)², element-wise. */
    public Tensor squaredErrors() {
        return squared;
    }

    /** L = Σ (y_ij − ŷ_ij)². */
    public double loss() {
        return loss;
    }

    /** ∂L/∂Y = 2(Y − Ŷ). */
    public Tensor dLdY() {
        return dLdY;
    }

    /** ∂L/∂W = ∂L/∂Y Xᵀ. */
    public Tensor gradW() {
        return gradW;
    }

    /** ∂L/∂X = Wᵀ ∂L/∂Y. */
    public Tensor gradX() {
        return gradX;
    }

    /** W − α ∂L/∂W. */
    public Tensor wUpdated() {
        return wUpdated;
    }

    /** The next step from the updated W (same X, Ŷ, α). */
    public MatrixStep next() {
        return new MatrixStep(wUpdated, x, yHat, step);
    }

    private record Line(String name, String formula, String formulaLatex, Tensor value, Double scalar) {
    }

    private List<Line> lines() {
        List<Line> l = new ArrayList<>();
        l.add(new Line("W", "given", "W", w, null));
        l.add(new Line("X", "given", "X", x, null));
        l.add(new Line("Ŷ", "given (targets)", "\\hat{Y}", yHat, null));
        l.add(new Line("Y", "W X", "Y = WX", y, null));
        l.add(new Line("Y − Ŷ", "residual", "Y - \\hat{Y}", residual, null));
        l.add(new Line("(Y − Ŷ)²", "element-wise squared errors", "(Y - \\hat{Y})^{\\circ 2}", squared, null));
        l.add(new Line("L", "Σ (y_ij − ŷ_ij)²", "L = \\sum_{ij} (y_{ij} - \\hat{y}_{ij})^2", null, loss));
        l.add(new Line("∂L/∂Y", "2(Y − Ŷ)", "\\frac{\\partial L}{\\partial Y} = 2(Y - \\hat{Y})", dLdY, null));
        l.add(new Line("∂L/∂W", "∂L/∂Y Xᵀ", "\\frac{\\partial L}{\\partial W} = \\frac{\\partial L}{\\partial Y} X^{T}", gradW, null));
        l.add(new Line("∂L/∂X", "Wᵀ ∂L/∂Y", "\\frac{\\partial L}{\\partial X} = W^{T} \\frac{\\partial L}{\\partial Y}", gradX, null));
        l.add(new Line("W′", "W − " + Fmt.num(step) + "·∂L/∂W",
                "W' = W - " + Fmt.latex(step) + "\\,\\frac{\\partial L}{\\partial W}", wUpdated, null));
        return l;
    }

    @Override
    public String toText() {
        StringBuilder s = new StringBuilder("One gradient step on Y = W X with L2 loss, step size ")
                .append(Fmt.num(step)).append('\n');
        int w1 = 0;
        int w2 = 0;
        for (Line l : lines()) {
            w1 = Math.max(w1, l.name().length());
            w2 = Math.max(w2, l.formula().length());
        }
        for (Line l : lines()) {
            s.append(String.format("%-" + w1 + "s  %-" + w2 + "s  ", l.name(), l.formula()));
            s.append(l.value() != null ? Matrices.text(l.value()) : Fmt.num(l.scalar())).append('\n');
        }
        return s.toString();
    }

    @Override
    public String toHtml() {
        StringBuilder s = new StringBuilder("<table class=\"javadl-table\"><caption>One gradient step on Y = W X with L2 loss, step size ")
                .append(Html.escape(Fmt.num(step))).append("</caption><thead><tr><th>quantity</th><th>formula</th><th>value</th></tr></thead><tbody>");
        for (Line l : lines()) {
            s.append("<tr><td>").append(Html.escape(l.name())).append("</td><td>").append(Html.escape(l.formula()))
                    .append("</td><td>").append(l.value() != null ? Matrices.html(l.value()) : Html.escape(Fmt.num(l.scalar())))
                    .append("</td></tr>");
        }
        return s.append("</tbody></table>").toString();
    }

    @Override
    public String toLatex() {
        StringBuilder s = new StringBuilder("\\begin{aligned}\n");
        for (Line l : lines().subList(3, lines().size())) {
            String f = l.formulaLatex();
            int eq = f.indexOf(" = ");
            String lhs = eq < 0 ? f : f.substring(0, eq);
            String rhs = eq < 0 ? "" : f.substring(eq + 3) + " = ";
            s.append(lhs).append(" &= ").append(rhs)
                    .append(l.value() != null ? Matrices.latex(l.value()) : Fmt.latex(l.scalar())).append(" \\\\\n");
        }
        return s.append("\\end{aligned}").toString();
    }

    @Override
    public String toString() {
        return toText();
    }
}

package org.javadl.model;

import org.javadl.graph.Fmt;
import org.javadl.graph.TextTable;
import org.javadl.show.Showable;

/**
 * The 2×2 Hessian of the 1-D least-squares loss, H = [[2I, 2Σx], [2Σx, 2Σx²]], with its trace,
 * determinant and eigenvalues λ = (tr ± √(tr² − 4·det)) / 2.
 *
 * <p>Why it is convex: tr = 2I + 2Σx² &gt; 0, and det = 4(I·Σx² − (Σx)²) ≥ 0 by Cauchy–Schwarz,
 * with equality only when all x_i are equal; a symmetric matrix with positive trace and
 * positive determinant has two positive eigenvalues.
 */
public final class Hessian implements Showable {
    private final int n;
    private final double sx;
    private final double sxx;

    Hessian(int n, double sx, double sxx) {
        this.n = n;
        this.sx = sx;
        this.sxx = sxx;
    }

    /** [[2I, 2Σx], [2Σx, 2Σx²]]. */
    public double[][] matrix() {
        return new double[][] {{2.0 * n, 2 * sx}, {2 * sx, 2 * sxx}};
    }

    /** tr H = 2I + 2Σx². */
    public double trace() {
        return 2.0 * n + 2 * sxx;
    }

    /** det H = 4(I·Σx² − (Σx)²). */
    public double determinant() {
        return 4 * (n * sxx - sx * sx);
    }

    /** The two eigenvalues, larger first: (tr ± √(tr² − 4 det)) / 2. */
    public double[] eigenvalues() {
        // Written as ((a−d)/2)² + b² under the root, which is never negative even after rounding.
        double a = 2.0 * n;
        double d = 2 * sxx;
        double b = 2 * sx;
        double mid = (a + d) / 2;
        double rad = Math.hypot((a - d) / 2, b);
        double big = mid + rad;
        // The small one from det/big avoids cancellation in mid − rad.
        double small = big == 0 ? 0 : (a * d - b * b) / big;
        return new double[] {big, small};
    }

    /** True if both eigenvalues are positive (the loss is strictly convex). */
    public boolean isPositiveDefinite() {
        return trace() > 0 && determinant() > 0;
    }

    @Override
    public String toText() {
        double[][] h = matrix();
        double[] e = eigenvalues();
        TextTable t = new TextTable("Hessian of L[φ] = Σ(φ0 + φ1·x_i − y_i)², I = " + n,
                new String[] {"", "∂/∂φ0", "∂/∂φ1"});
        t.row("∂/∂φ0", Fmt.num(h[0][0]) + "  (2I)", Fmt.num(h[0][1]) + "  (2Σx)");
        t.row("∂/∂φ1", Fmt.num(h[1][0]) + "  (2Σx)", Fmt.num(h[1][1]) + "  (2Σx²)");
        return t.toText() + "trace = 2I + 2Σx² = " + Fmt.num(trace()) + "\n"
                + "det = 4(I·Σx² − (Σx)²) = " + Fmt.num(determinant()) + "\n"
                + "eigenvalues = " + Fmt.num(e[0]) + ", " + Fmt.num(e[1])
                + (isPositiveDefinite() ? "  (both > 0: convex)" : "  (not both > 0)") + "\n";
    }

    @Override
    public String toLatex() {
        double[][] h = matrix();
        double[] e = eigenvalues();
        return "\\begin{aligned}\nH &= \\begin{bmatrix} 2I & 2\\sum_i x_i \\\\ 2\\sum_i x_i & 2\\sum_i x_i^2 \\end{bmatrix}"
                + " = \\begin{bmatrix} " + Fmt.latex(h[0][0]) + " & " + Fmt.latex(h[0][1]) + " \\\\ "
                + Fmt.latex(h[1][0]) + " & " + Fmt.latex(h[1][1]) + " \\end{bmatrix} \\\\\n"
                + "\\operatorname{tr} H &= 2I + 2\\sum_i x_i^2 = " + Fmt.latex(trace()) + " \\\\\n"
                + "\\det H &= 4\\Big(I\\sum_i x_i^2 - \\big(\\sum_i x_i\\big)^2\\Big) = " + Fmt.latex(determinant())
                + " \\\\\n\\lambda_{1,2} &= \\tfrac{1}{2}\\Big(\\operatorname{tr} H \\pm \\sqrt{(\\operatorname{tr} H)^2"
                + " - 4\\det H}\\Big) = " + Fmt.latex(e[0]) + ",\\ " + Fmt.latex(e[1]) + "\n\\end{aligned}";
    }

    @Override
    public String toString() {
        return toText();
    }
}

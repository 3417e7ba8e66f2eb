package org.javadl.nn;

import java.util.Arrays;
import org.javadl.graph.Fmt;
import org.javadl.show.Html;
import org.javadl.tensor.Tensor;

/** Shape checks and compact matrix rendering for the step tables of this package. */
final class Matrices {
    private Matrices() {
    }

    /** Requires a 2-D tensor; the message names the argument and its shape. */
    static Tensor matrix(String what, Tensor t) {
        if (t == null) {
            throw new IllegalArgumentException(what + " must not be null");
        }
        if (t.ndim() != 2) {
            throw new IllegalArgumentException(what + " must be a matrix (2-D), got shape " + Arrays.toString(t.shape()));
        }
        return t;
    }

    static String shape(Tensor t) {
        return Arrays.toString(t.shape()).replace(", ", "×").replace("[", "(").replace("]", ")");
    }

    /** One line: [[1.5, 1.1], [1.2, 0]]. */
    static String text(Tensor t) {
        double[][] a = t.toArray2d();
        StringBuilder s = new StringBuilder("[");
        for (int i = 0; i < a.length; i++) {
            s.append(i == 0 ? "[" : ", [");
            for (int j = 0; j < a[i].length; j++) {
                s.append(j == 0 ? "" : ", ").append(Fmt.num(a[i][j]));
            }
            s.append(']');
        }
        return s.append(']').toString();
    }

    static String latex(Tensor t) {
        double[][] a = t.toArray2d();
        StringBuilder s = new StringBuilder("\\begin{bmatrix}");
        for (int i = 0; i < a.length; i++) {
            s.append(i == 0 ? " " : " \\\\ ");
            for (int j = 0; j < a[i].length; j++) {
                s.append(j == 0 ? "" : " & ").append(Fmt.latex(a[i][j]));
            }
        }
        return s.append(" \\end{bmatrix}").toString();
    }

    static String html(Tensor t) {
        double[][] a = t.toArray2d();
        StringBuilder s = new StringBuilder("<table class=\"javadl-matrix\" style=\"border-left:1px solid;border-right:1px solid\">");
        for (double[] r : a) {
            s.append("<tr>");
            for (double v : r) {
                s.append("<td style=\"text-align:right;padding:0 6px\">").append(Html.escape(Fmt.num(v))).append("</td>");
            }
            s.append("</tr>");
        }
        return s.append("</table>").toString();
    }
}

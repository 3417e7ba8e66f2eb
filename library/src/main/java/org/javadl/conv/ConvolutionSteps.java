package org.javadl.conv;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.javadl.show.Html;
import org.javadl.show.Showable;
import org.javadl.tensor.Tensor;

/**
 * The work behind a 1-D convolution or correlation: for each output, the products that make it up.
 * Terms that would read outside x (zero padding) are left out, since they add 0.
 * Example: {@code ConvolutionSteps.convolve(Tensor.of(1, 2, 3, 4), Tensor.of(1, 0, 2), Mode.VALID)}
 * shows y[0] = x[0]·w[2] + x[1]·w[1] + x[2]·w[0] = 1·2 + 2·0 + 3·1 = 5. Indices are 0-based.
 */
public final class ConvolutionSteps implements Showable {
    /** One product x[i]·w[j] (w index in the original, unflipped kernel). */
    public record Term(int inputIndex, double input, int kernelIndex, double weight) {
    }

    private final String title;
    private final List<List<Term>> terms;
    private final double[] output;

    private ConvolutionSteps(String title, List<List<Term>> terms, double[] output) {
        this.title = title;
        this.terms = terms;
        this.output = output;
    }

    /** Steps of numpy.convolve (kernel flipped). */
    public static ConvolutionSteps convolve(Tensor x, Tensor w, Mode mode) {
        return build("convolve", x, w, mode, true);
    }

    /** Steps of numpy.correlate (no flip). */
    public static ConvolutionSteps correlate(Tensor x, Tensor w, Mode mode) {
        return build("correlate", x, w, mode, false);
    }

    private static ConvolutionSteps build(String op, Tensor x, Tensor w, Mode mode, boolean convolve) {
        Conv1d.requireVector(op, "input", x);
        Conv1d.requireVector(op, "kernel", w);
        double[] xv = x.toArray();
        double[] wv = w.toArray();
        Conv1d.check(op, xv.length, wv.length);
        int k = wv.length;
        Window win = Window.of(op, mode, xv.length, k, convolve);
        int shift = win.offset - (k - 1);
        List<List<Term>> all = new ArrayList<>();
        double[] out = new double[win.length];
        for (int n = 0; n < win.length; n++) {
            List<Term> row = new ArrayList<>();
            for (int j = 0; j < k; j++) {
                int i = n + shift + j;
                if (i >= 0 && i < xv.length) {
                    int kj = convolve ? k - 1 - j : j; // the flipped kernel's j-th entry is w[k-1-j]
                    row.add(new Term(i, xv[i], kj, wv[kj]));
                    out[n] += xv[i] * wv[kj];
                }
            }
            all.add(List.copyOf(row));
        }
        String title = op + " " + mode + " of x (length " + xv.length + ") with w (length " + k + ")"
                + (convolve ? ", kernel flipped" : "");
        return new ConvolutionSteps(title, List.copyOf(all), out);
    }

    /** The result y. */
    public Tensor output() {
        return Tensor.of(output);
    }

    /** The products of output n. */
    public List<Term> terms(int n) {
        return terms.get(n);
    }

    /** The number of outputs. */
    public int size() {
        return output.length;
    }

    private static String num(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        return String.format(Locale.ROOT, "%.6g", v);
    }

    private String symbolic(int n, String times) {
        StringBuilder b = new StringBuilder();
        for (Term t : terms.get(n)) {
            b.append(b.length() == 0 ? "" : " + ").append("x[").append(t.inputIndex).append(']').append(times)
                    .append("w[").append(t.kernelIndex).append(']');
        }
        return b.length() == 0 ? "0" : b.toString();
    }

    private String numeric(int n, String times) {
        StringBuilder b = new StringBuilder();
        for (Term t : terms.get(n)) {
            b.append(b.length() == 0 ? "" : " + ").append(paren(num(t.input))).append(times).append(paren(num(t.weight)));
        }
        return b.length() == 0 ? "0" : b.toString();
    }

    private static String paren(String s) {
        return s.startsWith("-") ? "(" + s + ")" : s;
    }

    @Override
    public String toText() {
        StringBuilder b = new StringBuilder(title).append('\n');
        for (int n = 0; n < output.length; n++) {
            b.append("y[").append(n).append("] = ").append(symbolic(n, "·")).append(" = ").append(numeric(n, "·"))
                    .append(" = ").append(num(output[n])).append('\n');
        }
        return b.append("y = ").append(output().toText()).toString();
    }

    @Override
    public String toHtml() {
        StringBuilder b = new StringBuilder("<table style=\"border-collapse:collapse\"><caption style=\"text-align:left\">")
                .append(Html.escape(title)).append("</caption><tr><th>n</th><th>sum of products</th><th>with numbers</th>"
                        + "<th>y[n]</th></tr>");
        for (int n = 0; n < output.length; n++) {
            b.append("<tr><td>").append(n).append("</td><td>").append(Html.escape(symbolic(n, "·")))
                    .append("</td><td>").append(Html.escape(numeric(n, "·"))).append("</td><td><b>")
                    .append(num(output[n])).append("</b></td></tr>");
        }
        return b.append("</table>").toString();
    }

    @Override
    public String toLatex() {
        StringBuilder b = new StringBuilder("\\begin{aligned}");
        for (int n = 0; n < output.length; n++) {
            b.append(n == 0 ? "" : " \\\\ ").append("y_{").append(n).append("} &= ")
                    .append(symbolic(n, " \\cdot ").replaceAll("x\\[(\\d+)\\]", "x_{$1}").replaceAll("w\\[(\\d+)\\]", "w_{$1}"))
                    .append(" = ").append(numeric(n, " \\cdot ")).append(" = ").append(num(output[n]));
        }
        return b.append("\\end{aligned}").toString();
    }

    @Override
    public String toString() {
        return toText();
    }
}

package org.javadl.tensor;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.javadl.show.Html;

/** Text, HTML and LaTeX renderings of a tensor, in the spirit of numpy's {@code repr}. */
final class TensorFormat {
    private TensorFormat() {
    }

    /** Above this many elements the text shows only the first and last {@link #EDGE} entries per axis. */
    static final int SUMMARY_THRESHOLD = 1000;
    static final int EDGE = 3;
    private static final int LINE_WIDTH = 75;
    private static final int HTML_EDGE = 10;
    private static final int LATEX_MAX = 12;
    private static final String PREFIX = "tensor(";

    // ------------------------------------------------------------------ numbers

    /** Chooses one number style for all shown values, as numpy does, so columns line up. */
    static final class NumberStyle {
        private final boolean integral;
        private final boolean scientific;

        NumberStyle(double[] values) {
            boolean allIntegral = true;
            double maxAbs = 0;
            double minAbs = Double.POSITIVE_INFINITY;
            for (double v : values) {
                if (!Double.isFinite(v)) {
                    continue;
                }
                double a = Math.abs(v);
                if (v != Math.rint(v)) {
                    allIntegral = false;
                }
                maxAbs = Math.max(maxAbs, a);
                if (a > 0) {
                    minAbs = Math.min(minAbs, a);
                }
            }
            integral = allIntegral && maxAbs < 1e16;
            scientific = !integral && (maxAbs >= 1e8 || minAbs < 1e-4);
        }

        /** numpy-like: "1.", "0.25", "1.5e-05"; without {@code pointForIntegers}, "1" instead of "1.". */
        String format(double v, boolean pointForIntegers) {
            if (Double.isNaN(v)) {
                return "nan";
            }
            if (Double.isInfinite(v)) {
                return v > 0 ? "inf" : "-inf";
            }
            if (integral) {
                String s = String.format(Locale.ROOT, "%.0f", v);
                return pointForIntegers ? s + "." : s;
            }
            if (scientific) {
                String s = String.format(Locale.ROOT, "%.8e", v);
                int e = s.indexOf('e');
                String mant = trimZeros(s.substring(0, e));
                return mant + s.substring(e);
            }
            return trimZeros(String.format(Locale.ROOT, "%.8f", v));
        }

        private static String trimZeros(String s) {
            int end = s.length();
            while (end > 0 && s.charAt(end - 1) == '0') {
                end--;
            }
            return s.substring(0, end);
        }
    }

    /** Pads every formatted number so that decimal points (and widths) line up, numpy style. */
    private static List<String> align(List<String> raw) {
        int maxInt = 0;
        int maxFrac = 0;
        for (String s : raw) {
            int dot = s.indexOf('.');
            int e = s.indexOf('e');
            int intLen = dot >= 0 ? dot : (e >= 0 ? e : s.length());
            int fracLen = s.length() - intLen;
            maxInt = Math.max(maxInt, intLen);
            maxFrac = Math.max(maxFrac, fracLen);
        }
        List<String> out = new ArrayList<>(raw.size());
        for (String s : raw) {
            int dot = s.indexOf('.');
            int e = s.indexOf('e');
            int intLen = dot >= 0 ? dot : (e >= 0 ? e : s.length());
            int fracLen = s.length() - intLen;
            out.add(" ".repeat(maxInt - intLen) + s + " ".repeat(maxFrac - fracLen));
        }
        return out;
    }

    // ------------------------------------------------------------------ text

    static String text(double[] data, int[] shape) {
        if (shape.length == 0) {
            return PREFIX + new NumberStyle(data).format(data[0], true) + ")";
        }
        boolean summarise = data.length > SUMMARY_THRESHOLD;
        if (data.length == 0) {
            return PREFIX + "[], shape=" + Shapes.str(shape) + ")";
        }
        int[][] shown = new int[shape.length][];
        for (int a = 0; a < shape.length; a++) {
            shown[a] = shownIndices(shape[a], summarise, EDGE);
        }
        // Collect the shown values in order, format them with one style, then lay them out.
        int[] strides = Shapes.strides(shape);
        List<Double> values = new ArrayList<>();
        collect(data, strides, shown, 0, 0, values);
        double[] vals = values.stream().mapToDouble(Double::doubleValue).toArray();
        NumberStyle style = new NumberStyle(vals);
        List<String> raw = new ArrayList<>(vals.length);
        for (double v : vals) {
            raw.add(style.format(v, true));
        }
        List<String> cells = align(raw);
        StringBuilder b = new StringBuilder(PREFIX);
        int[] next = {0};
        layout(b, cells, next, shown, 0, PREFIX.length() + 1);
        if (summarise) {
            b.append(", shape=").append(Shapes.str(shape));
        }
        return b.append(')').toString();
    }

    /** Indices shown along an axis; -1 marks the "..." gap. */
    private static int[] shownIndices(int n, boolean summarise, int edge) {
        if (!summarise || n <= 2 * edge) {
            int[] r = new int[n];
            for (int i = 0; i < n; i++) {
                r[i] = i;
            }
            return r;
        }
        int[] r = new int[2 * edge + 1];
        for (int i = 0; i < edge; i++) {
            r[i] = i;
            r[edge + 1 + i] = n - edge + i;
        }
        r[edge] = -1;
        return r;
    }

    private static void collect(double[] data, int[] strides, int[][] shown, int axis, int off, List<Double> out) {
        for (int i : shown[axis]) {
            if (i < 0) {
                continue;
            }
            if (axis == shown.length - 1) {
                out.add(data[off + i * strides[axis]]);
            } else {
                collect(data, strides, shown, axis + 1, off + i * strides[axis], out);
            }
        }
    }

    private static void layout(StringBuilder b, List<String> cells, int[] next, int[][] shown, int axis, int indent) {
        b.append('[');
        int nd = shown.length;
        if (axis == nd - 1) {
            int col = indent;
            boolean first = true;
            for (int i : shown[axis]) {
                String s = i < 0 ? "..." : cells.get(next[0]++);
                if (!first) {
                    b.append(',');
                    col++;
                    if (col + 1 + s.length() + 2 > LINE_WIDTH) {
                        b.append('\n').append(" ".repeat(indent));
                        col = indent;
                    } else {
                        b.append(' ');
                        col++;
                    }
                }
                b.append(s);
                col += s.length();
                first = false;
            }
        } else {
            boolean first = true;
            for (int i : shown[axis]) {
                if (!first) {
                    b.append(',').append("\n".repeat(nd - axis - 1)).append(" ".repeat(indent));
                }
                if (i < 0) {
                    b.append("...");
                } else {
                    layout(b, cells, next, shown, axis + 1, indent + 1);
                }
                first = false;
            }
        }
        b.append(']');
    }

    // ------------------------------------------------------------------ HTML

    static String html(double[] data, int[] shape, boolean heat) {
        NumberStyle style = new NumberStyle(data);
        double maxAbs = 0;
        for (double v : data) {
            if (Double.isFinite(v)) {
                maxAbs = Math.max(maxAbs, Math.abs(v));
            }
        }
        StringBuilder b = new StringBuilder();
        b.append("<div class=\"javadl-tensor\">");
        if (shape.length <= 2) {
            int rows = shape.length == 2 ? shape[0] : 1;
            int cols = shape.length == 0 ? 1 : shape[shape.length - 1];
            table(b, data, 0, rows, cols, "Tensor " + Shapes.str(shape), style, heat, maxAbs);
        } else {
            int rows = shape[shape.length - 2];
            int cols = shape[shape.length - 1];
            int plane = rows * cols;
            int planes = plane == 0 ? 0 : data.length / plane;
            b.append("<div><b>Tensor ").append(Html.escape(Shapes.str(shape))).append("</b></div>");
            int limit = Math.min(planes, 16);
            for (int p = 0; p < limit; p++) {
                table(b, data, p * plane, rows, cols, planeLabel(p, shape), style, heat, maxAbs);
            }
            if (planes > limit) {
                b.append("<div>… ").append(planes - limit).append(" more slices</div>");
            }
        }
        return b.append("</div>").toString();
    }

    private static String planeLabel(int p, int[] shape) {
        int lead = shape.length - 2;
        int[] idx = new int[lead];
        for (int a = lead - 1; a >= 0; a--) {
            idx[a] = p % shape[a];
            p /= shape[a];
        }
        StringBuilder s = new StringBuilder("[");
        for (int i : idx) {
            s.append(i).append(", ");
        }
        return s.append(":, :]").toString();
    }

    private static void table(StringBuilder b, double[] data, int off, int rows, int cols, String caption,
            NumberStyle style, boolean heat, double maxAbs) {
        int[] ri = shownIndices(rows, rows > 2 * HTML_EDGE, HTML_EDGE);
        int[] ci = shownIndices(cols, cols > 2 * HTML_EDGE, HTML_EDGE);
        b.append("<table style=\"border-collapse:collapse;font-family:monospace;margin:4px 0\">");
        b.append("<caption style=\"text-align:left\">").append(Html.escape(caption)).append("</caption>");
        b.append("<tr><th></th>");
        for (int j : ci) {
            b.append("<th style=\"padding:1px 6px;" + Html.MUTED + "\">").append(j < 0 ? "…" : String.valueOf(j)).append("</th>");
        }
        b.append("</tr>");
        for (int i : ri) {
            b.append("<tr><th style=\"padding:1px 6px;" + Html.MUTED + "\">").append(i < 0 ? "⋮" : String.valueOf(i)).append("</th>");
            for (int j : ci) {
                if (i < 0 || j < 0) {
                    b.append("<td style=\"text-align:center;padding:1px 6px\">").append(i < 0 ? "⋮" : "…").append("</td>");
                    continue;
                }
                double v = data[off + i * cols + j];
                b.append("<td style=\"text-align:right;padding:1px 6px;border:1px solid #ddd");
                if (heat) {
                    // the heat colours are light: dark text on them, whatever colour the page gives text
                    b.append(";color:#000;background:").append(heatColour(v, maxAbs));
                }
                b.append("\">").append(Html.escape(style.format(v, false))).append("</td>");
            }
            b.append("</tr>");
        }
        b.append("</table>");
    }

    /**
     * Diverging map: white at 0, red for positive, blue for negative, strongest at ±maxAbs. The
     * strongest blue stays light enough for black text on it to reach 4.5:1.
     */
    static String heatColour(double v, double maxAbs) {
        if (!Double.isFinite(v) || maxAbs == 0) {
            return "#ffffff";
        }
        double t = Math.min(1, Math.abs(v) / maxAbs);
        int fade = (int) Math.round(255 * (1 - 0.6 * t));
        return v >= 0 ? String.format(Locale.ROOT, "rgb(255,%d,%d)", fade, fade)
                : String.format(Locale.ROOT, "rgb(%d,%d,255)", fade, fade);
    }

    // ------------------------------------------------------------------ LaTeX

    static String latex(double[] data, int[] shape) {
        if (shape.length > 2) {
            return null;
        }
        for (int d : shape) {
            if (d > LATEX_MAX || d == 0) {
                return null;
            }
        }
        NumberStyle style = new NumberStyle(data);
        if (shape.length == 0) {
            return latexNumber(style.format(data[0], false));
        }
        int rows = shape.length == 2 ? shape[0] : 1;
        int cols = shape[shape.length - 1];
        StringBuilder b = new StringBuilder("\\begin{bmatrix}");
        for (int i = 0; i < rows; i++) {
            if (i > 0) {
                b.append(" \\\\ ");
            }
            for (int j = 0; j < cols; j++) {
                if (j > 0) {
                    b.append(" & ");
                }
                b.append(latexNumber(style.format(data[i * cols + j], false)));
            }
        }
        return b.append("\\end{bmatrix}").toString();
    }

    private static String latexNumber(String s) {
        switch (s) {
            case "inf":
                return "\\infty";
            case "-inf":
                return "-\\infty";
            case "nan":
                return "\\mathrm{NaN}";
            default:
                break;
        }
        int e = s.indexOf('e');
        if (e < 0) {
            return s;
        }
        String mant = s.substring(0, e);
        if (mant.endsWith(".")) {
            mant = mant.substring(0, mant.length() - 1);
        }
        int exp = Integer.parseInt(s.substring(e + 1));
        return mant + " \\times 10^{" + exp + "}";
    }
}

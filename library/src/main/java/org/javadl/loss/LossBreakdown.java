package org.javadl.loss;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import org.javadl.show.Html;
import org.javadl.show.Showable;
import org.javadl.tensor.Tensor;

/**
 * A loss value together with the table of its terms, so a notebook can show the work: for the hinge
 * loss one row per class with its margin term, for KL one row per outcome with p·ln(p/q).
 *
 * <p>{@link #terms()} are the summands whose sum (or mean, see {@link #total()}) is the loss.
 * Example: {@code KlDivergence.breakdown(p, q).toText()}.
 */
public final class LossBreakdown implements Showable {
    private final String name;
    private final String formula;
    private final List<String> columns;
    private final List<List<Object>> rows;
    private final double[] terms;
    private final double total;
    private final Tensor gradient;

    /**
     * @param name      e.g. "multiclass hinge loss"
     * @param formula   the loss in LaTeX, e.g. {@code \sum_{j \ne y} \max(0, s_j - s_y + 1)}
     * @param columns   column headers of the term table
     * @param rows      one row per term, cells are {@link Number}s or {@link String}s
     * @param terms     the summand of each row (NaN for rows that do not count, e.g. the correct class)
     * @param total     the loss
     * @param gradient  the gradient w.r.t. the loss's input, or null
     */
    public LossBreakdown(String name, String formula, List<String> columns, List<List<Object>> rows,
            double[] terms, double total, Tensor gradient) {
        this.name = name;
        this.formula = formula;
        this.columns = List.copyOf(columns);
        List<List<Object>> copy = new ArrayList<>();
        for (List<Object> r : rows) {
            copy.add(Collections.unmodifiableList(new ArrayList<>(r)));
        }
        this.rows = Collections.unmodifiableList(copy);
        this.terms = terms.clone();
        this.total = total;
        this.gradient = gradient;
    }

    /** The loss's name. */
    public String name() {
        return name;
    }

    /** The loss formula in LaTeX. */
    public String formula() {
        return formula;
    }

    /** The loss value. */
    public double total() {
        return total;
    }

    /** The summands, one per row (NaN where a row is not part of the sum). */
    public double[] terms() {
        return terms.clone();
    }

    /** The gradient of the loss w.r.t. its input (scores, probabilities, q, ...), or null. */
    public Tensor gradient() {
        return gradient;
    }

    /** The column headers. */
    public List<String> columns() {
        return columns;
    }

    /** The table rows (numbers and strings). */
    public List<List<Object>> rows() {
        return rows;
    }

    static String fmt(Object cell) {
        if (cell instanceof Double || cell instanceof Float) {
            double v = ((Number) cell).doubleValue();
            if (Double.isNaN(v)) {
                return "—";
            }
            if (v == Math.rint(v) && Math.abs(v) < 1e15) {
                return String.format(Locale.ROOT, "%.0f", v);
            }
            return String.format(Locale.ROOT, "%.6g", v);
        }
        return String.valueOf(cell);
    }

    @Override
    public String toText() {
        int nc = columns.size();
        int[] w = new int[nc];
        for (int c = 0; c < nc; c++) {
            w[c] = columns.get(c).length();
            for (List<Object> r : rows) {
                w[c] = Math.max(w[c], fmt(r.get(c)).length());
            }
        }
        StringBuilder b = new StringBuilder(name).append('\n');
        for (int c = 0; c < nc; c++) {
            b.append(c == 0 ? "" : "  ").append(pad(columns.get(c), w[c]));
        }
        b.append('\n');
        for (List<Object> r : rows) {
            for (int c = 0; c < nc; c++) {
                b.append(c == 0 ? "" : "  ").append(pad(fmt(r.get(c)), w[c]));
            }
            b.append('\n');
        }
        b.append("loss = ").append(String.format(Locale.ROOT, "%.10g", total));
        return b.toString();
    }

    private static String pad(String s, int w) {
        return " ".repeat(Math.max(0, w - s.length())) + s;
    }

    @Override
    public String toHtml() {
        StringBuilder b = new StringBuilder("<div class=\"javadl-loss\"><table style=\"border-collapse:collapse\">");
        b.append("<caption style=\"text-align:left\"><b>").append(Html.escape(name)).append("</b></caption><tr>");
        for (String c : columns) {
            b.append("<th style=\"padding:2px 8px;border-bottom:1px solid #888\">").append(Html.escape(c)).append("</th>");
        }
        b.append("</tr>");
        for (List<Object> r : rows) {
            b.append("<tr>");
            for (Object cell : r) {
                b.append("<td style=\"padding:2px 8px;text-align:right\">").append(Html.escape(fmt(cell))).append("</td>");
            }
            b.append("</tr>");
        }
        b.append("</table><div>loss = <b>").append(String.format(Locale.ROOT, "%.10g", total)).append("</b></div></div>");
        return b.toString();
    }

    /** The formula, the sum of the counted terms with numbers, and the total. */
    @Override
    public String toLatex() {
        StringBuilder b = new StringBuilder("L = ").append(formula).append(" = ");
        boolean first = true;
        int shown = 0;
        for (double t : terms) {
            if (Double.isNaN(t)) {
                continue;
            }
            if (shown++ == 12) {
                b.append(" + \\dots");
                break;
            }
            String s = fmt(t);
            b.append(first ? s : (t < 0 ? " - " + s.substring(1) : " + " + s));
            first = false;
        }
        if (first) {
            b.append('0');
        }
        return b.append(" = ").append(fmt(total)).toString();
    }

    @Override
    public String toString() {
        return toText();
    }
}

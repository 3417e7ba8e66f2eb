package org.javadl.model;

import java.util.List;
import org.javadl.graph.Fmt;
import org.javadl.graph.TextTable;
import org.javadl.graph.Tabular;

/**
 * A loss written out term by term: a table with one row per data point, and the total.
 * Example: {@code model.lossTerms(0, 0)} in a notebook shows each point's contribution.
 */
public final class LossTerms implements Tabular {
    private final String title;
    private final String formulaLatex;
    private final String[] header;
    private final List<String[]> rows;
    private final int termColumn;
    private final double total;
    private final int divisor;

    LossTerms(String title, String formulaLatex, String[] header, List<String[]> rows, int termColumn, double total) {
        this(title, formulaLatex, header, rows, termColumn, total, 1);
    }

    /** divisor 1 for a sum, I for a mean (the total is then the sum of the terms divided by I). */
    LossTerms(String title, String formulaLatex, String[] header, List<String[]> rows, int termColumn, double total,
              int divisor) {
        this.divisor = divisor;
        this.title = title;
        this.formulaLatex = formulaLatex;
        this.header = header;
        this.rows = List.copyOf(rows);
        this.termColumn = termColumn;
        this.total = total;
    }

    /** The sum of the terms. */
    public double total() {
        return total;
    }

    /** Number of terms (data points). */
    public int count() {
        return rows.size();
    }

    /** The terms as a table with the total in the footnote. */
    public TextTable table() {
        TextTable t = new TextTable(title, header);
        for (String[] r : rows) {
            t.row(r);
        }
        String sum = String.join(" + ", rows.stream().limit(12).map(r -> r[termColumn]).toList())
                + (rows.size() > 12 ? " + …" : "");
        return t.footnote("total = " + (divisor == 1 ? sum : "(1/" + divisor + ")·(" + sum + ")") + " = " + Fmt.num(total));
    }

    /** The formula with the terms summed: {@code L = t_1 + t_2 + … = total}. */
    @Override
    public String toLatex() {
        StringBuilder s = new StringBuilder(formulaLatex).append(" = ");
        if (divisor != 1) {
            s.append("\\frac{1}{").append(divisor).append("}\\left(");
        }
        int shown = Math.min(rows.size(), 12);
        for (int i = 0; i < shown; i++) {
            s.append(i == 0 ? "" : " + ").append(texNum(rows.get(i)[termColumn]));
        }
        if (rows.size() > shown) {
            s.append(" + \\dots");
        }
        if (divisor != 1) {
            s.append("\\right)");
        }
        return s.append(" = ").append(Fmt.latex(total)).toString();
    }

    private static String texNum(String s) {
        int e = s.indexOf('e');
        return e < 0 ? s : s.substring(0, e) + "\\times10^{" + s.substring(e + 1) + "}";
    }

    @Override
    public String toString() {
        return toText();
    }
}

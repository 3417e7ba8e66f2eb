package org.javadl.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.javadl.show.Html;
import org.javadl.show.Showable;
import org.javadl.tensor.Tensor;

/**
 * Counts of (true class, predicted class) pairs; the diagonal holds the correct predictions. Shows as a
 * table, in HTML shaded by count. Example: {@code ConfusionMatrix.of(labels, predicted, 10, null).count(3, 8)}.
 */
public final class ConfusionMatrix implements Showable {
    private final int[][] counts;
    private final String[] names;
    private final Tensor labels;
    private final Tensor predicted;

    private ConfusionMatrix(int[][] counts, String[] names, Tensor labels, Tensor predicted) {
        this.counts = counts;
        this.names = names;
        this.labels = labels;
        this.predicted = predicted;
    }

    /** From labels and predictions (class indices 0 .. classes−1); names may be null. */
    public static ConfusionMatrix of(Tensor labels, Tensor predicted, int classes, String[] names) {
        if (labels.size() != predicted.size()) {
            throw new IllegalArgumentException("confusion matrix: " + labels.size() + " labels but " + predicted.size()
                    + " predictions");
        }
        int[][] c = new int[classes][classes];
        for (int i = 0; i < labels.size(); i++) {
            c[(int) labels.toArray()[i]][(int) predicted.toArray()[i]]++;
        }
        String[] n = new String[classes];
        for (int k = 0; k < classes; k++) {
            n[k] = names != null && k < names.length ? names[k] : Integer.toString(k);
        }
        return new ConfusionMatrix(c, n, labels.detach(), predicted.detach());
    }

    /** How many examples of class {@code actual} were predicted as {@code predicted}. */
    public int count(int actual, int predicted) {
        return counts[actual][predicted];
    }

    /** The counts as a (C × C) tensor. */
    public Tensor toTensor() {
        int k = counts.length;
        double[] d = new double[k * k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                d[i * k + j] = counts[i][j];
            }
        }
        return Tensor.of(d, k, k);
    }

    /** The fraction on the diagonal. */
    public double accuracy() {
        int right = 0;
        int all = 0;
        for (int i = 0; i < counts.length; i++) {
            for (int j = 0; j < counts.length; j++) {
                all += counts[i][j];
                right += i == j ? counts[i][j] : 0;
            }
        }
        return all == 0 ? Double.NaN : (double) right / all;
    }

    /** The indices (into the evaluated data) of the examples predicted wrongly, in order. */
    public int[] misclassified() {
        List<Integer> wrong = new ArrayList<>();
        double[] y = labels.toArray();
        double[] p = predicted.toArray();
        for (int i = 0; i < y.length; i++) {
            if (y[i] != p[i]) {
                wrong.add(i);
            }
        }
        return wrong.stream().mapToInt(Integer::intValue).toArray();
    }

    @Override
    public String toText() {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "confusion matrix (rows: true, columns: predicted),"
                + " accuracy %.4f%n", accuracy()));
        b.append(String.format(Locale.ROOT, "%8s", ""));
        for (String n : names) {
            b.append(String.format(Locale.ROOT, "%6s", n));
        }
        for (int i = 0; i < counts.length; i++) {
            b.append(String.format(Locale.ROOT, "%n%8s", names[i]));
            for (int j = 0; j < counts.length; j++) {
                b.append(String.format(Locale.ROOT, "%6d", counts[i][j]));
            }
        }
        return b.toString();
    }

    @Override
    public String toHtml() {
        int max = 1;
        for (int[] row : counts) {
            for (int v : row) {
                max = Math.max(max, v);
            }
        }
        StringBuilder b = new StringBuilder("<table style=\"border-collapse:collapse;font-family:monospace\">");
        b.append(String.format(Locale.ROOT, "<caption>confusion matrix, accuracy %.4f (rows: true class, columns:"
                + " predicted)</caption><tr><th></th>", accuracy()));
        for (String n : names) {
            b.append("<th>").append(Html.escape(n)).append("</th>");
        }
        b.append("</tr>");
        for (int i = 0; i < counts.length; i++) {
            b.append("<tr><th>").append(Html.escape(names[i])).append("</th>");
            for (int j = 0; j < counts.length; j++) {
                int shade = 255 - (int) Math.round(155.0 * counts[i][j] / max);
                String rgb = i == j ? shade + "," + 255 + "," + shade : 255 + "," + shade + "," + shade;
                b.append("<td style=\"padding:2px 6px;text-align:right;color:#000;background:rgb(").append(counts[i][j] == 0
                        ? "255,255,255" : rgb).append(")\">").append(counts[i][j]).append("</td>");
            }
            b.append("</tr>");
        }
        return b.append("</table>").toString();
    }

    @Override
    public String toString() {
        return toText();
    }
}

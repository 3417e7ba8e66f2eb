package org.javadl.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import org.javadl.show.Html;

/**
 * The drawing behind graph views (scalar {@link GraphView}s and tensor graphs): boxes of text lines in
 * columns by depth (inputs on the left, the output on the right), each column centred vertically and
 * kept in insertion order, with curved arrows from a box to the boxes that use it. The first line of
 * each box is bold. Example: {@code d.node(0, "#d6eaf8", "x", "value 1"); ... d.edge(0, 1); d.toSvg()}.
 */
public final class BoxDiagram {
    private static final AtomicInteger IDS = new AtomicInteger();
    private static final int LINE_H = 15;
    private static final int COL_GAP = 60;
    private static final int ROW_GAP = 18;
    private static final int MARGIN = 16;

    private final int boxWidth;
    private final int lines;
    private final List<String[]> text = new ArrayList<>();
    private final List<String> fills = new ArrayList<>();
    private final List<Integer> depths = new ArrayList<>();
    private final List<int[]> edges = new ArrayList<>();

    /** Boxes {@code boxWidth} wide with room for {@code lines} lines of text each. */
    public BoxDiagram(int boxWidth, int lines) {
        this.boxWidth = boxWidth;
        this.lines = lines;
    }

    /** Adds a box in column {@code depth}; returns its index. */
    public int node(int depth, String fill, String... textLines) {
        text.add(textLines.clone());
        fills.add(fill);
        depths.add(depth);
        return text.size() - 1;
    }

    /** An arrow from box {@code from} to box {@code to}. */
    public void edge(int from, int to) {
        edges.add(new int[] {from, to});
    }

    /** The number of boxes. */
    public int size() {
        return text.size();
    }

    /** The whole drawing as a standalone SVG document. */
    public String toSvg() {
        int n = text.size();
        int maxDepth = 0;
        for (int d : depths) {
            maxDepth = Math.max(maxDepth, d);
        }
        List<List<Integer>> cols = new ArrayList<>();
        for (int d = 0; d <= maxDepth; d++) {
            cols.add(new ArrayList<>());
        }
        for (int i = 0; i < n; i++) {
            cols.get(depths.get(i)).add(i);
        }
        int boxH = lines * LINE_H + 10;
        int maxRows = 0;
        for (List<Integer> c : cols) {
            maxRows = Math.max(maxRows, c.size());
        }
        int width = 2 * MARGIN + (maxDepth + 1) * boxWidth + maxDepth * COL_GAP;
        int height = 2 * MARGIN + maxRows * boxH + Math.max(0, maxRows - 1) * ROW_GAP;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int d = 0; d <= maxDepth; d++) {
            List<Integer> c = cols.get(d);
            // Centre each column vertically so short columns sit in the middle.
            double colH = c.size() * boxH + (c.size() - 1) * ROW_GAP;
            double top = MARGIN + (height - 2 * MARGIN - colH) / 2;
            for (int r = 0; r < c.size(); r++) {
                int i = c.get(r);
                x[i] = MARGIN + d * (boxWidth + COL_GAP);
                y[i] = top + r * (boxH + ROW_GAP);
            }
        }
        String arrow = "javadl-arrow-" + IDS.incrementAndGet();
        StringBuilder s = new StringBuilder();
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width).append("\" height=\"")
                .append(height).append("\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" font-family=\"sans-serif\" font-size=\"11\">\n");
        s.append("<defs><marker id=\"").append(arrow).append("\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" ")
                .append("markerWidth=\"7\" markerHeight=\"7\" orient=\"auto\">")
                .append("<path d=\"M0,0 L10,5 L0,10 z\" fill=\"#555\"/></marker></defs>\n");
        s.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        // Edges first, so boxes are drawn over them.
        for (int[] e : edges) {
            int j = e[0];
            int i = e[1];
            double x1 = x[j] + boxWidth;
            double y1 = y[j] + boxH / 2.0;
            double x2 = x[i];
            double y2 = y[i] + boxH / 2.0;
            double mx = (x1 + x2) / 2;
            s.append("<path d=\"M").append(f(x1)).append(',').append(f(y1)).append(" C").append(f(mx))
                    .append(',').append(f(y1)).append(' ').append(f(mx)).append(',').append(f(y2)).append(' ')
                    .append(f(x2)).append(',').append(f(y2)).append("\" fill=\"none\" stroke=\"#555\" ")
                    .append("stroke-width=\"1.2\" marker-end=\"url(#").append(arrow).append(")\"/>\n");
        }
        for (int i = 0; i < n; i++) {
            s.append("<g><rect x=\"").append(f(x[i])).append("\" y=\"").append(f(y[i])).append("\" width=\"")
                    .append(boxWidth).append("\" height=\"").append(boxH).append("\" rx=\"6\" fill=\"")
                    .append(fills.get(i)).append("\" stroke=\"#333\"/>\n");
            double ty = y[i] + 5 + LINE_H - 3;
            String[] t = text.get(i);
            for (int k = 0; k < t.length; k++) {
                text(s, x[i] + 6, ty + k * LINE_H, t[k], k == 0);
            }
            s.append("</g>\n");
        }
        return s.append("</svg>\n").toString();
    }

    private static void text(StringBuilder s, double x, double y, String t, boolean bold) {
        s.append("<text x=\"").append(f(x)).append("\" y=\"").append(f(y)).append('"');
        if (bold) {
            s.append(" font-weight=\"bold\"");
        }
        s.append('>').append(Html.escape(t)).append("</text>\n");
    }

    private static String f(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}

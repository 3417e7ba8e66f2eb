package org.javadl.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.javadl.show.Html;
import org.javadl.show.Showable;

/**
 * A drawing of a computational graph as a self-contained SVG: nodes in columns by depth (inputs
 * on the left, the output on the right), each a box with its name, operation, value, adjoint
 * (after backward) and tangent (after forward); edges are arrows from an input to the node that
 * uses it. Made by {@link Graph#view()}; {@code y.graph().toSvg()} is the short form.
 */
public final class GraphView implements Showable {
    /** Graphs with more nodes are not drawn ({@link #toSvg()} returns null): nobody can read them. */
    public static final int MAX_NODES = 400;

    private static final AtomicInteger IDS = new AtomicInteger();
    private static final int BOX_W = 150;
    private static final int LINE_H = 15;
    private static final int COL_GAP = 60;
    private static final int ROW_GAP = 18;
    private static final int MARGIN = 16;

    private final Graph graph;

    GraphView(Graph graph) {
        this.graph = graph;
    }

    @Override
    public String toText() {
        return "GraphView(" + graph.size() + " nodes; SVG drawing)";
    }

    @Override
    public String toSvg() {
        int n = graph.size();
        if (n > MAX_NODES) {
            return null;
        }
        int[] depth = graph.depths();
        int maxDepth = 0;
        for (int d : depth) {
            maxDepth = Math.max(maxDepth, d);
        }
        // Columns by depth; within a column, nodes keep evaluation order (top to bottom).
        List<List<Integer>> cols = new ArrayList<>();
        for (int d = 0; d <= maxDepth; d++) {
            cols.add(new ArrayList<>());
        }
        for (int i = 0; i < n; i++) {
            cols.get(depth[i]).add(i);
        }
        boolean showGrad = graph.hasAdjoints();
        boolean showTan = graph.seed() != null;
        int lines = 2 + (showGrad ? 1 : 0) + (showTan ? 1 : 0);
        int boxH = lines * LINE_H + 10;
        int maxRows = 0;
        for (List<Integer> c : cols) {
            maxRows = Math.max(maxRows, c.size());
        }
        int width = 2 * MARGIN + (maxDepth + 1) * BOX_W + maxDepth * COL_GAP;
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
                x[i] = MARGIN + d * (BOX_W + COL_GAP);
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
        for (int i = 0; i < n; i++) {
            Value v = graph.at(i);
            for (Value u : v.inputs()) {
                int j = graph.indexOf(u);
                double x1 = x[j] + BOX_W;
                double y1 = y[j] + boxH / 2.0;
                double x2 = x[i];
                double y2 = y[i] + boxH / 2.0;
                double mx = (x1 + x2) / 2;
                s.append("<path d=\"M").append(f(x1)).append(',').append(f(y1)).append(" C").append(f(mx))
                        .append(',').append(f(y1)).append(' ').append(f(mx)).append(',').append(f(y2)).append(' ')
                        .append(f(x2)).append(',').append(f(y2)).append("\" fill=\"none\" stroke=\"#555\" ")
                        .append("stroke-width=\"1.2\" marker-end=\"url(#").append(arrow).append(")\"/>\n");
            }
        }
        for (int i = 0; i < n; i++) {
            Value v = graph.at(i);
            String fill = v == graph.output() ? "#fde2c8" : v.op == Op.VAR ? "#d6eaf8"
                    : v.op == Op.CONST ? "#eeeeee" : "#e8f6e8";
            s.append("<g><rect x=\"").append(f(x[i])).append("\" y=\"").append(f(y[i])).append("\" width=\"")
                    .append(BOX_W).append("\" height=\"").append(boxH).append("\" rx=\"6\" fill=\"").append(fill)
                    .append("\" stroke=\"#333\"/>\n");
            String head = graph.label(v) + (v.op.isLeaf() ? "  (" + v.op.symbol() + ")"
                    : "  = " + v.op.symbol() + opArgs(v));
            double ty = y[i] + 5 + LINE_H - 3;
            text(s, x[i] + 6, ty, head, true);
            text(s, x[i] + 6, ty + LINE_H, "value " + Fmt.num(v.data), false);
            int line = 2;
            if (showGrad) {
                text(s, x[i] + 6, ty + line++ * LINE_H, "∂" + graph.label(graph.output()) + "/∂· " + Fmt.num(v.grad), false);
            }
            if (showTan) {
                text(s, x[i] + 6, ty + line * LINE_H, "∂·/∂" + graph.label(graph.seed()) + " " + Fmt.num(v.tangent), false);
            }
            s.append("</g>\n");
        }
        return s.append("</svg>\n").toString();
    }

    private String opArgs(Value v) {
        StringBuilder b = new StringBuilder("(");
        List<Value> in = v.inputs();
        for (int k = 0; k < in.size(); k++) {
            b.append(k == 0 ? "" : ", ").append(graph.label(in.get(k)));
        }
        if (v.op == Op.POWC) {
            b.append(", ").append(Fmt.num(v.k));
        }
        return b.append(')').toString();
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

    @Override
    public String toString() {
        return toText();
    }
}

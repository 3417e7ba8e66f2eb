package org.javadl.graph;

import java.util.ArrayList;
import java.util.List;
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

    private static final int BOX_W = 150;

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
        boolean showGrad = graph.hasAdjoints();
        boolean showTan = graph.seed() != null;
        BoxDiagram d = new BoxDiagram(BOX_W, 2 + (showGrad ? 1 : 0) + (showTan ? 1 : 0));
        // nodes in evaluation order, so that within a column they keep it (top to bottom)
        for (int i = 0; i < n; i++) {
            Value v = graph.at(i);
            String fill = v == graph.output() ? "#fde2c8" : v.op == Op.VAR ? "#d6eaf8"
                    : v.op == Op.CONST ? "#eeeeee" : "#e8f6e8";
            List<String> lines = new ArrayList<>();
            lines.add(graph.label(v) + (v.op.isLeaf() ? "  (" + v.op.symbol() + ")" : "  = " + v.op.symbol() + opArgs(v)));
            lines.add("value " + Fmt.num(v.data));
            if (showGrad) {
                lines.add("∂" + graph.label(graph.output()) + "/∂· " + Fmt.num(v.grad));
            }
            if (showTan) {
                lines.add("∂·/∂" + graph.label(graph.seed()) + " " + Fmt.num(v.tangent));
            }
            d.node(depth[i], fill, lines.toArray(new String[0]));
        }
        for (int i = 0; i < n; i++) {
            for (Value u : graph.at(i).inputs()) {
                d.edge(graph.indexOf(u), i);
            }
        }
        return d.toSvg();
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

    @Override
    public String toString() {
        return toText();
    }
}

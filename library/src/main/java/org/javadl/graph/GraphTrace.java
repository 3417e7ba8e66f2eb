package org.javadl.graph;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A snapshot of a graph's nodes in evaluation order: name, operation, inputs, value, adjoint
 * ∂y/∂node (after backward) and tangent ∂node/∂x (after forward). Numbers are copied when the
 * trace is made; the derivations ({@link #reverseOrder()}, {@link #forwardOrder()}) use the graph's
 * current numbers.
 *
 * <p>Example: {@code y.backward(); y.graph().forward(x).trace()} shows all three columns.
 * Text and HTML list at most {@link #MAX_SHOWN_ROWS} rows, with a note of how many are left out.
 */
public final class GraphTrace implements Tabular {
    /** Rows shown by toText/toHtml/toLatex; {@link #rows()} always has all of them. */
    public static final int MAX_SHOWN_ROWS = 500;

    /** One node of the trace. */
    public record Row(int index, String name, String op, List<String> inputs, double value,
                      double adjoint, double tangent) {
    }

    private final Graph graph;
    private final List<Row> rows;
    private final boolean hasAdjoints;
    private final String seedLabel;
    private final String outputLabel;

    GraphTrace(Graph graph) {
        this.graph = graph;
        this.hasAdjoints = graph.hasAdjoints();
        this.seedLabel = graph.seed() == null ? null : graph.label(graph.seed());
        this.outputLabel = graph.label(graph.output());
        List<Row> r = new ArrayList<>(graph.size());
        for (int i = 0; i < graph.size(); i++) {
            Value v = graph.at(i);
            List<String> in = new ArrayList<>(2);
            for (Value u : v.inputs()) {
                in.add(graph.label(u));
            }
            if (v.op == Op.POWC) {
                in.add(Fmt.num(v.k));
            }
            r.add(new Row(i, graph.label(v), v.op.symbol(), List.copyOf(in), v.data, v.grad, v.tangent));
        }
        this.rows = Collections.unmodifiableList(r);
    }

    /** All rows in evaluation order (inputs first). */
    public List<Row> rows() {
        return rows;
    }

    /** The row of the node with this label. */
    public Row row(String name) {
        for (Row r : rows) {
            if (r.name().equals(name)) {
                return r;
            }
        }
        throw new IllegalArgumentException("no node named '" + name + "' in this trace");
    }

    /** Labels in evaluation order: x, f1, f2, …, y. */
    public List<String> evaluationOrder() {
        List<String> l = new ArrayList<>();
        for (Row r : rows) {
            l.add(r.name());
        }
        return l;
    }

    /**
     * The reverse-mode derivation: ∂y/∂y, ∂y/∂f5, ∂y/∂f4, …, ∂y/∂x, each by the chain rule with
     * numbers (runs backward on the graph if needed).
     */
    public Derivation reverseOrder() {
        return graph.reverseDerivation();
    }

    /**
     * The forward-mode derivation with respect to the graph's seed (set by {@code forward(x)}):
     * ∂x/∂x, ∂f1/∂x, …, ∂y/∂x.
     */
    public Derivation forwardOrder() {
        if (graph.seed() == null) {
            throw new IllegalStateException("run forward(x) on the graph first, so the trace knows x");
        }
        return graph.forwardDerivation(graph.seed());
    }

    /** The trace as a {@link TextTable}. */
    public TextTable table() {
        List<String> h = new ArrayList<>(List.of("#", "node", "op", "inputs", "value"));
        if (hasAdjoints) {
            h.add("∂" + outputLabel + "/∂node");
        }
        if (seedLabel != null) {
            h.add("∂node/∂" + seedLabel);
        }
        TextTable t = new TextTable("Computational graph, evaluation order", h.toArray(new String[0]));
        int shown = Math.min(rows.size(), MAX_SHOWN_ROWS);
        for (int i = 0; i < shown; i++) {
            Row r = rows.get(i);
            List<String> c = new ArrayList<>(List.of(Integer.toString(r.index()), r.name(), r.op(),
                    String.join(", ", r.inputs()), Fmt.num(r.value())));
            if (hasAdjoints) {
                c.add(Fmt.num(r.adjoint()));
            }
            if (seedLabel != null) {
                c.add(Fmt.num(r.tangent()));
            }
            t.row(c.toArray(new String[0]));
        }
        if (shown < rows.size()) {
            t.footnote("… " + (rows.size() - shown) + " more nodes not shown (" + rows.size() + " in all)");
        }
        return t;
    }

    @Override
    public String toLatex() {
        return table().toLatex();
    }

    @Override
    public String toString() {
        return toText();
    }
}

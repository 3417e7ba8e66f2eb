package org.javadl.nn;

import org.javadl.graph.Fmt;
import org.javadl.graph.Graph;
import org.javadl.graph.GraphTrace;
import org.javadl.graph.TextTable;
import org.javadl.graph.Tabular;
import org.javadl.graph.Value;

/**
 * One forward and backward pass of a {@link ThreeLayerNet}: z1, h1, z2, h2, z3, y, the loss,
 * ∂L/∂y and ∂L/∂w1..3 (all from the graph's reverse mode), plus the graph itself for a trace or
 * a drawing.
 */
public final class NetPass implements Tabular {
    private static final String[] NAMES = {"z1", "h1", "z2", "h2", "z3", "y", "L"};

    private final ThreeLayerNet net;
    private final double x;
    private final double target;
    private final Graph graph;
    private final double[] forward;
    private final double[] adjoints;
    private final double[] dw;

    NetPass(ThreeLayerNet net, double x, double target, Graph graph, Value[] nodes, Value[] weights) {
        this.net = net;
        this.x = x;
        this.target = target;
        this.graph = graph;
        this.forward = new double[nodes.length];
        this.adjoints = new double[nodes.length];
        for (int i = 0; i < nodes.length; i++) {
            forward[i] = nodes[i].data();
            adjoints[i] = nodes[i].grad();
        }
        this.dw = new double[] {weights[0].grad(), weights[1].grad(), weights[2].grad()};
    }

    /** Pre-activation z1 = w1·x. */
    public double z1() {
        return forward[0];
    }

    /** h1 = σ(z1). */
    public double h1() {
        return forward[1];
    }

    /** z2 = w2·h1. */
    public double z2() {
        return forward[2];
    }

    /** h2 = σ(z2). */
    public double h2() {
        return forward[3];
    }

    /** z3 = w3·h2. */
    public double z3() {
        return forward[4];
    }

    /** The output y (σ(z3) for the classifier, z3 for the regressor). */
    public double y() {
        return forward[5];
    }

    /** The loss. */
    public double loss() {
        return forward[6];
    }

    /** ∂L/∂y. */
    public double dLdy() {
        return adjoints[5];
    }

    /** ∂L/∂w_k for k = 1, 2, 3: {@code pass.dLdw(1)}. */
    public double dLdw(int k) {
        if (k < 1 || k > 3) {
            throw new IllegalArgumentException("weights are w1, w2, w3; got w" + k);
        }
        return dw[k - 1];
    }

    /** The graph (trace, chain rules, SVG). */
    public Graph graph() {
        return graph;
    }

    /** The graph's trace table. */
    public GraphTrace trace() {
        return graph.trace();
    }

    /** Forward values and gradients as a table. */
    public TextTable table() {
        TextTable t = new TextTable(net + ", sample x = " + Fmt.num(x) + ", ŷ = " + Fmt.num(target),
                new String[] {"quantity", "value", "∂L/∂quantity"});
        boolean reg = net.kind() == ThreeLayerNet.Kind.REGRESSOR;
        for (int i = 0; i < NAMES.length; i++) {
            String name = NAMES[i];
            if (reg && name.equals("y")) {
                continue; // y is z3 in the regressor; shown as "z3 = y"
            }
            t.row(reg && name.equals("z3") ? "z3 = y" : name, Fmt.num(forward[i], 8), Fmt.num(adjoints[i], 8));
        }
        for (int k = 1; k <= 3; k++) {
            t.row("w" + k, Fmt.num(net.weights()[k - 1]), Fmt.num(dw[k - 1], 8));
        }
        return t;
    }

    @Override
    public String toSvg() {
        return graph.toSvg();
    }

    @Override
    public String toString() {
        return toText();
    }
}

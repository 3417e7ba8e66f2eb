package org.javadl.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.javadl.show.Showable;

/**
 * The computational graph (DAG) behind one output value, with its nodes in evaluation
 * (topological) order. Runs reverse mode ({@link #backward()}), forward mode ({@link #forward}),
 * re-evaluation after inputs change ({@link #evaluate()}), and explains itself: a trace table
 * ({@link #trace()}), chain-rule derivations per node ({@link #reverseDerivation()},
 * {@link #forwardDerivation()}) and an SVG drawing ({@link #toSvg()}).
 *
 * <p>Example: {@code Graph g = y.graph(); g.backward(); g.forward(x); g.trace()}.
 *
 * <p>The order is computed once when the graph is made; build a new graph if you add nodes.
 */
public final class Graph implements Showable {
    private final Value output;
    private final Value[] order;
    private Value seed;
    private boolean backwardDone;
    private Map<Value, Integer> index;
    private List<List<int[]>> consumers;

    private Graph(Value output) {
        this.output = output;
        this.order = Topo.order(output);
    }

    /** The graph of everything {@code output} depends on: {@code Graph.of(y)}. */
    public static Graph of(Value output) {
        if (output == null) {
            throw new IllegalArgumentException("output must not be null");
        }
        return new Graph(output);
    }

    /** The output node y. */
    public Value output() {
        return output;
    }

    /** The nodes in evaluation order: inputs first, the output last. */
    public List<Value> nodes() {
        return Collections.unmodifiableList(Arrays.asList(order));
    }

    /** Number of nodes (leaves included). */
    public int size() {
        return order.length;
    }

    /** The variable (or other node) seeded by the last {@link #forward}, or null. */
    public Value seed() {
        return seed;
    }

    /** True after {@link #backward()} has run on this graph object. */
    public boolean hasAdjoints() {
        return backwardDone;
    }

    /** The first node with this name, in evaluation order: {@code g.node("f3")}. */
    public Value node(String name) {
        for (Value v : order) {
            if (name.equals(v.name)) {
                return v;
            }
        }
        throw new IllegalArgumentException("no node named '" + name + "' in this graph");
    }

    /**
     * Reverse mode: ∂y/∂node for every node. Resets all adjoints to 0, seeds ∂y/∂y = 1, then visits
     * the nodes from the output back to the inputs, each adding adjoint × local derivative to its
     * inputs (ȳ_input += ȳ_node · ∂node/∂input). Calling it twice gives the same result.
     * Example: {@code g.backward(); x.grad()}.
     */
    public Graph backward() {
        Value[] o = order;
        for (Value v : o) {
            v.grad = 0;
        }
        output.grad = 1;
        for (int i = o.length - 1; i >= 0; i--) {
            o[i].pushAdjoint();
        }
        backwardDone = true;
        return this;
    }

    /**
     * Forward mode: ∂node/∂x for every node, by dual numbers: x's tangent is 1, every other leaf's
     * is 0, and each node's tangent is Σ ∂node/∂input · tangent(input), in evaluation order.
     * Example: {@code g.forward(x); g.output().tangent()} is dy/dx.
     *
     * @param x a node of this graph (usually an input variable)
     */
    public Graph forward(Value x) {
        if (x == null || indexOf(x) < 0) {
            throw new IllegalArgumentException("forward(x): x is not a node of this graph");
        }
        for (Value v : order) {
            if (v == x) {
                v.tangent = 1;
            } else if (v.op.isLeaf()) {
                v.tangent = 0;
            } else {
                v.pullTangent();
            }
        }
        seed = x;
        return this;
    }

    /**
     * Recomputes every node's value from the current leaf values, in evaluation order (after
     * {@link Value#set}): {@code w.set(0.1); g.evaluate().backward();}.
     */
    public Graph evaluate() {
        for (Value v : order) {
            if (!v.op.isLeaf()) {
                v.data = v.compute();
            }
        }
        return this;
    }

    /** Sets one input, re-evaluates, returns the output's value (for finite differences). */
    double evaluate0(Value input, double v) {
        input.set(v);
        evaluate();
        return output.data;
    }

    /** dy/dx by reverse mode: {@code g.gradient(x)} (runs {@link #backward()}). */
    public double gradient(Value x) {
        if (indexOf(x) < 0) {
            throw new IllegalArgumentException("gradient(x): x is not a node of this graph");
        }
        backward();
        return x.grad;
    }

    /** dy/dx by forward mode: {@code g.derivative(x)} (runs {@link #forward}). */
    public double derivative(Value x) {
        forward(x);
        return output.tangent;
    }

    // ---------------------------------------------------------------- structure

    /** Position of v in evaluation order, or −1. */
    public int indexOf(Value v) {
        if (index == null) {
            Map<Value, Integer> m = new IdentityHashMap<>(order.length * 2);
            for (int i = 0; i < order.length; i++) {
                m.put(order[i], i);
            }
            index = m;
        }
        Integer i = index.get(v);
        return i == null ? -1 : i;
    }

    /**
     * The label used in tables and drawings: the node's name, the number for an unnamed constant,
     * otherwise {@code v<index>}.
     */
    public String label(Value v) {
        if (v.name != null) {
            return v.name;
        }
        if (v.op == Op.CONST) {
            return Fmt.num(v.data);
        }
        return "v" + indexOf(v);
    }

    /** Longest path from a leaf (leaves have depth 0); used for the layered drawing. */
    int[] depths() {
        int[] d = new int[order.length];
        for (int i = 0; i < order.length; i++) {
            Value v = order[i];
            int m = -1;
            if (v.a != null) {
                m = Math.max(m, d[indexOf(v.a)]);
            }
            if (v.b != null) {
                m = Math.max(m, d[indexOf(v.b)]);
            }
            d[i] = m + 1;
        }
        return d;
    }

    /** For each node, the (consumer index, input slot) pairs of the nodes that use it. */
    List<List<int[]>> consumers() {
        if (consumers == null) {
            List<List<int[]>> c = new ArrayList<>(order.length);
            for (int i = 0; i < order.length; i++) {
                c.add(new ArrayList<>(2));
            }
            for (int i = 0; i < order.length; i++) {
                Value v = order[i];
                if (v.a != null) {
                    c.get(indexOf(v.a)).add(new int[] {i, 0});
                }
                if (v.b != null) {
                    c.get(indexOf(v.b)).add(new int[] {i, 1});
                }
            }
            consumers = c;
        }
        return consumers;
    }

    Value at(int i) {
        return order[i];
    }

    // ---------------------------------------------------------------- explanations

    /** A snapshot table of all nodes (name, op, inputs, value, adjoint, tangent): {@code g.trace()}. */
    public GraphTrace trace() {
        return new GraphTrace(this);
    }

    /**
     * The chain rule for the adjoint of one node, with numbers:
     * ∂y/∂v = Σ over consumers c of ∂y/∂c · ∂c/∂v. Run {@link #backward()} first.
     * Example: {@code g.adjointRule(g.node("f3"))}.
     */
    public ChainRule adjointRule(Value v) {
        return ChainRule.reverse(this, requireNode(v));
    }

    /**
     * The chain rule for the tangent of one node: ∂v/∂x = Σ over inputs u of ∂v/∂u · ∂u/∂x.
     * Run {@link #forward} first. Example: {@code g.tangentRule(g.node("f3"))}.
     */
    public ChainRule tangentRule(Value v) {
        return ChainRule.forward(this, requireNode(v));
    }

    /**
     * Reverse-mode derivation in the order the homework asks: ∂y/∂y, then the nodes from the output
     * back to the inputs (∂y/∂f5, ∂y/∂f4, …, ∂y/∂x), each using the adjoints already computed.
     * Runs {@link #backward()} if it has not run. Constants are left out.
     */
    public Derivation reverseDerivation() {
        if (!backwardDone) {
            backward();
        }
        List<ChainRule> steps = new ArrayList<>();
        for (int i = order.length - 1; i >= 0; i--) {
            if (order[i].op != Op.CONST) {
                steps.add(ChainRule.reverse(this, order[i]));
            }
        }
        return new Derivation("Reverse mode: adjoints ∂" + label(output) + "/∂node", steps);
    }

    /**
     * Forward-mode derivation in evaluation order: ∂x/∂x = 1, then ∂f1/∂x, ∂f2/∂x, …, ∂y/∂x.
     * Runs {@link #forward}(x) if x is not already the seed. Constants are left out.
     */
    public Derivation forwardDerivation(Value x) {
        if (seed != x) {
            forward(x);
        }
        List<ChainRule> steps = new ArrayList<>();
        for (Value v : order) {
            if (v.op != Op.CONST) {
                steps.add(ChainRule.forward(this, v));
            }
        }
        return new Derivation("Forward mode: tangents ∂node/∂" + label(x), steps);
    }

    private Value requireNode(Value v) {
        if (v == null || indexOf(v) < 0) {
            throw new IllegalArgumentException("not a node of this graph");
        }
        return v;
    }

    /** The layered drawing of this graph (inputs left, output right). */
    public GraphView view() {
        return new GraphView(this);
    }

    /** The trace table as text. */
    @Override
    public String toText() {
        return trace().toText();
    }

    /** The trace table as HTML. */
    @Override
    public String toHtml() {
        return trace().toHtml();
    }

    /** An SVG drawing of the DAG (null for graphs too large to draw, see {@link GraphView#MAX_NODES}). */
    @Override
    public String toSvg() {
        return view().toSvg();
    }

    /** Same as {@link #toText()}. */
    @Override
    public String toString() {
        return toText();
    }
}

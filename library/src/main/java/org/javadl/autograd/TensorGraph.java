package org.javadl.autograd;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.javadl.graph.BoxDiagram;
import org.javadl.graph.TextTable;
import org.javadl.show.Showable;
import org.javadl.tensor.Shapes;
import org.javadl.tensor.Tensor;

/**
 * The recorded graph of a small tensor expression, drawn like the scalar graphs: one box per tensor
 * with the op that made it (or "leaf" / "constant"), its shape, and, for a one-element output, the norm
 * ‖∂out/∂t‖ of the gradient at that tensor (computed here without touching anyone's {@code grad()}).
 * Inputs are on the left, the output on the right; the text form (and {@link #table()}) lists the same.
 * Example:
 * {@code TensorGraph.of(loss).name(w, "w").name(x, "x")} in a notebook cell shows the SVG.
 */
public final class TensorGraph implements Showable {
    /** Graphs with more tensors are not drawn ({@link #toSvg()} returns null). */
    public static final int MAX_NODES = 200;

    private final Tensor root;
    private final List<Tensor> order;
    private final Map<Tensor, Tensor> grads;
    private final Map<Tensor, String> names = new IdentityHashMap<>();

    private TensorGraph(Tensor root) {
        this.root = root;
        this.order = GraphOrder.of(root, true);
        this.grads = Raw.shape(root).length == 0 || Shapes.size(Raw.shape(root)) == 1 ? Backward.gradients(root)
                : new IdentityHashMap<>();
    }

    /** The graph that computed {@code root} (a tensor with no recorded op is a graph of one box). */
    public static TensorGraph of(Tensor root) {
        return new TensorGraph(root);
    }

    /** Gives a tensor of the graph a name for its box; returns this. */
    public TensorGraph name(Tensor t, String name) {
        names.put(t, name);
        return this;
    }

    /** The number of tensors in the graph. */
    public int size() {
        return order.size();
    }

    private String label(Tensor t) {
        String name = names.get(t);
        Node n = Raw.gradFn(t);
        String what = n != null ? n.op() : Raw.needsGrad(t) ? "leaf" : "constant";
        return name == null ? what : name + " = " + what;
    }

    private String gradText(Tensor t) {
        Tensor g = grads.get(t);
        return g == null ? "" : "‖grad‖ " + String.format(Locale.ROOT, "%.4g", Math.sqrt(g.pow(2).sumValue()));
    }

    /** One row per tensor: its op, its inputs (by row), its shape and its gradient's norm. */
    public TextTable table() {
        TextTable t = new TextTable("tensor graph, " + order.size() + " tensors",
                new String[] {"#", "tensor", "inputs", "shape", "‖grad‖"});
        Map<Tensor, Integer> index = indices();
        for (int i = 0; i < order.size(); i++) {
            Tensor x = order.get(i);
            Node n = Raw.gradFn(x);
            StringBuilder in = new StringBuilder();
            for (int k = 0; n != null && k < n.inputs.length; k++) {
                in.append(k == 0 ? "" : ", ").append('#').append(index.get(n.inputs[k]));
            }
            String g = gradText(x);
            t.row(Integer.toString(i), label(x), in.toString(), Shapes.str(Raw.shape(x)),
                    g.isEmpty() ? "" : g.substring("‖grad‖ ".length()));
        }
        return t;
    }

    private Map<Tensor, Integer> indices() {
        Map<Tensor, Integer> index = new IdentityHashMap<>();
        for (int i = 0; i < order.size(); i++) {
            index.put(order.get(i), i);
        }
        return index;
    }

    @Override
    public String toSvg() {
        if (order.size() > MAX_NODES) {
            return null;
        }
        Map<Tensor, Integer> index = indices();
        int[] depth = new int[order.size()];
        for (int i = 0; i < order.size(); i++) {
            Node n = Raw.gradFn(order.get(i));
            for (int k = 0; n != null && k < n.inputs.length; k++) {
                depth[i] = Math.max(depth[i], depth[index.get(n.inputs[k])] + 1);
            }
        }
        BoxDiagram d = new BoxDiagram(150, grads.isEmpty() ? 2 : 3);
        for (int i = 0; i < order.size(); i++) {
            Tensor t = order.get(i);
            String fill = t == root ? "#fde2c8" : Raw.gradFn(t) != null ? "#e8f6e8" : Raw.needsGrad(t) ? "#d6eaf8"
                    : "#eeeeee";
            String shape = "shape " + Shapes.str(Raw.shape(t));
            if (grads.isEmpty()) {
                d.node(depth[i], fill, label(t), shape);
            } else {
                d.node(depth[i], fill, label(t), shape, gradText(t));
            }
        }
        for (int i = 0; i < order.size(); i++) {
            Node n = Raw.gradFn(order.get(i));
            for (int k = 0; n != null && k < n.inputs.length; k++) {
                d.edge(index.get(n.inputs[k]), i);
            }
        }
        return d.toSvg();
    }

    @Override
    public String toText() {
        return table().toText();
    }

    @Override
    public String toString() {
        return toText();
    }
}

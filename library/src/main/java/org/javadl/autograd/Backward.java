package org.javadl.autograd;

import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.javadl.tensor.Shapes;
import org.javadl.tensor.Tensor;

/**
 * Reverse mode: {@code loss.backward()}. Walks the recorded graph from the output back to the leaves in
 * reverse topological order, asks each node for its inputs' gradients (the op's own vector-Jacobian
 * product) and adds them up where a tensor is used more than once. Leaves that need gradients (and
 * tensors marked with {@code retainGrad()}) <em>accumulate</em> into {@code grad()}, as in PyTorch, so
 * call {@code zeroGrad()} between steps. The graph is kept, so backward may run again (adding again).
 */
public final class Backward {
    private Backward() {
    }

    /**
     * Back-propagates {@code seed} (the gradient of some scalar with respect to {@code root}; null means 1
     * for a one-element root) to every leaf of root's graph that needs a gradient.
     */
    public static void run(Tensor root, Tensor seed) {
        if (!Raw.needsGrad(root)) {
            throw new IllegalStateException("backward: this tensor (shape " + Shapes.str(Raw.shape(root))
                    + ") does not need a gradient: no input of its computation was marked with requiresGrad()"
                    + " (or it was computed inside noGrad)");
        }
        Tensor g = seed == null ? defaultSeed(root) : checkSeed(root, seed);
        GradMode.with(false, () -> {
            propagate(root, g, null);
            return null;
        });
    }

    /**
     * The gradient of a one-element {@code root} with respect to every tensor of its graph (leaves and
     * intermediate results), without touching any {@code grad()}; for drawing and inspecting a graph.
     */
    public static Map<Tensor, Tensor> gradients(Tensor root) {
        if (!Raw.needsGrad(root)) {
            return new IdentityHashMap<>();
        }
        Tensor g = defaultSeed(root);
        Map<Tensor, Tensor> all = new IdentityHashMap<>();
        GradMode.with(false, () -> {
            propagate(root, g, all);
            return null;
        });
        return all;
    }

    private static Tensor defaultSeed(Tensor root) {
        int[] s = Raw.shape(root);
        if (Shapes.size(s) != 1) {
            throw new IllegalArgumentException("backward: the output has shape " + Shapes.str(s)
                    + "; without a seed gradient it must have one element (reduce it to a loss first, e.g."
                    + " with sumAll() or meanAll(), or call backward(seed) with a tensor of that shape)");
        }
        double[] one = new double[1];
        one[0] = 1;
        return Raw.make(one, s.clone());
    }

    private static Tensor checkSeed(Tensor root, Tensor seed) {
        if (!Arrays.equals(Raw.shape(root), Raw.shape(seed))) {
            throw new IllegalArgumentException("backward: seed gradient shape " + Shapes.str(Raw.shape(seed))
                    + " does not match the output's shape " + Shapes.str(Raw.shape(root)));
        }
        return Raw.plain(seed);
    }

    /** With {@code sink}, every tensor's total gradient goes there instead of into leaves' grad(). */
    private static void propagate(Tensor root, Tensor seed, Map<Tensor, Tensor> sink) {
        List<Tensor> order = GraphOrder.of(root);
        Map<Tensor, Tensor> pending = new IdentityHashMap<>();
        pending.put(root, seed);
        for (int k = order.size() - 1; k >= 0; k--) {
            Tensor t = order.get(k);
            Tensor g = pending.remove(t);
            if (g == null) {
                continue;
            }
            Node node = Raw.gradFn(t);
            if (sink != null) {
                sink.put(t, g);
            } else if (node == null || Raw.retainsGrad(t)) {
                accumulate(t, g);
            }
            if (node == null) {
                continue;
            }
            node.checkVersions();
            boolean[] needed = new boolean[node.inputs.length];
            for (int i = 0; i < needed.length; i++) {
                needed[i] = Raw.needsGrad(node.inputs[i]);
            }
            Tensor[] grads = node.vjp.apply(g, needed);
            for (int i = 0; i < needed.length; i++) {
                if (!needed[i] || grads[i] == null) {
                    continue;
                }
                Tensor in = node.inputs[i];
                if (!Arrays.equals(Raw.shape(grads[i]), Raw.shape(in))) {
                    throw new IllegalStateException("backward: " + node.op() + " gave a gradient of shape "
                            + Shapes.str(Raw.shape(grads[i])) + " for its input " + i + " of shape "
                            + Shapes.str(Raw.shape(in)) + " (a bug in that op)");
                }
                pending.merge(in, grads[i], Tensor::add);
            }
        }
    }

    private static void accumulate(Tensor t, Tensor g) {
        Tensor old = Raw.grad(t);
        Raw.setGrad(t, old == null ? g : old.add(g));
    }
}

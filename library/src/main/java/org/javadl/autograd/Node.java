package org.javadl.autograd;

import java.util.List;

import org.javadl.tensor.Shapes;
import org.javadl.tensor.Tensor;

/**
 * One recorded operation of a tensor graph (PyTorch's {@code grad_fn}): its name, its inputs, and the
 * op's own rules for pushing a gradient back (vector-Jacobian product) and a tangent forward
 * (Jacobian-vector product). The op that creates the node writes both rules next to its forward
 * computation; the engines ({@link Backward}, {@link ForwardMode}) only walk the graph.
 *
 * <p>The node remembers how often each input had been changed in place when it was recorded, so that a
 * backward pass through values changed since (by {@code assign}) fails instead of giving wrong gradients.
 */
public final class Node {
    /** The gradient of each input from the output's gradient; entries may be null where not needed. */
    @FunctionalInterface
    interface Vjp {
        Tensor[] apply(Tensor grad, boolean[] needed);
    }

    /** The output's tangent from the inputs' tangents, where a null tangent means zero. */
    @FunctionalInterface
    interface Jvp {
        Tensor apply(Tensor[] tangents);
    }

    private final String op;
    final Tensor[] inputs;
    private final int[] versions;
    final Vjp vjp;
    final Jvp jvp;

    Node(String op, Tensor[] inputs, Vjp vjp, Jvp jvp) {
        this.op = op;
        this.inputs = inputs;
        this.vjp = vjp;
        this.jvp = jvp;
        this.versions = new int[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            versions[i] = Raw.version(inputs[i]);
        }
    }

    /** The operation's name, e.g. {@code "matmul"} or {@code "conv2d"}. */
    public String op() {
        return op;
    }

    /** The operation's inputs, in argument order. */
    public List<Tensor> inputs() {
        return List.of(inputs);
    }

    @Override
    public String toString() {
        return op + "Backward";
    }

    /** Throws if an input's values were changed in place after this node used them. */
    void checkVersions() {
        for (int i = 0; i < inputs.length; i++) {
            if (Raw.version(inputs[i]) != versions[i]) {
                throw new IllegalStateException("backward: input " + i + " of " + op + " (shape "
                        + Shapes.str(Raw.shape(inputs[i])) + ") was changed by assign() after " + op
                        + " used it, so its gradient would be wrong; compute the forward pass again after"
                        + " changing a tensor");
            }
        }
    }
}

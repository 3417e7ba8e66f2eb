package org.javadl.autograd;

import java.util.function.BinaryOperator;
import java.util.function.UnaryOperator;

import org.javadl.tensor.Tensor;

/**
 * How an op attaches its {@link Node} to its result: only when grad mode is on and some input needs a
 * gradient, so a computation on plain data records nothing and costs nothing extra.
 */
final class Record {
    private Record() {
    }

    /** True if an op on these inputs must be recorded. */
    static boolean tracks(Tensor... inputs) {
        if (!GradMode.isEnabled()) {
            return false;
        }
        for (Tensor t : inputs) {
            if (Raw.needsGrad(t)) {
                return true;
            }
        }
        return false;
    }

    /** Attaches a node with these rules to {@code out} if the inputs need it; returns {@code out}. */
    static Tensor op(String name, Tensor out, Tensor[] inputs, Node.Vjp vjp, Node.Jvp jvp) {
        if (tracks(inputs)) {
            Raw.setGradFn(out, new Node(name, inputs, vjp, jvp));
        }
        return out;
    }

    /**
     * A one-input op: {@code vjp} maps the output's gradient to the input's, {@code jvp} the input's
     * tangent to the output's (it is not called for a zero tangent).
     */
    static Tensor unary(String name, Tensor out, Tensor x, UnaryOperator<Tensor> vjp, UnaryOperator<Tensor> jvp) {
        return op(name, out, new Tensor[] {x}, (g, need) -> new Tensor[] {vjp.apply(g)},
                t -> t[0] == null ? null : jvp.apply(t[0]));
    }

    /**
     * A two-input op; {@code jvp} receives both tangents, either of which may be null (zero), but not
     * both.
     */
    static Tensor binary(String name, Tensor out, Tensor a, Tensor b, Node.Vjp vjp, BinaryOperator<Tensor> jvp) {
        return op(name, out, new Tensor[] {a, b}, vjp, t -> t[0] == null && t[1] == null ? null : jvp.apply(t[0], t[1]));
    }
}

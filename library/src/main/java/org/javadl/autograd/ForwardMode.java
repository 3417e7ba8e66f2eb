package org.javadl.autograd;

import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.javadl.tensor.Shapes;
import org.javadl.tensor.Tensor;

/**
 * Forward mode: Jacobian-vector products ẏ = J·ẋ. A tangent is pushed from chosen leaves through the
 * recorded graph in topological order, each node applying its op's own tangent rule, so one pass gives
 * the directional derivative of every tensor in the graph (as {@code Value.forward(x)} does for scalars).
 * Example: {@code ForwardMode.jvp(x -> x.tanh().sumAll(), x, v).tangent()} is Σ (1 − tanh²x)·v.
 */
public final class ForwardMode {
    private ForwardMode() {
    }

    /** A value and its tangent (directional derivative), as a dual number holds them. */
    public record Dual(Tensor value, Tensor tangent) {
    }

    /** f(x) and its derivative in direction v: f(x) and J_f(x)·v (torch.func.jvp). */
    public static Dual jvp(Function<Tensor, Tensor> f, Tensor x, Tensor v) {
        return jvp(xs -> f.apply(xs[0]), new Tensor[] {x}, new Tensor[] {v});
    }

    /** f(x₀, x₁, …) and Σᵢ J_i·vᵢ, the derivative when every input moves along its own direction. */
    public static Dual jvp(Function<Tensor[], Tensor> f, Tensor[] xs, Tensor[] vs) {
        if (xs.length != vs.length) {
            throw new IllegalArgumentException("jvp: " + xs.length + " inputs but " + vs.length + " directions");
        }
        Tensor[] leaves = new Tensor[xs.length];
        Map<Tensor, Tensor> seeds = new IdentityHashMap<>();
        for (int i = 0; i < xs.length; i++) {
            if (!Arrays.equals(Raw.shape(xs[i]), Raw.shape(vs[i]))) {
                throw new IllegalArgumentException("jvp: direction " + i + " has shape " + Shapes.str(Raw.shape(vs[i]))
                        + " but input " + i + " has shape " + Shapes.str(Raw.shape(xs[i])));
            }
            leaves[i] = xs[i].detach().requiresGrad();
            seeds.put(leaves[i], Raw.plain(vs[i]));
        }
        Tensor y = GradMode.enableGrad(() -> f.apply(leaves));
        Tensor t = tangent(y, seeds);
        return new Dual(y.detach(), t == null ? Tensor.zeros(Raw.shape(y)) : t);
    }

    /**
     * The tangent of {@code y} when each leaf in {@code seeds} moves along its tensor (other leaves stay
     * fixed); null if y does not depend on any of them.
     */
    public static Tensor tangent(Tensor y, Map<Tensor, Tensor> seeds) {
        return GradMode.with(false, () -> {
            Map<Tensor, Tensor> tangents = new IdentityHashMap<>(seeds);
            if (!Raw.needsGrad(y)) {
                return tangents.get(y);
            }
            List<Tensor> order = GraphOrder.of(y);
            for (Tensor t : order) {
                Node node = Raw.gradFn(t);
                if (node == null) {
                    continue;
                }
                Tensor[] in = new Tensor[node.inputs.length];
                boolean any = false;
                for (int i = 0; i < in.length; i++) {
                    in[i] = tangents.get(node.inputs[i]);
                    any |= in[i] != null;
                }
                if (!any) {
                    continue;
                }
                Tensor out = node.jvp.apply(in);
                if (out != null) {
                    // a tangent that came from a broadcast operand alone still has that operand's shape
                    tangents.put(t, Broadcast.expandTo(out, Raw.shape(t)));
                }
            }
            return tangents.get(y);
        });
    }
}

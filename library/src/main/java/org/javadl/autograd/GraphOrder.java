package org.javadl.autograd;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

import org.javadl.tensor.Tensor;

/**
 * The tensors of a recorded graph in topological order (every tensor after the inputs it was computed
 * from), reached from an output through inputs that need gradients. Iterative, so deep graphs (a long
 * training loop's accumulated expression) do not overflow the stack.
 */
final class GraphOrder {
    private GraphOrder() {
    }

    /** Inputs first, {@code root} last; leaves that need gradients are included, constants are not. */
    static List<Tensor> of(Tensor root) {
        return of(root, false);
    }

    /** The same, with the inputs that need no gradient (data, constants) too if {@code constants}. */
    static List<Tensor> of(Tensor root, boolean constants) {
        List<Tensor> order = new ArrayList<>();
        Set<Tensor> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        ArrayDeque<Tensor> stack = new ArrayDeque<>();
        ArrayDeque<Integer> next = new ArrayDeque<>(); // which input of the tensor on the stack comes next
        seen.add(root);
        stack.push(root);
        next.push(0);
        while (!stack.isEmpty()) {
            Tensor t = stack.peek();
            int i = next.pop();
            Node n = Raw.gradFn(t);
            if (n != null && i < n.inputs.length) {
                next.push(i + 1);
                Tensor in = n.inputs[i];
                if ((constants || Raw.needsGrad(in)) && seen.add(in)) {
                    stack.push(in);
                    next.push(0);
                }
            } else {
                stack.pop();
                order.add(t);
            }
        }
        return order;
    }
}

package org.javadl.autograd;

import java.util.Arrays;

import org.javadl.tensor.Shapes;
import org.javadl.tensor.Tensor;

/**
 * The one door for fused in-place updates of a leaf tensor's values, for optimizers (PyTorch's in-place
 * {@code param.add_(...)} under {@code no_grad}): a {@link Rule} gets the leaf's own element array to
 * change and the gradient's to read, so an Adam step is one loop over the elements instead of a dozen
 * temporary tensors. Like {@link Tensor#assign}, it counts as a change of the leaf's values, so a graph
 * that used the old values can no longer be differentiated.
 */
public final class InPlace {
    private InPlace() {
    }

    /** Changes {@code values} in place from {@code gradient} (same length; the rule must not write it). */
    @FunctionalInterface
    public interface Rule {
        void apply(double[] values, double[] gradient);
    }

    /** Applies {@code rule} to a leaf's values and a gradient of the same shape. */
    public static void update(Tensor leaf, Tensor gradient, Rule rule) {
        if (Raw.gradFn(leaf) != null) {
            throw new IllegalStateException("update: this tensor was computed by " + Raw.gradFn(leaf).op()
                    + "; only leaves (parameters) can be changed in place");
        }
        if (!Arrays.equals(Raw.shape(leaf), Raw.shape(gradient))) {
            throw new IllegalArgumentException("update: gradient shape " + Shapes.str(Raw.shape(gradient))
                    + " does not match the tensor's shape " + Shapes.str(Raw.shape(leaf)));
        }
        rule.apply(Raw.data(leaf), Raw.data(gradient));
        Raw.bumpVersion(leaf);
    }
}

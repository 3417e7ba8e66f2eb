package org.javadl.autograd;

import org.javadl.tensor.Tensor;

/**
 * The autograd ops' way into a {@link Tensor}'s storage and gradient state without copying.
 *
 * <p>WHY: a tensor is immutable to its users ({@code toArray()} copies, {@code of(...)} copies), but the
 * differentiable ops in this package must read operands and build results without an O(n) copy each
 * time, and the engine must record nodes and accumulate gradients. Java has no "friend" packages, so this
 * is the JDK's own "shared secrets" pattern: {@code Tensor} installs the only implementation from its
 * static initialiser, and the getter is package-private, so nothing outside {@code org.javadl.autograd}
 * can obtain it. (Installing a second one fails; subclasses made elsewhere never see a real tensor.)
 */
public abstract class TensorAccess {
    private static TensorAccess installed;

    protected TensorAccess() {
    }

    /** Called once, by {@code Tensor}'s static initialiser. */
    public static synchronized void install(TensorAccess access) {
        if (installed != null) {
            throw new IllegalStateException("TensorAccess is installed by org.javadl.tensor.Tensor only");
        }
        installed = access;
    }

    static synchronized TensorAccess get() {
        if (installed == null) {
            try {
                // initialising Tensor installs its access object
                Class.forName(Tensor.class.getName(), true, Tensor.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
        return installed;
    }

    /** The tensor's own row-major elements: read them, never write them. */
    protected abstract double[] data(Tensor t);

    /** The tensor's own shape array: never write it. */
    protected abstract int[] shape(Tensor t);

    /** A new tensor that takes ownership of both arrays. */
    protected abstract Tensor make(double[] data, int[] shape);

    /** The operation that produced {@code t}, or null for a leaf. */
    protected abstract Node gradFn(Tensor t);

    /** Records that {@code t} was produced by {@code node} (t becomes a non-leaf). */
    protected abstract void setGradFn(Tensor t, Node node);

    /** True for a leaf marked with {@code requiresGrad()} and for every result of a recorded op. */
    protected abstract boolean needsGrad(Tensor t);

    /** True if a non-leaf was asked to keep its gradient ({@code retainGrad()}). */
    protected abstract boolean retainsGrad(Tensor t);

    /** The accumulated gradient, or null. */
    protected abstract Tensor grad(Tensor t);

    /** Replaces the accumulated gradient (null clears it). */
    protected abstract void setGrad(Tensor t, Tensor grad);

    /** How many times the tensor's values were changed in place ({@code assign}). */
    protected abstract int version(Tensor t);

    /** Counts one in-place change of the tensor's values. */
    protected abstract void bumpVersion(Tensor t);
}

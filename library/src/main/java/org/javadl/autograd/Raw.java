package org.javadl.autograd;

import org.javadl.tensor.Tensor;

/** Short static forms of the {@link TensorAccess} calls the ops make on every operand. */
final class Raw {
    private static final TensorAccess A = TensorAccess.get();

    private Raw() {
    }

    static double[] data(Tensor t) {
        return A.data(t);
    }

    static int[] shape(Tensor t) {
        return A.shape(t);
    }

    static int ndim(Tensor t) {
        return A.shape(t).length;
    }

    static Tensor make(double[] data, int... shape) {
        return A.make(data, shape);
    }

    static boolean needsGrad(Tensor t) {
        return A.needsGrad(t);
    }

    static Node gradFn(Tensor t) {
        return A.gradFn(t);
    }

    static void setGradFn(Tensor t, Node n) {
        A.setGradFn(t, n);
    }

    static boolean retainsGrad(Tensor t) {
        return A.retainsGrad(t);
    }

    static Tensor grad(Tensor t) {
        return A.grad(t);
    }

    static void setGrad(Tensor t, Tensor g) {
        A.setGrad(t, g);
    }

    static int version(Tensor t) {
        return A.version(t);
    }

    static void bumpVersion(Tensor t) {
        A.bumpVersion(t);
    }

    /**
     * The same values outside any graph, sharing the array (no copy). Ops use it to compute a forward
     * value with other tensor operations without recording those inner steps.
     */
    static Tensor plain(Tensor t) {
        return A.needsGrad(t) ? A.make(A.data(t), A.shape(t)) : t;
    }
}

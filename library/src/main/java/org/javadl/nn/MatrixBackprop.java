package org.javadl.nn;

import java.util.Arrays;
import org.javadl.tensor.Tensor;

/**
 * Back-propagation through a matrix product Y = W X, for any scalar loss L(Y):
 * <ul>
 *   <li>∂L/∂W = ∂L/∂Y · Xᵀ  (W is m×d, X is d×n, Y and ∂L/∂Y are m×n);</li>
 *   <li>∂L/∂X = Wᵀ · ∂L/∂Y.</li>
 * </ul>
 * Why: y_ik = Σ_j w_ij x_jk, so ∂L/∂w_ij = Σ_k ∂L/∂y_ik · x_jk = (∂L/∂Y Xᵀ)_ij, and likewise
 * ∂L/∂x_jk = Σ_i w_ij ∂L/∂y_ik = (Wᵀ ∂L/∂Y)_jk.
 *
 * <p>Example: {@code MatrixBackprop.gradW(MatrixBackprop.l2Grad(W.matmul(X), Yhat), X)}.
 */
public final class MatrixBackprop {
    private MatrixBackprop() {
    }

    /** ∂L/∂W = ∂L/∂Y · Xᵀ: {@code gradW(dLdY, X)}. */
    public static Tensor gradW(Tensor dLdY, Tensor x) {
        Matrices.matrix("∂L/∂Y", dLdY);
        Matrices.matrix("X", x);
        if (dLdY.dim(1) != x.dim(1)) {
            throw new IllegalArgumentException("gradW: ∂L/∂Y " + Arrays.toString(dLdY.shape()) + " and X "
                    + Arrays.toString(x.shape()) + " must have the same number of columns (Y = W X has X's columns)");
        }
        return dLdY.matmul(x.transpose());
    }

    /** ∂L/∂X = Wᵀ · ∂L/∂Y: {@code gradX(W, dLdY)}. */
    public static Tensor gradX(Tensor w, Tensor dLdY) {
        Matrices.matrix("W", w);
        Matrices.matrix("∂L/∂Y", dLdY);
        if (w.dim(0) != dLdY.dim(0)) {
            throw new IllegalArgumentException("gradX: W " + Arrays.toString(w.shape()) + " and ∂L/∂Y "
                    + Arrays.toString(dLdY.shape()) + " must have the same number of rows (Y = W X has W's rows)");
        }
        return w.transpose().matmul(dLdY);
    }

    /** Y = W X, with a shape check that names both shapes. */
    public static Tensor forward(Tensor w, Tensor x) {
        Matrices.matrix("W", w);
        Matrices.matrix("X", x);
        if (w.dim(1) != x.dim(0)) {
            throw new IllegalArgumentException("Y = W X: W " + Arrays.toString(w.shape()) + " and X "
                    + Arrays.toString(x.shape()) + " do not fit (W has " + w.dim(1) + " columns, X has " + x.dim(0) + " rows)");
        }
        return w.matmul(x);
    }

    /** The L2 loss Σ_ij (y_ij − ŷ_ij)² (a sum of squared errors, no ½, no mean). */
    public static double l2Loss(Tensor y, Tensor yHat) {
        sameShape("L2 loss", y, yHat);
        Tensor r = y.sub(yHat);
        return r.mul(r).sumValue();
    }

    /** ∂L/∂Y of the L2 loss: 2(Y − Ŷ). */
    public static Tensor l2Grad(Tensor y, Tensor yHat) {
        sameShape("L2 gradient", y, yHat);
        return y.sub(yHat).mul(2);
    }

    /** One SGD step W − α·∂L/∂W, with α &gt; 0: {@code sgdStep(W, gradW, 0.1)}. */
    public static Tensor sgdStep(Tensor w, Tensor grad, double step) {
        if (!(step > 0) || Double.isInfinite(step)) {
            throw new IllegalArgumentException("step size must be a positive finite number, got " + step);
        }
        sameShape("SGD step", w, grad);
        return w.sub(grad.mul(step));
    }

    private static void sameShape(String what, Tensor a, Tensor b) {
        if (a == null || b == null) {
            throw new IllegalArgumentException(what + ": arguments must not be null");
        }
        if (!Arrays.equals(a.shape(), b.shape())) {
            throw new IllegalArgumentException(what + ": shapes " + Arrays.toString(a.shape()) + " and "
                    + Arrays.toString(b.shape()) + " differ");
        }
    }

    /**
     * One full gradient step with the L2 loss, every intermediate kept for display
     * (homework 002 problem 1b): {@code MatrixBackprop.l2Step(W, X, Yhat, 0.1)}.
     */
    public static MatrixStep l2Step(Tensor w, Tensor x, Tensor yHat, double step) {
        return MatrixStep.l2(w, x, yHat, step);
    }
}

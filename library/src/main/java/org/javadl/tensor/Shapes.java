package org.javadl.tensor;

import java.util.Arrays;

/** Shape arithmetic shared by {@link Tensor} operations: sizes, strides, axes and broadcasting. */
public final class Shapes {
    private Shapes() {
    }

    /** The number of elements of a tensor of this shape (1 for the scalar shape {@code []}). */
    public static int size(int... shape) {
        long n = 1;
        for (int d : shape) {
            n *= d;
            if (n > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " has more than "
                        + Integer.MAX_VALUE + " elements");
            }
        }
        return (int) n;
    }

    /** Checks that no dimension is negative; {@code op} names the operation in the message. */
    public static int[] checkShape(String op, int[] shape) {
        for (int d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException(op + ": negative dimension in shape " + Arrays.toString(shape));
            }
        }
        return shape.clone();
    }

    /** Row-major strides: the last axis is contiguous. */
    public static int[] strides(int[] shape) {
        int[] s = new int[shape.length];
        int acc = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            s[i] = acc;
            acc *= shape[i];
        }
        return s;
    }

    /** Resolves a possibly negative axis (-1 = last) and checks its range. */
    public static int axis(String op, int axis, int[] shape) {
        int nd = shape.length;
        int a = axis < 0 ? axis + nd : axis;
        if (a < 0 || a >= nd) {
            throw new IllegalArgumentException(op + ": axis " + axis + " is out of range for shape "
                    + Arrays.toString(shape) + " (" + nd + " dimensions)");
        }
        return a;
    }

    /**
     * The numpy broadcast shape of {@code a} and {@code b}: shapes are aligned at their last axis and
     * each pair of dimensions must be equal or contain a 1.
     */
    public static int[] broadcast(String op, int[] a, int[] b) {
        int nd = Math.max(a.length, b.length);
        int[] out = new int[nd];
        for (int i = 0; i < nd; i++) {
            int da = i < nd - a.length ? 1 : a[i - (nd - a.length)];
            int db = i < nd - b.length ? 1 : b[i - (nd - b.length)];
            if (da == db || db == 1) {
                out[i] = da;
            } else if (da == 1) {
                out[i] = db;
            } else {
                throw new IllegalArgumentException(op + ": shapes " + Arrays.toString(a) + " and "
                        + Arrays.toString(b) + " cannot be broadcast together (" + da + " != " + db
                        + " at axis " + i + " of the result)");
            }
        }
        return out;
    }

    /** Strides of {@code shape} seen from the broadcast shape {@code out}: 0 on broadcast axes. */
    public static int[] broadcastStrides(int[] shape, int[] out) {
        int[] own = strides(shape);
        int[] s = new int[out.length];
        int off = out.length - shape.length;
        for (int i = 0; i < shape.length; i++) {
            s[i + off] = shape[i] == 1 ? 0 : own[i];
        }
        return s;
    }

    /** {@code [2, 3]} style text, as numpy and the error messages print shapes. */
    public static String str(int[] shape) {
        return Arrays.toString(shape);
    }
}

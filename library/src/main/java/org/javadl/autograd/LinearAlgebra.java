package org.javadl.autograd;

import java.util.Arrays;

import org.javadl.tensor.MatMul;
import org.javadl.tensor.Shapes;
import org.javadl.tensor.Tensor;

/**
 * The matrix product with numpy's {@code @} rules: (m×k)@(k×n) → (m×n); a 1-D operand is a row (left)
 * or column (right) vector whose axis is dropped again; with more than two axes the leading ones are
 * batch axes that broadcast, e.g. (8, 1, m, k) @ (3, k, n) → (8, 3, m, n). Gradients: Ā = Ḡ Bᵀ and
 * B̄ = Aᵀ Ḡ, each summed over the batch axes its operand was broadcast along. Each element is summed in
 * the textbook order by {@link MatMul}.
 */
public final class LinearAlgebra {
    private LinearAlgebra() {
    }

    /** a @ b; see the class comment for the shapes. */
    public static Tensor matmul(Tensor a, Tensor b) {
        int[] sa = Raw.shape(a);
        int[] sb = Raw.shape(b);
        if (sa.length == 0 || sb.length == 0) {
            throw new IllegalArgumentException("matmul: shapes " + Shapes.str(sa) + " and " + Shapes.str(sb)
                    + " include a 0-D tensor (matmul needs at least one axis on each side; use mul for a scalar)");
        }
        int k = sa[sa.length - 1];
        int kb = sb.length == 1 ? sb[0] : sb[sb.length - 2];
        if (k != kb) {
            throw new IllegalArgumentException("matmul: shapes " + Shapes.str(sa) + " and " + Shapes.str(sb)
                    + " are not aligned (" + k + " != " + kb + ")");
        }
        if (sa.length == 1 || sb.length == 1) {
            // promote the vector to a matrix, multiply, and drop the added axis again (all recorded)
            Tensor a2 = sa.length == 1 ? a.reshape(1, k) : a;
            Tensor b2 = sb.length == 1 ? b.reshape(k, 1) : b;
            Tensor y = matrices(a2, b2);
            int[] s = Raw.shape(y);
            int[] drop;
            if (sa.length == 1 && sb.length == 1) {
                drop = new int[0];
            } else if (sa.length == 1) {
                drop = dropAxis(s, s.length - 2);
            } else {
                drop = dropAxis(s, s.length - 1);
            }
            return y.reshape(drop);
        }
        return matrices(a, b);
    }

    private static int[] dropAxis(int[] s, int axis) {
        int[] r = new int[s.length - 1];
        for (int i = 0, j = 0; i < s.length; i++) {
            if (i != axis) {
                r[j++] = s[i];
            }
        }
        return r;
    }

    /** The batched product of two operands of at least two axes each. */
    private static Tensor matrices(Tensor a, Tensor b) {
        int[] sa = Raw.shape(a);
        int[] sb = Raw.shape(b);
        int m = sa[sa.length - 2];
        int k = sa[sa.length - 1];
        int n = sb[sb.length - 1];
        int[] batchA = Arrays.copyOf(sa, sa.length - 2);
        int[] batchB = Arrays.copyOf(sb, sb.length - 2);
        int[] batch;
        try {
            batch = Shapes.broadcast("matmul", batchA, batchB);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("matmul: shapes " + Shapes.str(sa) + " and " + Shapes.str(sb)
                    + " have batch axes " + Shapes.str(batchA) + " and " + Shapes.str(batchB)
                    + " that cannot be broadcast together", e);
        }
        int count = Shapes.size(batch);
        int[] out = Arrays.copyOf(batch, batch.length + 2);
        out[batch.length] = m;
        out[batch.length + 1] = n;
        double[] c = new double[Shapes.size(out)];
        double[] ad = Raw.data(a);
        double[] bd = Raw.data(b);
        int[] stA = Shapes.broadcastStrides(batchA, batch);
        int[] stB = Shapes.broadcastStrides(batchB, batch);
        Odometer it = new Odometer(batch, stA, stB);
        for (int q = 0; q < count; q++) {
            MatMul.multiply(ad, it.o0 * m * k, bd, it.o1 * k * n, c, q * m * n, m, k, n);
            it.next(batch.length);
        }
        Tensor y = Raw.make(c, out);
        return Record.binary("matmul", y, a, b,
                (g, need) -> new Tensor[] {
                    need[0] ? Broadcast.reduceTo(matrices(g, swapLast(b)), sa) : null,
                    need[1] ? Broadcast.reduceTo(matrices(swapLast(a), g), sb) : null},
                (ta, tb) -> {
                    Tensor l = ta == null ? null : matrices(ta, b);
                    Tensor r = tb == null ? null : matrices(a, tb);
                    return l == null ? r : r == null ? l : l.add(r);
                });
    }

    /**
     * A fully connected layer, y = x Wᵀ + b (PyTorch's {@code F.linear}) for x (…, in), W (out, in) and b
     * (out) or null, as one op: Wᵀ is never formed (the kernel reads W's rows), and the gradients are
     * x̄ = ȳ W, W̄ = ȳᵀ x and b̄ = Σ ȳ over the rows, the only transpose being ȳ's.
     */
    public static Tensor linear(Tensor x, Tensor w, Tensor b) {
        int[] xs = Raw.shape(x);
        int[] ws = Raw.shape(w);
        if (ws.length != 2 || xs.length == 0 || xs[xs.length - 1] != ws[1]
                || b != null && (Raw.ndim(b) != 1 || Raw.shape(b)[0] != ws[0])) {
            throw new IllegalArgumentException("linear: input " + Shapes.str(xs) + ", weight " + Shapes.str(ws)
                    + (b == null ? "" : " and bias " + Shapes.str(Raw.shape(b)))
                    + " do not fit (expected input (…, in), weight (out, in), bias (out))");
        }
        if (xs.length != 2) {
            int[] out = xs.clone();
            out[out.length - 1] = ws[0];
            return linear(x.reshape(-1, ws[1]), w, b).reshape(out);
        }
        int n = xs[0];
        int in = ws[1];
        int out = ws[0];
        double[] y = MatMul.multiplyTransposed(Raw.data(x), Raw.data(w), n, in, out);
        if (b != null) {
            double[] bd = Raw.data(b);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < out; j++) {
                    y[i * out + j] += bd[j];
                }
            }
        }
        Tensor result = Raw.make(y, n, out);
        Tensor[] inputs = b == null ? new Tensor[] {x, w} : new Tensor[] {x, w, b};
        return Record.op("linear", result, inputs,
                (g, need) -> new Tensor[] {
                    need[0] ? Raw.make(MatMul.multiply(Raw.data(g), Raw.data(w), n, out, in), n, in) : null,
                    need[1] ? Raw.make(MatMul.multiply(Raw.data(ShapeOps.transpose(g, 0, 1)), Raw.data(x), out, n, in),
                            out, in) : null,
                    b != null && need[2] ? Reductions.sum(g, new int[] {0}, false) : null},
                t -> {
                    Tensor r = t[0] == null ? null : linear(t[0], w, null);
                    if (t[1] != null) {
                        Tensor fromW = linear(x, t[1], null);
                        r = r == null ? fromW : r.add(fromW);
                    }
                    if (t.length > 2 && t[2] != null) {
                        r = r == null ? Broadcast.expandTo(t[2], new int[] {n, out}) : r.add(t[2]);
                    }
                    return r;
                });
    }

    /** The last two axes swapped (the matrix transpose of each matrix of a batch). */
    private static Tensor swapLast(Tensor x) {
        int nd = Raw.ndim(x);
        return ShapeOps.transpose(Raw.plain(x), nd - 2, nd - 1);
    }
}

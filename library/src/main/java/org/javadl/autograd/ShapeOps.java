package org.javadl.autograd;

import java.util.Arrays;

import org.javadl.tensor.Shapes;
import org.javadl.tensor.Tensor;

/**
 * Ops that move elements without arithmetic: reshape, permute/transpose, slicing, selecting rows by
 * index, gathering along an axis, concatenation and broadcasting (expand). The gradient of each is the
 * inverse movement of the output's gradient (summing where one input element went to several outputs),
 * and its tangent is the same movement of the input's tangent. Every result is a fresh copy.
 */
public final class ShapeOps {
    /** Tile edge of the blocked matrix transpose. */
    private static final int TILE = 32;

    private ShapeOps() {
    }

    // ------------------------------------------------------------------ reshape

    /** The same elements in a new shape; one dimension may be −1 and is then inferred. */
    public static Tensor reshape(Tensor x, int... newShape) {
        int[] from = Raw.shape(x);
        int[] s = inferShape(from, newShape);
        Tensor y = Raw.make(Raw.data(x).clone(), s);
        return Record.unary("reshape", y, x, g -> g.reshape(from), t -> t.reshape(s));
    }

    private static int[] inferShape(int[] from, int[] newShape) {
        int size = Shapes.size(from);
        int[] s = newShape.clone();
        int infer = -1;
        long known = 1;
        for (int i = 0; i < s.length; i++) {
            if (s[i] == -1) {
                if (infer >= 0) {
                    throw new IllegalArgumentException("reshape: only one dimension can be -1, got "
                            + Arrays.toString(newShape));
                }
                infer = i;
            } else if (s[i] < 0) {
                throw new IllegalArgumentException("reshape: negative dimension in " + Arrays.toString(newShape));
            } else {
                known *= s[i];
            }
        }
        if (infer >= 0) {
            if (known == 0 || size % known != 0) {
                throw cannotReshape(from, newShape);
            }
            s[infer] = (int) (size / known);
        }
        if (Shapes.size(s) != size) {
            throw cannotReshape(from, newShape);
        }
        return s;
    }

    private static IllegalArgumentException cannotReshape(int[] from, int[] newShape) {
        return new IllegalArgumentException("reshape: cannot reshape shape " + Shapes.str(from) + " ("
                + Shapes.size(from) + " elements) into " + Arrays.toString(newShape));
    }

    /** Axes {@code start..} merged into one (PyTorch's {@code flatten(start_dim)}). Example: (N, C, H, W) → (N, C·H·W) for start 1. */
    public static Tensor flatten(Tensor x, int start) {
        int[] s = Raw.shape(x);
        if (s.length == 0) {
            return reshape(x, 1);
        }
        int a = Shapes.axis("flatten", start, s);
        int[] ns = Arrays.copyOf(s, a + 1);
        ns[a] = Shapes.size(Arrays.copyOfRange(s, a, s.length));
        return reshape(x, ns);
    }

    /** A new axis of length 1 at {@code axis} (0 ≤ axis ≤ ndim, or negative from the end). */
    public static Tensor unsqueeze(Tensor x, int axis) {
        int[] s = Raw.shape(x);
        int a = axis < 0 ? axis + s.length + 1 : axis;
        if (a < 0 || a > s.length) {
            throw new IllegalArgumentException("unsqueeze: axis " + axis + " is out of range for shape "
                    + Shapes.str(s) + " (a new axis goes at 0.." + s.length + ")");
        }
        int[] ns = new int[s.length + 1];
        for (int i = 0, j = 0; i < ns.length; i++) {
            ns[i] = i == a ? 1 : s[j++];
        }
        return reshape(x, ns);
    }

    /** Drops an axis of length 1. */
    public static Tensor squeeze(Tensor x, int axis) {
        int[] s = Raw.shape(x);
        int a = Shapes.axis("squeeze", axis, s);
        if (s[a] != 1) {
            throw new IllegalArgumentException("squeeze: axis " + axis + " of shape " + Shapes.str(s)
                    + " has length " + s[a] + ", not 1");
        }
        int[] ns = new int[s.length - 1];
        for (int i = 0, j = 0; i < s.length; i++) {
            if (i != a) {
                ns[j++] = s[i];
            }
        }
        return reshape(x, ns);
    }

    // ------------------------------------------------------------------ axes

    /** Axis i of the result is axis {@code axes[i]} of x (numpy's transpose(axes), PyTorch's permute). */
    public static Tensor permute(Tensor x, int... axes) {
        int[] s = Raw.shape(x);
        int nd = s.length;
        if (axes.length != nd) {
            throw new IllegalArgumentException("permute: axes " + Arrays.toString(axes) + " do not match shape "
                    + Shapes.str(s) + " (" + nd + " dimensions)");
        }
        boolean[] seen = new boolean[nd];
        int[] ax = new int[nd];
        for (int i = 0; i < nd; i++) {
            ax[i] = Shapes.axis("permute", axes[i], s);
            if (seen[ax[i]]) {
                throw new IllegalArgumentException("permute: axes " + Arrays.toString(axes)
                        + " repeat an axis (shape " + Shapes.str(s) + ")");
            }
            seen[ax[i]] = true;
        }
        int[] inverse = new int[nd];
        for (int i = 0; i < nd; i++) {
            inverse[ax[i]] = i;
        }
        Tensor y = permuted(x, ax);
        return Record.unary("permute", y, x, g -> permuted(g, inverse), t -> permuted(t, ax));
    }

    private static Tensor permuted(Tensor x, int[] ax) {
        int[] s = Raw.shape(x);
        int nd = s.length;
        double[] d = Raw.data(x);
        int[] ns = new int[nd];
        int[] inStrides = Shapes.strides(s);
        int[] st = new int[nd];
        for (int i = 0; i < nd; i++) {
            ns[i] = s[ax[i]];
            st[i] = inStrides[ax[i]];
        }
        double[] out = new double[d.length];
        if (nd == 2 && ax[0] == 1) {
            // the matrix transpose, by far the most common case
            int m = s[0];
            int n = s[1];
            // in tiles, so that both the rows read and the rows written stay in cache
            for (int i0 = 0; i0 < m; i0 += TILE) {
                int i1 = Math.min(m, i0 + TILE);
                for (int j0 = 0; j0 < n; j0 += TILE) {
                    int j1 = Math.min(n, j0 + TILE);
                    for (int i = i0; i < i1; i++) {
                        for (int j = j0; j < j1; j++) {
                            out[j * m + i] = d[i * n + j];
                        }
                    }
                }
            }
            return Raw.make(out, ns);
        }
        Odometer it = new Odometer(ns, st, null);
        for (int k = 0; k < out.length; k++) {
            out[k] = d[it.o0];
            it.next(nd);
        }
        return Raw.make(out, ns);
    }

    /** Axes d0 and d1 swapped (PyTorch's {@code transpose(d0, d1)}). */
    public static Tensor transpose(Tensor x, int d0, int d1) {
        int[] s = Raw.shape(x);
        int a = Shapes.axis("transpose", d0, s);
        int b = Shapes.axis("transpose", d1, s);
        int[] axes = new int[s.length];
        for (int i = 0; i < axes.length; i++) {
            axes[i] = i == a ? b : i == b ? a : i;
        }
        return permute(x, axes);
    }

    /** All axes reversed (numpy's {@code .T}); 0-D and 1-D tensors are returned as they are. */
    public static Tensor transpose(Tensor x) {
        int nd = Raw.ndim(x);
        if (nd < 2) {
            return x;
        }
        int[] axes = new int[nd];
        for (int i = 0; i < nd; i++) {
            axes[i] = nd - 1 - i;
        }
        return permute(x, axes);
    }

    // ------------------------------------------------------------------ slicing and indexing

    /**
     * Elements start ≤ i &lt; end along an axis ({@code x[..., start:end]}); negative bounds count from the
     * end and bounds are clipped, as numpy does.
     */
    public static Tensor slice(Tensor x, int axis, int start, int end) {
        int[] s = Raw.shape(x);
        int a = Shapes.axis("slice", axis, s);
        int n = s[a];
        int lo = clip(start < 0 ? start + n : start, n);
        int hi = clip(end < 0 ? end + n : end, n);
        int len = Math.max(0, hi - lo);
        Tensor y = sliced(x, a, lo, len);
        return Record.unary("slice", y, x, g -> padded(g, a, lo, n), t -> sliced(t, a, lo, len));
    }

    private static int clip(int v, int n) {
        return Math.max(0, Math.min(n, v));
    }

    private static Tensor sliced(Tensor x, int a, int lo, int len) {
        return moved(x, a, lo, len, len, 0);
    }

    /** g placed at offset lo of an axis of length n, zeros elsewhere (the adjoint of slicing). */
    private static Tensor padded(Tensor g, int a, int lo, int n) {
        return moved(g, a, 0, Raw.shape(g)[a], n, lo);
    }

    /**
     * A tensor like x but with axis a of length {@code n}: positions from..from+len of x's axis are copied
     * to positions to..to+len, the rest is 0.
     */
    private static Tensor moved(Tensor x, int a, int from, int len, int n, int to) {
        int[] s = Raw.shape(x);
        double[] d = Raw.data(x);
        int own = s[a];
        int outer = before(s, a);
        int inner = after(s, a);
        int[] ns = s.clone();
        ns[a] = n;
        double[] out = new double[outer * n * inner];
        for (int o = 0; o < outer; o++) {
            System.arraycopy(d, (o * own + from) * inner, out, (o * n + to) * inner, len * inner);
        }
        return Raw.make(out, ns);
    }

    /** Sub-tensor at index i of an axis, which is dropped (PyTorch's {@code select}; {@code x[i]} for axis 0). */
    public static Tensor select(Tensor x, int axis, int index) {
        int[] s = Raw.shape(x);
        if (s.length == 0) {
            throw new IllegalArgumentException("select: a 0-D tensor has no axes to index");
        }
        int a = Shapes.axis("select", axis, s);
        int ix = index < 0 ? index + s[a] : index;
        if (ix < 0 || ix >= s[a]) {
            throw new IndexOutOfBoundsException("select: index " + index + " is out of range for axis " + a
                    + " of size " + s[a] + " (shape " + Shapes.str(s) + ")");
        }
        return squeeze(slice(x, a, ix, ix + 1), a);
    }

    /**
     * The slices at the given indices along an axis, in that order (repeats allowed), as PyTorch's
     * {@code index_select}; a minibatch is {@code take(x, 0, batchIndices)}.
     */
    public static Tensor take(Tensor x, int axis, int... indices) {
        int[] s = Raw.shape(x);
        int a = Shapes.axis("take", axis, s);
        int n = s[a];
        int[] idx = new int[indices.length];
        for (int i = 0; i < idx.length; i++) {
            int v = indices[i] < 0 ? indices[i] + n : indices[i];
            if (v < 0 || v >= n) {
                throw new IndexOutOfBoundsException("take: index " + indices[i] + " is out of range for axis " + a
                        + " of size " + n + " (shape " + Shapes.str(s) + ")");
            }
            idx[i] = v;
        }
        Tensor y = taken(x, a, idx);
        return Record.unary("take", y, x, g -> putBack(g, a, idx, n), t -> taken(t, a, idx));
    }

    private static Tensor taken(Tensor x, int a, int[] idx) {
        int[] s = Raw.shape(x);
        double[] d = Raw.data(x);
        int n = s[a];
        int outer = before(s, a);
        int inner = after(s, a);
        int[] ns = s.clone();
        ns[a] = idx.length;
        double[] out = new double[outer * idx.length * inner];
        for (int o = 0; o < outer; o++) {
            for (int i = 0; i < idx.length; i++) {
                System.arraycopy(d, (o * n + idx[i]) * inner, out, (o * idx.length + i) * inner, inner);
            }
        }
        return Raw.make(out, ns);
    }

    private static Tensor putBack(Tensor g, int a, int[] idx, int n) {
        int[] gs = Raw.shape(g);
        double[] gd = Raw.data(g);
        int outer = before(gs, a);
        int inner = after(gs, a);
        int[] ns = gs.clone();
        ns[a] = n;
        double[] out = new double[outer * n * inner];
        for (int o = 0; o < outer; o++) {
            for (int i = 0; i < idx.length; i++) {
                int src = (o * idx.length + i) * inner;
                int dst = (o * n + idx[i]) * inner;
                for (int j = 0; j < inner; j++) {
                    out[dst + j] += gd[src + j];
                }
            }
        }
        return Raw.make(out, ns);
    }

    /**
     * PyTorch's {@code gather}: out[i][j][k] = x[i][index[i][j][k]][k] for axis 1 (likewise for other
     * axes). {@code index} holds integers (as doubles), has x's number of axes, and is no larger than x
     * on the other axes; the result has index's shape. Cross-entropy picks each row's class score this way.
     */
    public static Tensor gather(Tensor x, int axis, Tensor index) {
        int[] s = Raw.shape(x);
        int[] is = Raw.shape(index);
        int a = Shapes.axis("gather", axis, s);
        if (is.length != s.length) {
            throw new IllegalArgumentException("gather: index shape " + Shapes.str(is) + " must have as many axes as "
                    + Shapes.str(s));
        }
        for (int i = 0; i < s.length; i++) {
            if (i != a && is[i] > s[i]) {
                throw new IllegalArgumentException("gather: index shape " + Shapes.str(is) + " is larger than "
                        + Shapes.str(s) + " at axis " + i);
            }
        }
        int[] st = Shapes.strides(s);
        double[] id = Raw.data(index);
        int[] at = new int[id.length];
        int[] offStrides = st.clone();
        offStrides[a] = 0;
        Odometer it = new Odometer(is, offStrides, null);
        for (int k = 0; k < id.length; k++) {
            int v = (int) id[k];
            if (v != id[k] || v < 0 || v >= s[a]) {
                throw new IndexOutOfBoundsException("gather: index value " + id[k] + " is not an integer in [0, "
                        + s[a] + ") for axis " + a + " of shape " + Shapes.str(s));
            }
            at[k] = it.o0 + v * st[a];
            it.next(is.length);
        }
        Tensor y = Reductions.gather(x, at, is);
        return Record.unary("gather", y, x, g -> Reductions.scatter(Raw.data(g), at, s), t -> Reductions.gather(t, at, is));
    }

    /** The number of elements before axis a (the product of the leading dimensions). */
    private static int before(int[] s, int a) {
        return Shapes.size(Arrays.copyOfRange(s, 0, a));
    }

    /** The number of elements after axis a: the distance between neighbours along it. */
    private static int after(int[] s, int a) {
        return Shapes.size(Arrays.copyOfRange(s, a + 1, s.length));
    }

    // ------------------------------------------------------------------ joining and broadcasting

    /** The parts joined along an existing axis; all other dimensions must agree. */
    public static Tensor concat(int axis, Tensor... parts) {
        if (parts.length == 0) {
            throw new IllegalArgumentException("concat: needs at least one tensor");
        }
        int[] s0 = Raw.shape(parts[0]);
        if (s0.length == 0) {
            throw new IllegalArgumentException("concat: 0-D tensors have no axis to join along (use stack)");
        }
        int a = Shapes.axis("concat", axis, s0);
        int[] offsets = new int[parts.length + 1];
        for (int p = 0; p < parts.length; p++) {
            int[] sp = Raw.shape(parts[p]);
            boolean ok = sp.length == s0.length;
            for (int i = 0; ok && i < sp.length; i++) {
                ok = i == a || sp[i] == s0[i];
            }
            if (!ok) {
                throw new IllegalArgumentException("concat: shapes " + Shapes.str(s0) + " and " + Shapes.str(sp)
                        + " (tensor 0 and tensor " + p + ") differ outside axis " + axis);
            }
            offsets[p + 1] = offsets[p] + sp[a];
        }
        Tensor y = joined(parts, a, offsets);
        Tensor[] inputs = parts.clone();
        return Record.op("concat", y, inputs,
                (g, need) -> {
                    Tensor[] gs = new Tensor[inputs.length];
                    for (int p = 0; p < gs.length; p++) {
                        gs[p] = need[p] ? sliced(g, a, offsets[p], offsets[p + 1] - offsets[p]) : null;
                    }
                    return gs;
                },
                t -> {
                    boolean any = false;
                    Tensor[] filled = new Tensor[inputs.length];
                    for (int p = 0; p < filled.length; p++) {
                        any |= t[p] != null;
                        filled[p] = t[p] != null ? t[p] : Tensor.zeros(Raw.shape(inputs[p]));
                    }
                    return any ? joined(filled, a, offsets) : null;
                });
    }

    private static Tensor joined(Tensor[] parts, int a, int[] offsets) {
        int[] ns = Raw.shape(parts[0]).clone();
        int total = offsets[parts.length];
        ns[a] = total;
        int outer = before(ns, a);
        int inner = after(ns, a);
        double[] out = new double[outer * total * inner];
        for (int p = 0; p < parts.length; p++) {
            double[] d = Raw.data(parts[p]);
            int len = offsets[p + 1] - offsets[p];
            for (int o = 0; o < outer; o++) {
                System.arraycopy(d, o * len * inner, out, (o * total + offsets[p]) * inner, len * inner);
            }
        }
        return Raw.make(out, ns);
    }

    /** Tensors of equal shape stacked along a new axis 0. */
    public static Tensor stack(Tensor... parts) {
        if (parts.length == 0) {
            throw new IllegalArgumentException("stack: needs at least one tensor");
        }
        int[] s0 = Raw.shape(parts[0]);
        Tensor[] raised = new Tensor[parts.length];
        for (int i = 0; i < parts.length; i++) {
            if (!Arrays.equals(Raw.shape(parts[i]), s0)) {
                throw new IllegalArgumentException("stack: shapes " + Shapes.str(s0) + " and "
                        + Shapes.str(Raw.shape(parts[i])) + " differ (tensor 0 and tensor " + i + ")");
            }
            raised[i] = unsqueeze(parts[i], 0);
        }
        return concat(0, raised);
    }

    /** x repeated along broadcast axes up to {@code shape} (numpy's broadcast_to, PyTorch's expand), as a copy. */
    public static Tensor expand(Tensor x, int... shape) {
        int[] s = Raw.shape(x);
        if (Arrays.equals(s, shape)) {
            return x;
        }
        Tensor y = Broadcast.expandTo(x, shape);
        int[] to = shape.clone();
        return Record.unary("expand", y, x, g -> Broadcast.reduceTo(g, s), t -> Broadcast.expandTo(t, to));
    }
}

package org.javadl.tensor;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

import org.javadl.show.Showable;

/**
 * A small immutable dense tensor of doubles: a row-major {@code double[]} plus an {@code int[]} shape.
 *
 * <p>Conventions follow numpy: element-wise operations broadcast (shapes aligned at the last axis,
 * dimensions equal or 1), axes may be negative ({@code -1} = last), {@code transpose()} reverses the
 * axes, {@code matmul} is the {@code @} operator. Every operation returns a new tensor; none changes
 * its operands. A shape error is an {@link IllegalArgumentException} naming the operation and both
 * shapes, e.g. {@code matmul: shapes [2, 3] and [4, 2] are not aligned (3 != 4)}.
 *
 * <p>Empty tensors (a dimension of 0) are allowed: {@code sum} of an empty tensor is 0, while
 * {@code mean}, {@code max}, {@code min}, {@code argmax} and {@code argmin} throw, because they have
 * no value there.
 *
 * <p>Example: {@code Tensor.of(new double[][]{{1, 2}, {3, 4}}).matmul(Tensor.of(1, 1))} is
 * {@code tensor([3., 7.])}.
 */
public final class Tensor implements Showable {
    private final double[] data;
    private final int[] shape;

    /** Trusted constructor: takes ownership of both arrays (callers pass fresh copies). */
    private Tensor(double[] data, int[] shape) {
        this.data = data;
        this.shape = shape;
    }

    // ------------------------------------------------------------------ creation

    /** A 1-D tensor of the given values. Example: {@code Tensor.of(1, 2, 3)} has shape [3]. */
    public static Tensor of(double... values) {
        return new Tensor(values.clone(), new int[] {values.length});
    }

    /** A 2-D tensor from rows of equal length. Example: {@code of(new double[][]{{1, 2}, {3, 4}})}. */
    public static Tensor of(double[][] rows) {
        int m = rows.length;
        int n = m == 0 ? 0 : rows[0].length;
        double[] d = new double[m * n];
        for (int i = 0; i < m; i++) {
            if (rows[i].length != n) {
                throw new IllegalArgumentException("of: ragged rows: row " + i + " has " + rows[i].length
                        + " elements but row 0 has " + n);
            }
            System.arraycopy(rows[i], 0, d, i * n, n);
        }
        return new Tensor(d, new int[] {m, n});
    }

    /** A 3-D tensor, e.g. channels x height x width. Example: {@code of(new double[][][]{{{1}}})}. */
    public static Tensor of(double[][][] blocks) {
        int c = blocks.length;
        int m = c == 0 ? 0 : blocks[0].length;
        int n = m == 0 ? 0 : blocks[0][0].length;
        double[] d = new double[c * m * n];
        int k = 0;
        for (int a = 0; a < c; a++) {
            if (blocks[a].length != m) {
                throw new IllegalArgumentException("of: ragged blocks: block " + a + " has " + blocks[a].length
                        + " rows but block 0 has " + m);
            }
            for (int i = 0; i < m; i++) {
                if (blocks[a][i].length != n) {
                    throw new IllegalArgumentException("of: ragged rows: block " + a + " row " + i + " has "
                            + blocks[a][i].length + " elements but block 0 row 0 has " + n);
                }
                System.arraycopy(blocks[a][i], 0, d, k, n);
                k += n;
            }
        }
        return new Tensor(d, new int[] {c, m, n});
    }

    /**
     * A tensor of the given shape filled row-major from {@code data} (which is copied).
     * Example: {@code of(new double[]{1, 2, 3, 4, 5, 6}, 2, 3)} is a 2 x 3 matrix.
     */
    public static Tensor of(double[] data, int... shape) {
        int[] s = Shapes.checkShape("of", shape);
        if (Shapes.size(s) != data.length) {
            throw new IllegalArgumentException("of: " + data.length + " values cannot fill shape "
                    + Shapes.str(s) + " (" + Shapes.size(s) + " elements)");
        }
        return new Tensor(data.clone(), s);
    }

    /** A 0-D tensor (shape []). Example: {@code scalar(2.5).item() == 2.5}. */
    public static Tensor scalar(double value) {
        return new Tensor(new double[] {value}, new int[0]);
    }

    /** All zeros. Example: {@code zeros(2, 3)}. */
    public static Tensor zeros(int... shape) {
        int[] s = Shapes.checkShape("zeros", shape);
        return new Tensor(new double[Shapes.size(s)], s);
    }

    /** All ones. Example: {@code ones(3)} is {@code [1, 1, 1]}. */
    public static Tensor ones(int... shape) {
        return full(1.0, shape);
    }

    /** Every element equal to {@code value}. Example: {@code full(7, 2, 2)}. */
    public static Tensor full(double value, int... shape) {
        int[] s = Shapes.checkShape("full", shape);
        double[] d = new double[Shapes.size(s)];
        Arrays.fill(d, value);
        return new Tensor(d, s);
    }

    /** {@code [0, 1, ..., stop-1]} as numpy's {@code arange(stop)}. Example: {@code arange(3)} is [0, 1, 2]. */
    public static Tensor arange(double stop) {
        return arange(0, stop, 1);
    }

    /** {@code [start, start+1, ...)} below {@code stop}. Example: {@code arange(2, 5)} is [2, 3, 4]. */
    public static Tensor arange(double start, double stop) {
        return arange(start, stop, 1);
    }

    /**
     * Values {@code start + i*step} for i = 0 .. ceil((stop-start)/step) - 1 (numpy's rule).
     * Example: {@code arange(0, 1, 0.25)} is [0, 0.25, 0.5, 0.75].
     */
    public static Tensor arange(double start, double stop, double step) {
        if (step == 0 || Double.isNaN(step)) {
            throw new IllegalArgumentException("arange: step must be non-zero, got " + step);
        }
        double count = Math.ceil((stop - start) / step);
        int n = count > 0 ? (int) count : 0;
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = start + i * step;
        }
        return new Tensor(d, new int[] {n});
    }

    /**
     * {@code num} evenly spaced values from {@code start} to {@code stop} inclusive (numpy's linspace).
     * Example: {@code linspace(0, 1, 5)} is [0, 0.25, 0.5, 0.75, 1].
     */
    public static Tensor linspace(double start, double stop, int num) {
        if (num < 0) {
            throw new IllegalArgumentException("linspace: num must be >= 0, got " + num);
        }
        double[] d = new double[num];
        if (num == 1) {
            d[0] = start;
        } else if (num > 1) {
            double step = (stop - start) / (num - 1);
            for (int i = 0; i < num; i++) {
                d[i] = start + i * step;
            }
            d[num - 1] = stop; // exact end point, as numpy guarantees
        }
        return new Tensor(d, new int[] {num});
    }

    /** The n x n identity matrix. Example: {@code eye(2)} is [[1, 0], [0, 1]]. */
    public static Tensor eye(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("eye: size must be >= 0, got " + n);
        }
        double[] d = new double[n * n];
        for (int i = 0; i < n; i++) {
            d[i * n + i] = 1;
        }
        return new Tensor(d, new int[] {n, n});
    }

    /**
     * Standard normal samples N(0, 1), reproducible from {@code seed}: a
     * {@link java.util.SplittableRandom}{@code (seed)} supplies uniform doubles, turned into normals by
     * the Box–Muller transform in pairs (our own code, so results do not depend on the JDK version).
     * Example: {@code randn(42, 2, 3)}.
     */
    public static Tensor randn(long seed, int... shape) {
        return randn(seed, 0.0, 1.0, shape);
    }

    /**
     * Normal samples N(mean, std²), same generator as {@link #randn(long, int...)}; the shape is an
     * array so that the call cannot be confused with the varargs form.
     * Example: {@code randn(7, -1.0, 1.0, new int[]{10})}.
     */
    public static Tensor randn(long seed, double mean, double std, int[] shape) {
        int[] s = Shapes.checkShape("randn", shape);
        double[] d = new double[Shapes.size(s)];
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = 0; i < d.length; i += 2) {
            double u1 = 1.0 - rng.nextDouble(); // in (0, 1], so log(u1) is finite
            double u2 = rng.nextDouble();
            double r = Math.sqrt(-2.0 * Math.log(u1));
            d[i] = mean + std * r * Math.cos(2 * Math.PI * u2);
            if (i + 1 < d.length) {
                d[i + 1] = mean + std * r * Math.sin(2 * Math.PI * u2);
            }
        }
        return new Tensor(d, s);
    }

    /**
     * Uniform samples in [0, 1) from {@link java.util.SplittableRandom}{@code (seed).nextDouble()}.
     * Example: {@code rand(1, 3)}.
     */
    public static Tensor rand(long seed, int... shape) {
        int[] s = Shapes.checkShape("rand", shape);
        double[] d = new double[Shapes.size(s)];
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = 0; i < d.length; i++) {
            d[i] = rng.nextDouble();
        }
        return new Tensor(d, s);
    }

    /**
     * Stacks tensors of equal shape along a new first axis.
     * Example: {@code stack(of(1, 2), of(3, 4))} has shape [2, 2].
     */
    public static Tensor stack(Tensor... parts) {
        if (parts.length == 0) {
            throw new IllegalArgumentException("stack: needs at least one tensor");
        }
        int[] s0 = parts[0].shape;
        int n = parts[0].data.length;
        double[] d = new double[n * parts.length];
        for (int i = 0; i < parts.length; i++) {
            if (!Arrays.equals(parts[i].shape, s0)) {
                throw new IllegalArgumentException("stack: shapes " + Shapes.str(s0) + " and "
                        + Shapes.str(parts[i].shape) + " differ (tensor 0 and tensor " + i + ")");
            }
            System.arraycopy(parts[i].data, 0, d, i * n, n);
        }
        int[] s = new int[s0.length + 1];
        s[0] = parts.length;
        System.arraycopy(s0, 0, s, 1, s0.length);
        return new Tensor(d, s);
    }

    // ------------------------------------------------------------------ shape and access

    /** A copy of the shape. Example: {@code zeros(2, 3).shape()} is {@code [2, 3]}. */
    public int[] shape() {
        return shape.clone();
    }

    /** The length of one axis (negative counts from the end). Example: {@code zeros(2, 3).dim(-1) == 3}. */
    public int dim(int axis) {
        return shape[Shapes.axis("dim", axis, shape)];
    }

    /** The number of elements. Example: {@code zeros(2, 3).size() == 6}. */
    public int size() {
        return data.length;
    }

    /** The number of axes. Example: {@code scalar(1).ndim() == 0}. */
    public int ndim() {
        return shape.length;
    }

    /** A row-major copy of the elements. Example: {@code of(1, 2).toArray()} is {@code {1, 2}}. */
    public double[] toArray() {
        return data.clone();
    }

    /** The rows of a 2-D tensor as a fresh {@code double[][]}. Example: {@code eye(2).toArray2d()}. */
    public double[][] toArray2d() {
        if (shape.length != 2) {
            throw new IllegalArgumentException("toArray2d: needs a 2-D tensor, got shape " + Shapes.str(shape));
        }
        int m = shape[0];
        int n = shape[1];
        double[][] r = new double[m][n];
        for (int i = 0; i < m; i++) {
            System.arraycopy(data, i * n, r[i], 0, n);
        }
        return r;
    }

    /** A 3-D tensor as {@code double[][][]}. Example: {@code zeros(3, 4, 4).toArray3d()[0]}. */
    public double[][][] toArray3d() {
        if (shape.length != 3) {
            throw new IllegalArgumentException("toArray3d: needs a 3-D tensor, got shape " + Shapes.str(shape));
        }
        double[][][] r = new double[shape[0]][shape[1]][shape[2]];
        int k = 0;
        for (double[][] block : r) {
            for (double[] row : block) {
                System.arraycopy(data, k, row, 0, row.length);
                k += row.length;
            }
        }
        return r;
    }

    /** The flat row-major offset of an index; negative indices count from the end as in numpy. */
    private int offset(String op, int[] index) {
        if (index.length != shape.length) {
            throw new IllegalArgumentException(op + ": " + index.length + " indices given for shape "
                    + Shapes.str(shape) + " (" + shape.length + " dimensions)");
        }
        int off = 0;
        for (int i = 0; i < shape.length; i++) {
            int ix = index[i] < 0 ? index[i] + shape[i] : index[i];
            if (ix < 0 || ix >= shape[i]) {
                throw new IndexOutOfBoundsException(op + ": index " + index[i] + " is out of range for axis "
                        + i + " of size " + shape[i] + " (shape " + Shapes.str(shape) + ")");
            }
            off = off * shape[i] + ix;
        }
        return off;
    }

    /** One element. Example: {@code eye(2).get(1, 1) == 1}; {@code of(1, 2, 3).get(-1) == 3}. */
    public double get(int... index) {
        return data[offset("get", index)];
    }

    /** The only element of a one-element tensor. Example: {@code scalar(3).item() == 3}. */
    public double item() {
        if (data.length != 1) {
            throw new IllegalArgumentException("item: needs exactly one element, got shape " + Shapes.str(shape)
                    + " (" + data.length + " elements)");
        }
        return data[0];
    }

    /**
     * Sub-tensor at index {@code i} of the first axis (a row of a matrix, a channel of an image).
     * Example: {@code of(new double[][]{{1, 2}, {3, 4}}).row(1)} is [3, 4].
     */
    public Tensor row(int i) {
        if (shape.length == 0) {
            throw new IllegalArgumentException("row: a 0-D tensor has no rows");
        }
        int ix = i < 0 ? i + shape[0] : i;
        if (ix < 0 || ix >= shape[0]) {
            throw new IndexOutOfBoundsException("row: index " + i + " is out of range for axis 0 of size "
                    + shape[0] + " (shape " + Shapes.str(shape) + ")");
        }
        int[] s = Arrays.copyOfRange(shape, 1, shape.length);
        int n = Shapes.size(s);
        return new Tensor(Arrays.copyOfRange(data, ix * n, ix * n + n), s);
    }

    /** Column {@code j} of a 2-D tensor. Example: {@code eye(2).col(0)} is [1, 0]. */
    public Tensor col(int j) {
        if (shape.length != 2) {
            throw new IllegalArgumentException("col: needs a 2-D tensor, got shape " + Shapes.str(shape));
        }
        return transpose().row(j);
    }

    /** Rows {@code start} (inclusive) to {@code end} (exclusive) of axis 0; see {@link #slice(int, int, int)}. */
    public Tensor slice(int start, int end) {
        return slice(0, start, end);
    }

    /**
     * Elements {@code start <= i < end} along {@code axis}, like numpy's {@code x[..., start:end]}:
     * negative bounds count from the end and bounds are clipped to the axis.
     * Example: {@code arange(5).slice(0, 1, -1)} is [1, 2, 3].
     */
    public Tensor slice(int axis, int start, int end) {
        int a = Shapes.axis("slice", axis, shape);
        int n = shape[a];
        int s = clip(start < 0 ? start + n : start, n);
        int e = clip(end < 0 ? end + n : end, n);
        int len = Math.max(0, e - s);
        int outer = Shapes.size(Arrays.copyOfRange(shape, 0, a));
        int inner = Shapes.size(Arrays.copyOfRange(shape, a + 1, shape.length));
        int[] ns = shape.clone();
        ns[a] = len;
        double[] d = new double[outer * len * inner];
        for (int o = 0; o < outer; o++) {
            System.arraycopy(data, (o * n + s) * inner, d, o * len * inner, len * inner);
        }
        return new Tensor(d, ns);
    }

    private static int clip(int v, int n) {
        return Math.max(0, Math.min(n, v));
    }

    /**
     * The same elements in a new shape; one dimension may be -1 and is then inferred.
     * Example: {@code arange(6).reshape(2, -1)} has shape [2, 3].
     */
    public Tensor reshape(int... newShape) {
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
            if (known == 0 || data.length % known != 0) {
                throw new IllegalArgumentException("reshape: cannot reshape shape " + Shapes.str(shape) + " ("
                        + data.length + " elements) into " + Arrays.toString(newShape));
            }
            s[infer] = (int) (data.length / known);
        }
        if (Shapes.size(s) != data.length) {
            throw new IllegalArgumentException("reshape: cannot reshape shape " + Shapes.str(shape) + " ("
                    + data.length + " elements) into " + Arrays.toString(newShape));
        }
        return new Tensor(data.clone(), s);
    }

    /** A 1-D copy. Example: {@code eye(2).flatten()} is [1, 0, 0, 1]. */
    public Tensor flatten() {
        return new Tensor(data.clone(), new int[] {data.length});
    }

    /**
     * The transpose: rows and columns swapped for a matrix, axes reversed in general (numpy's
     * {@code .T}); 0-D and 1-D tensors are returned unchanged. Example: {@code of(1,2,3).reshape(1,3).transpose()}
     * has shape [3, 1].
     */
    public Tensor transpose() {
        if (shape.length < 2) {
            return this;
        }
        if (shape.length == 2) {
            int m = shape[0];
            int n = shape[1];
            double[] d = new double[data.length];
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    d[j * m + i] = data[i * n + j];
                }
            }
            return new Tensor(d, new int[] {n, m});
        }
        int[] axes = new int[shape.length];
        for (int i = 0; i < axes.length; i++) {
            axes[i] = shape.length - 1 - i;
        }
        return permute(axes);
    }

    /**
     * Reorders the axes: axis i of the result is axis {@code axes[i]} of this tensor (numpy's
     * {@code transpose(axes)}, PyTorch's {@code permute}). Example: {@code zeros(2, 3, 4).permute(2, 0, 1)}
     * has shape [4, 2, 3].
     */
    public Tensor permute(int... axes) {
        int nd = shape.length;
        if (axes.length != nd) {
            throw new IllegalArgumentException("permute: axes " + Arrays.toString(axes) + " do not match shape "
                    + Shapes.str(shape) + " (" + nd + " dimensions)");
        }
        boolean[] seen = new boolean[nd];
        int[] ax = new int[nd];
        for (int i = 0; i < nd; i++) {
            ax[i] = Shapes.axis("permute", axes[i], shape);
            if (seen[ax[i]]) {
                throw new IllegalArgumentException("permute: axes " + Arrays.toString(axes)
                        + " repeat an axis (shape " + Shapes.str(shape) + ")");
            }
            seen[ax[i]] = true;
        }
        int[] ns = new int[nd];
        int[] inStrides = Shapes.strides(shape);
        int[] st = new int[nd];
        for (int i = 0; i < nd; i++) {
            ns[i] = shape[ax[i]];
            st[i] = inStrides[ax[i]];
        }
        double[] d = new double[data.length];
        int[] idx = new int[nd];
        int src = 0;
        for (int k = 0; k < d.length; k++) {
            d[k] = data[src];
            for (int i = nd - 1; i >= 0; i--) {
                idx[i]++;
                src += st[i];
                if (idx[i] < ns[i]) {
                    break;
                }
                src -= st[i] * ns[i];
                idx[i] = 0;
            }
        }
        return new Tensor(d, ns);
    }

    // ------------------------------------------------------------------ linear algebra

    /**
     * Matrix product as numpy's {@code @}: (m×k)@(k×n) → (m×n), (m×k)@(k) → (m), (k)@(k×n) → (n),
     * (k)@(k) → a 0-D tensor. Example: {@code eye(2).matmul(of(3, 4))} is [3, 4].
     *
     * <p>Each element is summed in the textbook order (bit-for-bit the naive triple loop); the kernel
     * ({@link MatMul}) loops i-k-j over 256-column strips of B, two rows of C and four of B per pass, so the
     * innermost loop streams contiguous rows that the JIT vectorises.
     */
    public Tensor matmul(Tensor other) {
        int[] a = shape;
        int[] b = other.shape;
        if (a.length == 0 || b.length == 0 || a.length > 2 || b.length > 2) {
            throw new IllegalArgumentException("matmul: shapes " + Shapes.str(a) + " and " + Shapes.str(b)
                    + " are not supported (only 1-D and 2-D tensors)");
        }
        int m = a.length == 2 ? a[0] : 1;
        int k = a[a.length - 1];
        int kb = b[0];
        int n = b.length == 2 ? b[1] : 1;
        if (k != kb) {
            throw new IllegalArgumentException("matmul: shapes " + Shapes.str(a) + " and " + Shapes.str(b)
                    + " are not aligned (" + k + " != " + kb + ")");
        }
        double[] c = MatMul.multiply(data, other.data, m, k, n);
        int[] outShape;
        if (a.length == 2 && b.length == 2) {
            outShape = new int[] {m, n};
        } else if (a.length == 2) {
            outShape = new int[] {m};
        } else if (b.length == 2) {
            outShape = new int[] {n};
        } else {
            outShape = new int[0];
        }
        return new Tensor(c, outShape);
    }

    /** The inner product Σ aᵢbᵢ of two 1-D tensors of equal length. Example: {@code of(1, 2).dot(of(3, 4)) == 11}. */
    public double dot(Tensor other) {
        if (shape.length != 1 || other.shape.length != 1 || shape[0] != other.shape[0]) {
            throw new IllegalArgumentException("dot: shapes " + Shapes.str(shape) + " and "
                    + Shapes.str(other.shape) + " are not two 1-D tensors of equal length (use matmul for matrices)");
        }
        double s = 0;
        for (int i = 0; i < data.length; i++) {
            s += data[i] * other.data[i];
        }
        return s;
    }

    /**
     * The outer product a bᵀ of the flattened tensors: (m) and (n) give (m×n).
     * Example: {@code of(1, 2).outer(of(1, 10))} is [[1, 10], [2, 20]].
     */
    public Tensor outer(Tensor other) {
        int m = data.length;
        int n = other.data.length;
        double[] d = new double[m * n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                d[i * n + j] = data[i] * other.data[j];
            }
        }
        return new Tensor(d, new int[] {m, n});
    }

    // ------------------------------------------------------------------ element-wise

    /** Applies {@code f} to every element. Example: {@code of(1, 4).map(Math::sqrt)} is [1, 2]. */
    public Tensor map(DoubleUnaryOperator f) {
        double[] d = new double[data.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = f.applyAsDouble(data[i]);
        }
        return new Tensor(d, shape.clone());
    }

    /**
     * {@code f(a, b)} element by element with numpy broadcasting.
     * Example: {@code of(1, 2).zipWith(of(3, 4), Math::max)} is [3, 4].
     */
    public Tensor zipWith(Tensor other, DoubleBinaryOperator f) {
        return broadcastOp("zipWith", other, f);
    }

    private Tensor broadcastOp(String op, Tensor o, DoubleBinaryOperator f) {
        if (Arrays.equals(shape, o.shape)) {
            double[] d = new double[data.length];
            for (int i = 0; i < d.length; i++) {
                d[i] = f.applyAsDouble(data[i], o.data[i]);
            }
            return new Tensor(d, shape.clone());
        }
        int[] out = Shapes.broadcast(op, shape, o.shape);
        int[] sa = Shapes.broadcastStrides(shape, out);
        int[] sb = Shapes.broadcastStrides(o.shape, out);
        int nd = out.length;
        double[] d = new double[Shapes.size(out)];
        int[] idx = new int[nd];
        int ia = 0;
        int ib = 0;
        for (int k = 0; k < d.length; k++) {
            d[k] = f.applyAsDouble(data[ia], o.data[ib]);
            for (int i = nd - 1; i >= 0; i--) {
                idx[i]++;
                ia += sa[i];
                ib += sb[i];
                if (idx[i] < out[i]) {
                    break;
                }
                ia -= sa[i] * out[i];
                ib -= sb[i] * out[i];
                idx[i] = 0;
            }
        }
        return new Tensor(d, out);
    }

    /** a + b with broadcasting. Example: {@code eye(2).add(of(1, 2))} is [[2, 2], [1, 3]]. */
    public Tensor add(Tensor other) {
        return broadcastOp("add", other, Double::sum);
    }

    /** a − b with broadcasting. Example: {@code of(3, 4).sub(of(1, 1))} is [2, 3]. */
    public Tensor sub(Tensor other) {
        return broadcastOp("sub", other, (x, y) -> x - y);
    }

    /** Element-wise (Hadamard) product with broadcasting. Example: {@code of(1, 2).mul(of(3, 4))} is [3, 8]. */
    public Tensor mul(Tensor other) {
        return broadcastOp("mul", other, (x, y) -> x * y);
    }

    /** Element-wise quotient with broadcasting. Example: {@code of(1, 2).div(of(2, 2))} is [0.5, 1]. */
    public Tensor div(Tensor other) {
        return broadcastOp("div", other, (x, y) -> x / y);
    }

    /** Element-wise power with broadcasting. Example: {@code of(2, 3).pow(of(2, 2))} is [4, 9]. */
    public Tensor pow(Tensor other) {
        return broadcastOp("pow", other, Math::pow);
    }

    /** Adds a scalar to every element. Example: {@code of(1, 2).add(1)} is [2, 3]. */
    public Tensor add(double s) {
        return map(x -> x + s);
    }

    /** Subtracts a scalar. Example: {@code of(1, 2).sub(1)} is [0, 1]. */
    public Tensor sub(double s) {
        return map(x -> x - s);
    }

    /** Multiplies by a scalar. Example: {@code of(1, 2).mul(3)} is [3, 6]. */
    public Tensor mul(double s) {
        return map(x -> x * s);
    }

    /** Divides by a scalar. Example: {@code of(1, 2).div(2)} is [0.5, 1]. */
    public Tensor div(double s) {
        return map(x -> x / s);
    }

    /** Raises every element to a power. Example: {@code of(2, 3).pow(2)} is [4, 9]. */
    public Tensor pow(double p) {
        return p == 2 ? map(x -> x * x) : map(x -> Math.pow(x, p));
    }

    /** −a. Example: {@code of(1, -2).neg()} is [-1, 2]. */
    public Tensor neg() {
        return map(x -> -x);
    }

    /** eˣ element-wise. Example: {@code of(0).exp()} is [1]. */
    public Tensor exp() {
        return map(Math::exp);
    }

    /** Natural logarithm element-wise (log 0 = −∞, log of a negative = NaN, as numpy). Example: {@code of(1).log()} is [0]. */
    public Tensor log() {
        return map(Math::log);
    }

    /** |a| element-wise. Example: {@code of(-1, 2).abs()} is [1, 2]. */
    public Tensor abs() {
        return map(Math::abs);
    }

    /** √a element-wise. Example: {@code of(4, 9).sqrt()} is [2, 3]. */
    public Tensor sqrt() {
        return map(Math::sqrt);
    }

    // ------------------------------------------------------------------ reductions

    /** Σ of all elements (0 for an empty tensor). Example: {@code of(1, 2, 3).sum() == 6}. */
    public double sum() {
        double s = 0;
        for (double v : data) {
            s += v;
        }
        return s;
    }

    /** Sums over one axis, dropping it. Example: {@code ones(2, 3).sum(0)} is [2, 2, 2]. */
    public Tensor sum(int axis) {
        return sum(axis, false);
    }

    /** Sums over one axis; {@code keepdims} keeps it with length 1. Example: {@code ones(2, 3).sum(1, true)} has shape [2, 1]. */
    public Tensor sum(int axis, boolean keepdims) {
        return reduce("sum", axis, keepdims, Reduction.SUM);
    }

    /** The arithmetic mean of all elements; throws for an empty tensor. Example: {@code of(1, 2).mean() == 1.5}. */
    public double mean() {
        requireNonEmpty("mean");
        return sum() / data.length;
    }

    /** Mean over one axis. Example: {@code of(new double[][]{{1, 2}, {3, 4}}).mean(0)} is [2, 3]. */
    public Tensor mean(int axis) {
        return mean(axis, false);
    }

    /** Mean over one axis, optionally keeping it. Example: {@code ones(2, 3).mean(-1, true)} has shape [2, 1]. */
    public Tensor mean(int axis, boolean keepdims) {
        return reduce("mean", axis, keepdims, Reduction.MEAN);
    }

    /** The largest element (NaN if any element is NaN); throws for an empty tensor. Example: {@code of(1, 3, 2).max() == 3}. */
    public double max() {
        return data[argmax()];
    }

    /** Maximum over one axis. Example: {@code of(new double[][]{{1, 5}, {3, 4}}).max(0)} is [3, 5]. */
    public Tensor max(int axis) {
        return max(axis, false);
    }

    /** Maximum over one axis, optionally keeping it. Example: {@code eye(2).max(1, true)} has shape [2, 1]. */
    public Tensor max(int axis, boolean keepdims) {
        return reduce("max", axis, keepdims, Reduction.MAX);
    }

    /** The smallest element (NaN if any is NaN); throws for an empty tensor. Example: {@code of(1, 3, 2).min() == 1}. */
    public double min() {
        return data[argmin()];
    }

    /** Minimum over one axis. Example: {@code of(new double[][]{{1, 5}, {3, 4}}).min(1)} is [1, 3]. */
    public Tensor min(int axis) {
        return min(axis, false);
    }

    /** Minimum over one axis, optionally keeping it. */
    public Tensor min(int axis, boolean keepdims) {
        return reduce("min", axis, keepdims, Reduction.MIN);
    }

    /**
     * The flat (row-major) index of the first largest element; a NaN counts as largest, as in numpy.
     * Example: {@code of(1, 3, 3).argmax() == 1}.
     */
    public int argmax() {
        requireNonEmpty("argmax");
        return (int) Reduction.ARGMAX.over(data, 0, data.length, 1);
    }

    /** The flat index of the first smallest element (NaN counts as smallest). Example: {@code of(2, 1, 1).argmin() == 1}. */
    public int argmin() {
        requireNonEmpty("argmin");
        return (int) Reduction.ARGMIN.over(data, 0, data.length, 1);
    }

    /** Indices (as doubles) of the maxima along an axis. Example: {@code eye(2).argmax(1)} is [0, 1]. */
    public Tensor argmax(int axis) {
        return argmax(axis, false);
    }

    /** Indices of the maxima along an axis, optionally keeping it. */
    public Tensor argmax(int axis, boolean keepdims) {
        return reduce("argmax", axis, keepdims, Reduction.ARGMAX);
    }

    /** Indices (as doubles) of the minima along an axis. Example: {@code eye(2).argmin(0)} is [1, 0]. */
    public Tensor argmin(int axis) {
        return argmin(axis, false);
    }

    /** Indices of the minima along an axis, optionally keeping it. */
    public Tensor argmin(int axis, boolean keepdims) {
        return reduce("argmin", axis, keepdims, Reduction.ARGMIN);
    }

    private void requireNonEmpty(String op) {
        if (data.length == 0) {
            throw new IllegalArgumentException(op + ": empty tensor (shape " + Shapes.str(shape)
                    + ") has no " + op);
        }
    }

    private Tensor reduce(String op, int axis, boolean keepdims, Reduction r) {
        int a = Shapes.axis(op, axis, shape);
        int n = shape[a];
        if (n == 0 && r != Reduction.SUM) {
            throw new IllegalArgumentException(op + ": axis " + axis + " of shape " + Shapes.str(shape)
                    + " is empty, so it has no " + op);
        }
        int outer = Shapes.size(Arrays.copyOfRange(shape, 0, a));
        int inner = Shapes.size(Arrays.copyOfRange(shape, a + 1, shape.length));
        double[] d = new double[outer * inner];
        for (int o = 0; o < outer; o++) {
            for (int i = 0; i < inner; i++) {
                d[o * inner + i] = r.over(data, o * n * inner + i, n, inner);
            }
        }
        int[] ns;
        if (keepdims) {
            ns = shape.clone();
            ns[a] = 1;
        } else {
            ns = new int[shape.length - 1];
            for (int i = 0, j = 0; i < shape.length; i++) {
                if (i != a) {
                    ns[j++] = shape[i];
                }
            }
        }
        return new Tensor(d, ns);
    }

    /** A reduction of n elements starting at {@code start}, {@code step} apart. */
    private enum Reduction {
        SUM, MEAN, MAX, MIN, ARGMAX, ARGMIN;

        double over(double[] d, int start, int n, int step) {
            switch (this) {
                case SUM:
                case MEAN: {
                    double s = 0;
                    for (int k = 0; k < n; k++) {
                        s += d[start + k * step];
                    }
                    return this == SUM ? s : s / n;
                }
                case MAX:
                    return d[start + (int) ARGMAX.over(d, start, n, step) * step];
                case MIN:
                    return d[start + (int) ARGMIN.over(d, start, n, step) * step];
                default: {
                    boolean wantMax = this == ARGMAX;
                    int best = 0;
                    double bv = d[start];
                    if (Double.isNaN(bv)) {
                        return 0;
                    }
                    for (int k = 1; k < n; k++) {
                        double v = d[start + k * step];
                        if (Double.isNaN(v)) {
                            return k;
                        }
                        if (wantMax ? v > bv : v < bv) {
                            bv = v;
                            best = k;
                        }
                    }
                    return best;
                }
            }
        }
    }

    // ------------------------------------------------------------------ comparison

    /**
     * numpy's {@code allclose} with its defaults rtol = 1e-5, atol = 1e-8.
     * Example: {@code of(1).allClose(of(1 + 1e-9))} is true.
     */
    public boolean allClose(Tensor other) {
        return allClose(other, 1e-5, 1e-8);
    }

    /**
     * True when |a − b| ≤ atol + rtol·|b| for every (broadcast) pair of elements; NaN is never close.
     * Example: {@code of(1).allClose(of(1.1), 0.2, 0)} is true.
     */
    public boolean allClose(Tensor other, double rtol, double atol) {
        Tensor close = broadcastOp("allClose", other,
                (x, y) -> (x == y || Math.abs(x - y) <= atol + rtol * Math.abs(y)) ? 1 : 0);
        for (double v : close.data) {
            if (v == 0) {
                return false;
            }
        }
        return true;
    }

    /** Equal shapes and identical elements (NaN equals NaN here, as in {@link Arrays#equals(double[], double[])}). */
    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Tensor)) {
            return false;
        }
        Tensor t = (Tensor) o;
        return Arrays.equals(shape, t.shape) && Arrays.equals(data, t.data);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(shape) + Arrays.hashCode(data);
    }

    // ------------------------------------------------------------------ display

    /** numpy-like text, e.g. {@code tensor([[1., 2.],\n        [3., 4.]])}; summarised with "..." above 1000 elements. */
    @Override
    public String toText() {
        return TensorFormat.text(data, shape);
    }

    /** An HTML grid with the shape as caption; see {@link #toHtml(boolean)} for a heat map. */
    @Override
    public String toHtml() {
        return TensorFormat.html(data, shape, false);
    }

    /**
     * An HTML grid; with {@code heat} each cell is coloured on a blue (negative) – white – red
     * (positive) scale relative to the largest |value|.
     */
    public String toHtml(boolean heat) {
        return TensorFormat.html(data, shape, heat);
    }

    /** {@code \begin{bmatrix}…\end{bmatrix}} for 0-D, 1-D (a row) and 2-D tensors up to 12×12, else null. */
    @Override
    public String toLatex() {
        return TensorFormat.latex(data, shape);
    }

    @Override
    public String toString() {
        return toText();
    }
}

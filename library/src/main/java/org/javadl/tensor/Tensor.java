package org.javadl.tensor;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

import org.javadl.autograd.Arithmetic;
import org.javadl.autograd.Backward;
import org.javadl.autograd.Broadcast;
import org.javadl.autograd.Dropouts;
import org.javadl.autograd.LinearAlgebra;
import org.javadl.autograd.Node;
import org.javadl.autograd.Pointwise;
import org.javadl.autograd.Reductions;
import org.javadl.autograd.ShapeOps;
import org.javadl.autograd.Softmaxes;
import org.javadl.autograd.TensorAccess;
import org.javadl.show.Showable;

/**
 * A small dense tensor of doubles: a row-major {@code double[]} plus an {@code int[]} shape, which can
 * take part in automatic differentiation.
 *
 * <p>Conventions follow numpy: element-wise operations broadcast (shapes aligned at the last axis,
 * dimensions equal or 1), axes may be negative ({@code -1} = last), {@code transpose()} reverses the
 * axes, {@code matmul} is the {@code @} operator. Every operation returns a new tensor; none changes
 * its operands. A shape error is an {@link IllegalArgumentException} naming the operation and both
 * shapes, e.g. {@code matmul: shapes [2, 3] and [4, 2] are not aligned (3 != 4)}.
 *
 * <p><b>Gradients</b> (PyTorch's autograd): mark a leaf with {@link #requiresGrad()}, compute, and call
 * {@link #backward()} on a one-element result; every leaf it depends on then holds d(result)/d(leaf) in
 * {@link #grad()}. The operations here record what they did (see {@code org.javadl.autograd}, where each
 * op's forward, gradient and tangent are written together); {@code GradMode.noGrad(...)} turns recording
 * off. Example:
 * <pre>{@code
 * Tensor w = Tensor.randn(1, 3, 2).requiresGrad();
 * Tensor loss = x.matmul(w).tanh().sumAll();
 * loss.backward();
 * w.grad();          // d loss / d w, shape [3, 2]
 * }</pre>
 * {@link #sum()}, {@link #mean()}, {@link #max()} and {@link #min()} return plain doubles, outside the
 * graph; {@link #sumAll()}, {@link #meanAll()}, {@link #maxAll()} and {@link #minAll()} are their 0-D
 * tensor forms that gradients flow through. Values never change, with one exception: {@link #assign}
 * overwrites a leaf's values (what an optimizer step does), and a backward pass through a graph that
 * used the old values then fails with a clear message.
 *
 * <p>Empty tensors (a dimension of 0) are allowed: {@code sum} of an empty tensor is 0, while
 * {@code mean}, {@code max}, {@code min}, {@code argmax} and {@code argmin} throw, because they have
 * no value there.
 *
 * <p>Example: {@code Tensor.of(new double[][]{{1, 2}, {3, 4}}).matmul(Tensor.of(1, 1))} is
 * {@code tensor([3., 7.])}.
 */
public final class Tensor implements Showable {
    static {
        // before anything else: the autograd ops reach the storage through this (see TensorAccess)
        TensorAccess.install(new Access());
    }

    private final double[] data;
    private final int[] shape;
    /** Set on leaves by requiresGrad(); results of recorded ops need gradients through gradFn. */
    private boolean requiresGrad;
    private boolean retainGrad;
    private Tensor grad;
    private Node gradFn;
    private int version;

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
        return ShapeOps.stack(parts);
    }

    /**
     * Joins tensors along an existing axis; the other dimensions must agree (numpy's concatenate).
     * Example: {@code concat(0, zeros(2, 3), ones(1, 3))} has shape [3, 3].
     */
    public static Tensor concat(int axis, Tensor... parts) {
        return ShapeOps.concat(axis, parts);
    }

    // ------------------------------------------------------------------ shape and access
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
        return ShapeOps.select(this, 0, ix);
    }

    /** Column {@code j} of a 2-D tensor. Example: {@code eye(2).col(0)} is [1, 0]. */
    public Tensor col(int j) {
        if (shape.length != 2) {
            throw new IllegalArgumentException("col: needs a 2-D tensor, got shape " + Shapes.str(shape));
        }
        return transpose().row(j);
    }

    /** The sub-tensor at {@code index} of an axis, which is dropped (PyTorch's select). Example: {@code eye(3).select(1, 0)} is [1, 0, 0]. */
    public Tensor select(int axis, int index) {
        return ShapeOps.select(this, axis, index);
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
        return ShapeOps.slice(this, axis, start, end);
    }

    /**
     * The slices at the given indices of an axis, in that order (PyTorch's index_select); a minibatch
     * of rows is {@code x.take(0, batch)}. Example: {@code arange(5).take(0, 4, 0)} is [4, 0].
     */
    public Tensor take(int axis, int... indices) {
        return ShapeOps.take(this, axis, indices);
    }

    /**
     * PyTorch's gather: out[i][j] = x[i][index[i][j]] for axis 1 (index holds integers as doubles).
     * Example: the score of each row's class is {@code logits.gather(1, labels.reshape(-1, 1))}.
     */
    public Tensor gather(int axis, Tensor index) {
        return ShapeOps.gather(this, axis, index);
    }

    /**
     * The same elements in a new shape; one dimension may be -1 and is then inferred.
     * Example: {@code arange(6).reshape(2, -1)} has shape [2, 3].
     */
    public Tensor reshape(int... newShape) {
        return ShapeOps.reshape(this, newShape);
    }

    /** A 1-D copy. Example: {@code eye(2).flatten()} is [1, 0, 0, 1]. */
    public Tensor flatten() {
        return ShapeOps.reshape(this, data.length);
    }

    /** Axes from {@code startAxis} on merged into one. Example: {@code zeros(8, 3, 4, 4).flatten(1)} has shape [8, 48]. */
    public Tensor flatten(int startAxis) {
        return ShapeOps.flatten(this, startAxis);
    }

    /** A new axis of length 1. Example: {@code of(1, 2).unsqueeze(0)} has shape [1, 2]. */
    public Tensor unsqueeze(int axis) {
        return ShapeOps.unsqueeze(this, axis);
    }

    /** Drops an axis of length 1. Example: {@code zeros(1, 3).squeeze(0)} has shape [3]. */
    public Tensor squeeze(int axis) {
        return ShapeOps.squeeze(this, axis);
    }

    /** Broadcast to a larger shape, as a copy (PyTorch's expand). Example: {@code of(1, 2).expand(3, 2)} has shape [3, 2]. */
    public Tensor expand(int... newShape) {
        return ShapeOps.expand(this, newShape);
    }

    /**
     * The transpose: rows and columns swapped for a matrix, axes reversed in general (numpy's
     * {@code .T}); 0-D and 1-D tensors are returned unchanged. Example: {@code of(1,2,3).reshape(1,3).transpose()}
     * has shape [3, 1].
     */
    public Tensor transpose() {
        return ShapeOps.transpose(this);
    }

    /** Two axes swapped (PyTorch's {@code transpose(d0, d1)}). Example: {@code zeros(2, 3, 4).transpose(0, 2)} has shape [4, 3, 2]. */
    public Tensor transpose(int axis0, int axis1) {
        return ShapeOps.transpose(this, axis0, axis1);
    }

    /**
     * Reorders the axes: axis i of the result is axis {@code axes[i]} of this tensor (numpy's
     * {@code transpose(axes)}, PyTorch's {@code permute}). Example: {@code zeros(2, 3, 4).permute(2, 0, 1)}
     * has shape [4, 2, 3].
     */
    public Tensor permute(int... axes) {
        return ShapeOps.permute(this, axes);
    }

    // ------------------------------------------------------------------ linear algebra

    /**
     * Matrix product as numpy's {@code @}: (m×k)@(k×n) → (m×n), (m×k)@(k) → (m), (k)@(k×n) → (n),
     * (k)@(k) → a 0-D tensor, and batches: leading axes broadcast, e.g. (8, m, k)@(k, n) → (8, m, n).
     * Example: {@code eye(2).matmul(of(3, 4))} is [3, 4].
     *
     * <p>Each element is summed in the textbook order (bit-for-bit the naive triple loop); the kernel
     * ({@link MatMul}) loops i-k-j over 256-column strips of B, two rows of C and four of B per pass, so the
     * innermost loop streams contiguous rows that the JIT vectorises.
     */
    public Tensor matmul(Tensor other) {
        return LinearAlgebra.matmul(this, other);
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
        return reshape(data.length, 1).mul(other.reshape(1, other.data.length));
    }

    // ------------------------------------------------------------------ element-wise

    /**
     * Applies {@code f} to every element. Outside autograd: the result needs no gradient, whatever this
     * tensor needs. Example: {@code of(1, 4).map(Math::sqrt)} is [1, 2].
     */
    public Tensor map(DoubleUnaryOperator f) {
        double[] d = new double[data.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = f.applyAsDouble(data[i]);
        }
        return new Tensor(d, shape.clone());
    }

    /**
     * {@code f(a, b)} element by element with numpy broadcasting; outside autograd, like {@link #map}.
     * Example: {@code of(1, 2).zipWith(of(3, 4), Math::max)} is [3, 4].
     */
    public Tensor zipWith(Tensor other, DoubleBinaryOperator f) {
        return Broadcast.apply("zipWith", this, other, f);
    }

    /** a + b with broadcasting. Example: {@code eye(2).add(of(1, 2))} is [[2, 2], [1, 3]]. */
    public Tensor add(Tensor other) {
        return Arithmetic.add(this, other);
    }

    /** a − b with broadcasting. Example: {@code of(3, 4).sub(of(1, 1))} is [2, 3]. */
    public Tensor sub(Tensor other) {
        return Arithmetic.sub(this, other);
    }

    /** Element-wise (Hadamard) product with broadcasting. Example: {@code of(1, 2).mul(of(3, 4))} is [3, 8]. */
    public Tensor mul(Tensor other) {
        return Arithmetic.mul(this, other);
    }

    /** Element-wise quotient with broadcasting. Example: {@code of(1, 2).div(of(2, 2))} is [0.5, 1]. */
    public Tensor div(Tensor other) {
        return Arithmetic.div(this, other);
    }

    /** Element-wise power with broadcasting. Example: {@code of(2, 3).pow(of(2, 2))} is [4, 9]. */
    public Tensor pow(Tensor other) {
        return Arithmetic.pow(this, other);
    }

    /** Adds a scalar to every element. Example: {@code of(1, 2).add(1)} is [2, 3]. */
    public Tensor add(double s) {
        return Arithmetic.add(this, s);
    }

    /** Subtracts a scalar. Example: {@code of(1, 2).sub(1)} is [0, 1]. */
    public Tensor sub(double s) {
        return Arithmetic.add(this, -s); // x − s and x + (−s) are the same IEEE operation
    }

    /** Multiplies by a scalar. Example: {@code of(1, 2).mul(3)} is [3, 6]. */
    public Tensor mul(double s) {
        return Arithmetic.mul(this, s);
    }

    /** Divides by a scalar. Example: {@code of(1, 2).div(2)} is [0.5, 1]. */
    public Tensor div(double s) {
        return Arithmetic.div(this, s);
    }

    /** Raises every element to a power. Example: {@code of(2, 3).pow(2)} is [4, 9]. */
    public Tensor pow(double p) {
        return Arithmetic.pow(this, p);
    }

    /** −a. Example: {@code of(1, -2).neg()} is [-1, 2]. */
    public Tensor neg() {
        return Arithmetic.neg(this);
    }

    /** eˣ element-wise. Example: {@code of(0).exp()} is [1]. */
    public Tensor exp() {
        return Pointwise.apply(Pointwise.Fn.EXP, this);
    }

    /** Natural logarithm element-wise (log 0 = −∞, log of a negative = NaN, as numpy). Example: {@code of(1).log()} is [0]. */
    public Tensor log() {
        return Pointwise.apply(Pointwise.Fn.LOG, this);
    }

    /** |a| element-wise. Example: {@code of(-1, 2).abs()} is [1, 2]. */
    public Tensor abs() {
        return Pointwise.apply(Pointwise.Fn.ABS, this);
    }

    /** √a element-wise. Example: {@code of(4, 9).sqrt()} is [2, 3]. */
    public Tensor sqrt() {
        return Pointwise.apply(Pointwise.Fn.SQRT, this);
    }

    /** sin element-wise. Example: {@code of(0).sin()} is [0]. */
    public Tensor sin() {
        return Pointwise.apply(Pointwise.Fn.SIN, this);
    }

    /** cos element-wise. Example: {@code of(0).cos()} is [1]. */
    public Tensor cos() {
        return Pointwise.apply(Pointwise.Fn.COS, this);
    }

    /** tanh element-wise. Example: {@code of(0).tanh()} is [0]. */
    public Tensor tanh() {
        return Pointwise.apply(Pointwise.Fn.TANH, this);
    }

    /** The logistic sigmoid 1/(1 + e^(−x)), without overflow. Example: {@code of(0).sigmoid()} is [0.5]. */
    public Tensor sigmoid() {
        return Pointwise.apply(Pointwise.Fn.SIGMOID, this);
    }

    /** max(0, x) element-wise (gradient 0 at 0, as PyTorch). Example: {@code of(-1, 2).relu()} is [0, 2]. */
    public Tensor relu() {
        return Pointwise.apply(Pointwise.Fn.RELU, this);
    }

    /** x for x &gt; 0, slope·x otherwise. Example: {@code of(-1, 2).leakyRelu(0.01)} is [-0.01, 2]. */
    public Tensor leakyRelu(double slope) {
        return Pointwise.leakyRelu(this, slope);
    }

    /** GELU in its exact form x·Φ(x) (PyTorch's default). Example: {@code of(0).gelu()} is [0]. */
    public Tensor gelu() {
        return Pointwise.apply(Pointwise.Fn.GELU, this);
    }

    /** The error function element-wise. Example: {@code of(0).erf()} is [0]. */
    public Tensor erf() {
        return Pointwise.apply(Pointwise.Fn.ERF, this);
    }

    /** softmax along an axis, overflow-free. Example: {@code of(0, 0).softmax(-1)} is [0.5, 0.5]. */
    public Tensor softmax(int axis) {
        return Softmaxes.softmax(this, axis);
    }

    /** log softmax along an axis: x − logsumexp(x). Example: {@code of(0, 0).logSoftmax(-1)} is [−ln 2, −ln 2]. */
    public Tensor logSoftmax(int axis) {
        return Softmaxes.logSoftmax(this, axis);
    }

    /** ln Σ eˣ along an axis, overflow-free. Example: {@code zeros(2, 3).logSumExp(1, false)} is [ln 3, ln 3]. */
    public Tensor logSumExp(int axis, boolean keepdims) {
        return Softmaxes.logSumExp(this, axis, keepdims);
    }

    /**
     * Inverted dropout with drop probability p: kept elements are scaled by 1/(1 − p); the mask comes from
     * {@code rng}. Example: {@code x.dropout(0.5, new SplittableRandom(1))}.
     */
    public Tensor dropout(double p, SplittableRandom rng) {
        return Dropouts.dropout(this, p, rng);
    }

    // ------------------------------------------------------------------ reductions

    /**
     * Σ of all elements as a 0-D tensor that gradients flow through, as in PyTorch:
     * {@code tanh(x.matmul(w)).sum().backward()}. Example: {@code of(1, 2, 3).sum().item() == 6};
     * {@link #sumValue()} gives the plain double.
     */
    public Tensor sum() {
        return Reductions.sumAll(this);
    }

    /** Σ of all elements (0 for an empty tensor) as a double, outside any graph. Example: {@code of(1, 2, 3).sumValue() == 6}. */
    public double sumValue() {
        double s = 0;
        for (double v : data) {
            s += v;
        }
        return s;
    }

    /** The same as {@link #sum()}: Σ of all elements as a 0-D tensor in the graph. */
    public Tensor sumAll() {
        return Reductions.sumAll(this);
    }

    /** Sums over one axis, dropping it. Example: {@code ones(2, 3).sum(0)} is [2, 2, 2]. */
    public Tensor sum(int axis) {
        return sum(axis, false);
    }

    /** Sums over one axis; {@code keepdims} keeps it with length 1. Example: {@code ones(2, 3).sum(1, true)} has shape [2, 1]. */
    public Tensor sum(int axis, boolean keepdims) {
        return Reductions.sum(this, new int[] {axis}, keepdims);
    }

    /** Sums over several axes (an empty array: all). Example: {@code ones(2, 3, 4).sum(new int[]{0, 2}, false)} is [8, 8, 8]. */
    public Tensor sum(int[] axes, boolean keepdims) {
        return Reductions.sum(this, axes, keepdims);
    }

    /** The mean of all elements as a 0-D tensor that gradients flow through, as in PyTorch. Example: {@code of(1, 2).mean().item() == 1.5}. */
    public Tensor mean() {
        return Reductions.meanAll(this);
    }

    /** The arithmetic mean of all elements as a double; throws for an empty tensor. Example: {@code of(1, 2).meanValue() == 1.5}. */
    public double meanValue() {
        requireNonEmpty("mean");
        return sumValue() / data.length;
    }

    /** The same as {@link #mean()}: the mean of all elements as a 0-D tensor in the graph. */
    public Tensor meanAll() {
        return Reductions.meanAll(this);
    }

    /** Mean over one axis. Example: {@code of(new double[][]{{1, 2}, {3, 4}}).mean(0)} is [2, 3]. */
    public Tensor mean(int axis) {
        return mean(axis, false);
    }

    /** Mean over one axis, optionally keeping it. Example: {@code ones(2, 3).mean(-1, true)} has shape [2, 1]. */
    public Tensor mean(int axis, boolean keepdims) {
        return Reductions.mean(this, new int[] {axis}, keepdims);
    }

    /** Mean over several axes (an empty array: all). Example: {@code ones(2, 3, 4).mean(new int[]{0, 2}, true)} has shape [1, 3, 1]. */
    public Tensor mean(int[] axes, boolean keepdims) {
        return Reductions.mean(this, axes, keepdims);
    }

    /** The largest element as a 0-D tensor in the graph (tied maxima share the gradient), as in PyTorch. Example: {@code of(1, 3, 2).max().item() == 3}. */
    public Tensor max() {
        return Reductions.maxAll(this);
    }

    /** The largest element (NaN if any element is NaN) as a double; throws for an empty tensor. Example: {@code of(1, 3, 2).maxValue() == 3}. */
    public double maxValue() {
        return data[argmax()];
    }

    /** The same as {@link #max()}. */
    public Tensor maxAll() {
        return Reductions.maxAll(this);
    }

    /** Maximum over one axis. Example: {@code of(new double[][]{{1, 5}, {3, 4}}).max(0)} is [3, 5]. */
    public Tensor max(int axis) {
        return max(axis, false);
    }

    /** Maximum over one axis, optionally keeping it. Example: {@code eye(2).max(1, true)} has shape [2, 1]. */
    public Tensor max(int axis, boolean keepdims) {
        return Reductions.max(this, axis, keepdims);
    }

    /** The smallest element as a 0-D tensor in the graph (tied minima share the gradient), as in PyTorch. Example: {@code of(1, 3, 2).min().item() == 1}. */
    public Tensor min() {
        return Reductions.minAll(this);
    }

    /** The smallest element (NaN if any is NaN) as a double; throws for an empty tensor. Example: {@code of(1, 3, 2).minValue() == 1}. */
    public double minValue() {
        return data[argmin()];
    }

    /** The same as {@link #min()}. */
    public Tensor minAll() {
        return Reductions.minAll(this);
    }

    /** Minimum over one axis. Example: {@code of(new double[][]{{1, 5}, {3, 4}}).min(1)} is [1, 3]. */
    public Tensor min(int axis) {
        return min(axis, false);
    }

    /** Minimum over one axis, optionally keeping it. */
    public Tensor min(int axis, boolean keepdims) {
        return Reductions.min(this, axis, keepdims);
    }

    /**
     * The flat (row-major) index of the first largest element; a NaN counts as largest, as in numpy.
     * Example: {@code of(1, 3, 3).argmax() == 1}.
     */
    public int argmax() {
        requireNonEmpty("argmax");
        return Reductions.argmax(data);
    }

    /** The flat index of the first smallest element (NaN counts as smallest). Example: {@code of(2, 1, 1).argmin() == 1}. */
    public int argmin() {
        requireNonEmpty("argmin");
        return Reductions.argmin(data);
    }

    /** Indices (as doubles) of the maxima along an axis. Example: {@code eye(2).argmax(1)} is [0, 1]. */
    public Tensor argmax(int axis) {
        return argmax(axis, false);
    }

    /** Indices of the maxima along an axis, optionally keeping it. */
    public Tensor argmax(int axis, boolean keepdims) {
        return Reductions.argmax(this, axis, keepdims);
    }

    /** Indices (as doubles) of the minima along an axis. Example: {@code eye(2).argmin(0)} is [1, 0]. */
    public Tensor argmin(int axis) {
        return argmin(axis, false);
    }

    /** Indices of the minima along an axis, optionally keeping it. */
    public Tensor argmin(int axis, boolean keepdims) {
        return Reductions.argmin(this, axis, keepdims);
    }

    private void requireNonEmpty(String op) {
        if (data.length == 0) {
            throw new IllegalArgumentException(op + ": empty tensor (shape " + Shapes.str(shape)
                    + ") has no " + op);
        }
    }

    // ------------------------------------------------------------------ gradients

    /**
     * Marks this leaf as a variable whose gradient {@link #backward()} computes (PyTorch's
     * {@code requires_grad_()}); returns this tensor. A result of recorded operations already needs one.
     * Example: {@code Tensor w = Tensor.randn(0, 3, 2).requiresGrad();}
     */
    public Tensor requiresGrad() {
        return requiresGrad(true);
    }

    /** Marks or unmarks this leaf; unmarking a computed (non-leaf) tensor is an error, use {@link #detach()}. */
    public Tensor requiresGrad(boolean on) {
        if (gradFn != null) {
            if (!on) {
                throw new IllegalStateException("requiresGrad(false): this tensor was computed by " + gradFn.op()
                        + " from tensors that need gradients; use detach() for a copy outside the graph");
            }
            return this;
        }
        requiresGrad = on;
        return this;
    }

    /** True for a marked leaf and for any result computed (with grad mode on) from one. */
    public boolean needsGrad() {
        return requiresGrad || gradFn != null;
    }

    /** True unless this tensor was computed by a recorded operation. */
    public boolean isLeaf() {
        return gradFn == null;
    }

    /** The recorded operation that computed this tensor (PyTorch's {@code grad_fn}), or null for a leaf. */
    public Node gradFn() {
        return gradFn;
    }

    /**
     * The gradient accumulated by {@link #backward()} calls, or null if none reached this tensor (or
     * after {@link #zeroGrad()}). Only leaves keep one, unless {@link #retainGrad()} was called.
     */
    public Tensor grad() {
        return grad;
    }

    /** Forgets the accumulated gradient (PyTorch's default {@code zero_grad(set_to_none=True)}); returns this. */
    public Tensor zeroGrad() {
        grad = null;
        return this;
    }

    /** Asks a computed tensor to keep its gradient during backward too (for inspection); returns this. */
    public Tensor retainGrad() {
        retainGrad = true;
        return this;
    }

    /**
     * Back-propagates from this one-element tensor (typically a loss): every leaf it depends on that
     * needs a gradient gets d(this)/d(leaf) added to its {@link #grad()}.
     */
    public void backward() {
        Backward.run(this, null);
    }

    /**
     * Back-propagates a given output gradient {@code seed} (same shape as this tensor), i.e. the gradient
     * of Σ seed·this.
     */
    public void backward(Tensor seed) {
        Backward.run(this, seed);
    }

    /** The same values as a new leaf outside any graph (needs no gradient). Example: {@code y.detach()}. */
    public Tensor detach() {
        return new Tensor(data.clone(), shape.clone());
    }

    /**
     * Overwrites this leaf's values with {@code values} (same shape, or broadcastable to it) in place,
     * e.g. an optimizer step {@code w.assign(w.sub(w.grad().mul(lr)))}; the gradient is kept. The one
     * mutation a tensor allows: a recorded operation that used the old values can no longer be
     * differentiated (backward through it fails), and computed tensors cannot be assigned.
     */
    public Tensor assign(Tensor values) {
        if (gradFn != null) {
            throw new IllegalStateException("assign: this tensor was computed by " + gradFn.op()
                    + "; only leaves (data, parameters) can be overwritten");
        }
        Tensor v = values.shape.length == shape.length && Arrays.equals(values.shape, shape) ? values
                : Broadcast.expandTo(values, shape);
        System.arraycopy(v.data, 0, data, 0, data.length);
        version++;
        return this;
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
        Tensor close = Broadcast.apply("allClose", this, other,
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

    /**
     * numpy-like text, e.g. {@code tensor([[1., 2.],\n        [3., 4.]])}, summarised with "..." above 1000
     * elements; as PyTorch, a tensor in a graph says so: {@code tensor([2.], gradFn=mul)}.
     */
    @Override
    public String toText() {
        String text = TensorFormat.text(data, shape);
        if (gradFn != null) {
            return text.substring(0, text.length() - 1) + ", gradFn=" + gradFn.op() + ")";
        }
        return requiresGrad ? text.substring(0, text.length() - 1) + ", requiresGrad=true)" : text;
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

    /** The storage and gradient state, for org.javadl.autograd only (see {@link TensorAccess}). */
    private static final class Access extends TensorAccess {
        @Override
        protected double[] data(Tensor t) {
            return t.data;
        }

        @Override
        protected int[] shape(Tensor t) {
            return t.shape;
        }

        @Override
        protected Tensor make(double[] data, int[] shape) {
            return new Tensor(data, shape);
        }

        @Override
        protected Node gradFn(Tensor t) {
            return t.gradFn;
        }

        @Override
        protected void setGradFn(Tensor t, Node node) {
            t.gradFn = node;
        }

        @Override
        protected boolean needsGrad(Tensor t) {
            return t.requiresGrad || t.gradFn != null;
        }

        @Override
        protected boolean retainsGrad(Tensor t) {
            return t.retainGrad;
        }

        @Override
        protected Tensor grad(Tensor t) {
            return t.grad;
        }

        @Override
        protected void setGrad(Tensor t, Tensor g) {
            t.grad = g;
        }

        @Override
        protected int version(Tensor t) {
            return t.version;
        }

        @Override
        protected void bumpVersion(Tensor t) {
            t.version++;
        }
    }
}

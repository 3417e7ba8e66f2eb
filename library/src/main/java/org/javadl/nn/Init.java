package org.javadl.nn;

import java.util.SplittableRandom;

import org.javadl.tensor.Shapes;
import org.javadl.tensor.Tensor;

/**
 * Weight initialisations, each drawing from a seeded generator so that a model is the same on every
 * run. fanIn is the number of inputs of one output unit (in for Linear, C·kh·kw for Conv2d), fanOut the
 * number of outputs one input feeds (out, O·kh·kw).
 * <ul>
 * <li>{@link #DEFAULT}: PyTorch's default for Linear and Conv2d weights, U(−1/√fanIn, 1/√fanIn)
 * (kaiming_uniform with a = √5);</li>
 * <li>{@link #KAIMING_UNIFORM}, {@link #KAIMING_NORMAL}: He et al. for ReLU nets, variance 2/fanIn;</li>
 * <li>{@link #XAVIER_UNIFORM}, {@link #XAVIER_NORMAL}: Glorot and Bengio, variance 2/(fanIn + fanOut);</li>
 * <li>{@link #ZEROS}, and {@link #normal(double)} with a fixed standard deviation.</li>
 * </ul>
 * Layers built without a generator draw from a shared one that {@link #manualSeed(long)} resets (as
 * {@code torch.manual_seed}); it starts at seed 0. Example: {@code Init.manualSeed(1); new Linear(4, 2)}.
 */
@FunctionalInterface
public interface Init {
    /** A tensor of the given shape for a layer with this fan-in and fan-out. */
    Tensor sample(int[] shape, int fanIn, int fanOut, SplittableRandom rng);

    /** U(−1/√fanIn, 1/√fanIn), PyTorch's default for weights and biases. */
    Init DEFAULT = (shape, fanIn, fanOut, rng) -> uniform(shape, 1 / Math.sqrt(fanIn), rng);
    /** U(−√(6/fanIn), √(6/fanIn)): variance 2/fanIn. */
    Init KAIMING_UNIFORM = (shape, fanIn, fanOut, rng) -> uniform(shape, Math.sqrt(6.0 / fanIn), rng);
    /** N(0, 2/fanIn). */
    Init KAIMING_NORMAL = (shape, fanIn, fanOut, rng) -> normal(shape, Math.sqrt(2.0 / fanIn), rng);
    /** U(−√(6/(fanIn + fanOut)), √(6/(fanIn + fanOut))): variance 2/(fanIn + fanOut). */
    Init XAVIER_UNIFORM = (shape, fanIn, fanOut, rng) -> uniform(shape, Math.sqrt(6.0 / (fanIn + fanOut)), rng);
    /** N(0, 2/(fanIn + fanOut)). */
    Init XAVIER_NORMAL = (shape, fanIn, fanOut, rng) -> normal(shape, Math.sqrt(2.0 / (fanIn + fanOut)), rng);
    /** All zeros. */
    Init ZEROS = (shape, fanIn, fanOut, rng) -> Tensor.zeros(shape);

    /** N(0, std²) whatever the fan (e.g. {@code normal(0.01)}, the classic "small random weights"). */
    static Init normal(double std) {
        return (shape, fanIn, fanOut, rng) -> normal(shape, std, rng);
    }

    /** Resets the shared generator that layers built without one draw from. */
    static void manualSeed(long seed) {
        Shared.rng = new SplittableRandom(seed);
    }

    /** The shared generator (seed 0 until {@link #manualSeed(long)}). */
    static SplittableRandom generator() {
        return Shared.rng;
    }

    /** U(−bound, bound) from {@code rng.nextDouble()}. */
    static Tensor uniform(int[] shape, double bound, SplittableRandom rng) {
        double[] d = new double[Shapes.size(shape)];
        for (int i = 0; i < d.length; i++) {
            d[i] = (2 * rng.nextDouble() - 1) * bound;
        }
        return Tensor.of(d, shape);
    }

    /** N(0, std²) by the Box–Muller transform of {@code rng}'s uniforms. */
    static Tensor normal(int[] shape, double std, SplittableRandom rng) {
        double[] d = new double[Shapes.size(shape)];
        for (int i = 0; i < d.length; i += 2) {
            double r = Math.sqrt(-2 * Math.log(1 - rng.nextDouble()));
            double a = 2 * Math.PI * rng.nextDouble();
            d[i] = std * r * Math.cos(a);
            if (i + 1 < d.length) {
                d[i + 1] = std * r * Math.sin(a);
            }
        }
        return Tensor.of(d, shape);
    }

    /** Holder of the shared generator (interfaces cannot have mutable static fields of their own). */
    final class Shared {
        private static SplittableRandom rng = new SplittableRandom(0);

        private Shared() {
        }
    }
}

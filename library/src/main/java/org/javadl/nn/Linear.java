package org.javadl.nn;

import java.util.SplittableRandom;

import org.javadl.autograd.LinearAlgebra;
import org.javadl.tensor.Tensor;

/**
 * A fully connected layer y = x Wᵀ + b (PyTorch's {@code nn.Linear}): W is (out × in), b is (out);
 * x is (…, in). Weights and bias start as PyTorch starts them, U(−1/√in, 1/√in).
 * Example: {@code new Linear(64, 10).forward(x)} maps (N, 64) to (N, 10).
 */
public final class Linear extends WeightedLayer {
    private final int in;
    private final int out;

    /** in → out with bias, drawn from the shared generator ({@link Init#manualSeed}). */
    public Linear(int in, int out) {
        this(in, out, true, Init.generator());
    }

    /** in → out, with or without bias, drawn from {@code rng}. */
    public Linear(int in, int out, boolean bias, SplittableRandom rng) {
        super(weightShape(in, out), out, in, out, bias, rng);
        this.in = in;
        this.out = out;
    }

    private static int[] weightShape(int in, int out) {
        if (in <= 0 || out <= 0) {
            throw new IllegalArgumentException("Linear: sizes must be positive, got " + in + " → " + out);
        }
        return new int[] {out, in};
    }

    @Override
    public Tensor forward(Tensor x) {
        int[] s = x.shape();
        if (s.length == 0 || s[s.length - 1] != in) {
            throw new IllegalArgumentException(describe() + ": input shape " + java.util.Arrays.toString(s)
                    + " does not end in " + in + " features");
        }
        return LinearAlgebra.linear(x, weight(), bias());
    }

    @Override
    public String describe() {
        return "Linear(" + in + " → " + out + (bias() == null ? ", no bias" : "") + ")";
    }
}

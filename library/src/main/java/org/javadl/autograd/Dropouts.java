package org.javadl.autograd;

import java.util.SplittableRandom;

import org.javadl.tensor.Tensor;

/**
 * Inverted dropout: each element is kept with probability 1 − p and then scaled by 1/(1 − p), or set to
 * 0, so the expected value is unchanged; the gradient and the tangent go through the same mask. The mask
 * comes from the given generator, so a seeded generator gives the same masks on every run.
 * Example: {@code Dropouts.dropout(x, 0.5, new SplittableRandom(0))}.
 */
public final class Dropouts {
    private Dropouts() {
    }

    /** x·mask with mask = 1/(1 − p) where a uniform draw is ≥ p, else 0 (p = 1 drops everything). */
    public static Tensor dropout(Tensor x, double p, SplittableRandom rng) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("dropout: probability must be in [0, 1], got " + p);
        }
        double[] xd = Raw.data(x);
        double[] mask = new double[xd.length];
        double keep = p == 1 ? 0 : 1 / (1 - p);
        for (int i = 0; i < mask.length; i++) {
            mask[i] = rng.nextDouble() >= p ? keep : 0;
        }
        Tensor m = Raw.make(mask, Raw.shape(x).clone());
        Tensor y = Raw.plain(x).mul(m);
        return Record.unary("dropout", y, x, g -> g.mul(m), t -> t.mul(m));
    }
}

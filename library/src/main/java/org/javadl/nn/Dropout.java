package org.javadl.nn;

import java.util.SplittableRandom;

import org.javadl.tensor.Tensor;

/**
 * Inverted dropout (PyTorch's {@code nn.Dropout}): in training each element is zeroed with probability p
 * and the rest scaled by 1/(1 − p); in evaluation it passes x through. The masks come from the layer's
 * own generator, split from the shared one when the layer is built, so a seeded run repeats exactly.
 */
public final class Dropout extends Layer {
    private final double p;
    private final SplittableRandom rng;

    /** Drop probability p, masks from a generator split off the shared one. */
    public Dropout(double p) {
        this(p, Init.generator().split());
    }

    /** Drop probability p, masks from {@code rng}. */
    public Dropout(double p, SplittableRandom rng) {
        if (!(p >= 0 && p < 1)) {
            throw new IllegalArgumentException("Dropout: probability must be in [0, 1), got " + p);
        }
        this.p = p;
        this.rng = rng;
    }

    @Override
    public Tensor forward(Tensor x) {
        return isTraining() && p > 0 ? x.dropout(p, rng) : x;
    }

    @Override
    public String describe() {
        return "Dropout(" + p + ")";
    }
}

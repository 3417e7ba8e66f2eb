package org.javadl.nn;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

import org.javadl.tensor.Tensor;

/**
 * A layer with a weight tensor and an optional bias (Linear, Conv2d): both start as PyTorch starts them,
 * U(−1/√fanIn, 1/√fanIn), and {@link #initialize} redraws the weight with another scheme and zeroes the
 * bias.
 */
public abstract class WeightedLayer extends Layer {
    private final int fanIn;
    private final int fanOut;
    private final Tensor weight;
    private final Tensor bias;

    protected WeightedLayer(int[] weightShape, int biasSize, int fanIn, int fanOut, boolean withBias,
            SplittableRandom rng) {
        this.fanIn = fanIn;
        this.fanOut = fanOut;
        this.weight = parameter(Init.DEFAULT.sample(weightShape, fanIn, fanOut, rng));
        this.bias = withBias ? parameter(Init.DEFAULT.sample(new int[] {biasSize}, fanIn, fanOut, rng)) : null;
    }

    /** The weight. */
    public Tensor weight() {
        return weight;
    }

    /** The bias, or null. */
    public Tensor bias() {
        return bias;
    }

    @Override
    protected Map<String, Tensor> ownParameters() {
        Map<String, Tensor> m = new LinkedHashMap<>();
        m.put("weight", weight);
        if (bias != null) {
            m.put("bias", bias);
        }
        return m;
    }

    @Override
    protected void reinitialize(Init init, SplittableRandom rng) {
        weight.assign(init.sample(weight.shape(), fanIn, fanOut, rng));
        if (bias != null) {
            bias.assign(Tensor.zeros(bias.shape()));
        }
    }
}

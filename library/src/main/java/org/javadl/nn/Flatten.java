package org.javadl.nn;

import org.javadl.tensor.Tensor;

/** Merges every axis after the batch axis into one (PyTorch's {@code nn.Flatten}): (N, C, H, W) → (N, C·H·W). */
public final class Flatten extends Layer {
    @Override
    public Tensor forward(Tensor x) {
        return x.flatten(1);
    }
}

package org.javadl.nn;

import org.javadl.tensor.Tensor;

/** The logistic sigmoid element-wise (PyTorch's {@code nn.Sigmoid}). */
public final class Sigmoid extends Layer {
    @Override
    public Tensor forward(Tensor x) {
        return x.sigmoid();
    }
}

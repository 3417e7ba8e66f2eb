package org.javadl.nn;

import org.javadl.tensor.Tensor;

/** max(0, x) element-wise (PyTorch's {@code nn.ReLU}). */
public final class ReLU extends Layer {
    @Override
    public Tensor forward(Tensor x) {
        return x.relu();
    }
}

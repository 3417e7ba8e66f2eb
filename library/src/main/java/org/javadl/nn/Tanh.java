package org.javadl.nn;

import org.javadl.tensor.Tensor;

/** tanh element-wise (PyTorch's {@code nn.Tanh}). */
public final class Tanh extends Layer {
    @Override
    public Tensor forward(Tensor x) {
        return x.tanh();
    }
}

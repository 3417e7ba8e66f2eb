package org.javadl.nn;

import org.javadl.autograd.Pooling;
import org.javadl.tensor.Tensor;

/**
 * Max pooling over k × k windows (PyTorch's {@code nn.MaxPool2d}); stride k unless given. (The simple
 * name also matches {@code org.javadl.conv.MaxPool2d}; {@code import org.javadl.nn.MaxPool2d;} picks this
 * one.) Example: {@code new MaxPool2d(2)} halves H and W.
 */
public final class MaxPool2d extends Layer {
    private final int kernel;
    private final int stride;
    private final int padding;

    /** Non-overlapping k × k windows. */
    public MaxPool2d(int kernel) {
        this(kernel, kernel, 0);
    }

    /** k × k windows with a stride and −∞ padding. */
    public MaxPool2d(int kernel, int stride, int padding) {
        this.kernel = kernel;
        this.stride = stride;
        this.padding = padding;
    }

    @Override
    public Tensor forward(Tensor x) {
        return Pooling.maxPool2d(x, kernel, stride, padding);
    }

    @Override
    public String describe() {
        return "MaxPool2d(" + kernel + "×" + kernel + (stride != kernel ? ", stride " + stride : "")
                + (padding != 0 ? ", padding " + padding : "") + ")";
    }
}

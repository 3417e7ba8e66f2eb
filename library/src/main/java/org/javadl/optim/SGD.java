package org.javadl.optim;

import java.util.List;

import org.javadl.tensor.Tensor;

/**
 * Stochastic gradient descent as {@code torch.optim.SGD}: with weight decay λ the gradient is
 * g + λp; with momentum μ a buffer b = g (first step), then b ← μb + (1 − dampening)g; the step uses b,
 * or g + μb with Nesterov momentum; p ← p − lr·step.
 * Example: {@code new SGD(model.parameters(), 0.1, 0.9, 0, 5e-4, true)}.
 */
public final class SGD extends Optimizer {
    private final double momentum;
    private final double dampening;
    private final double weightDecay;
    private final boolean nesterov;
    private final Tensor[] buffers;

    /** Plain SGD: p ← p − lr·g. */
    public SGD(List<Tensor> params, double lr) {
        this(params, lr, 0, 0, 0, false);
    }

    /** SGD with momentum, dampening, weight decay and optionally Nesterov momentum. */
    public SGD(List<Tensor> params, double lr, double momentum, double dampening, double weightDecay,
            boolean nesterov) {
        super(params, lr);
        if (nesterov && (momentum <= 0 || dampening != 0)) {
            throw new IllegalArgumentException("SGD: Nesterov momentum needs momentum > 0 and no dampening");
        }
        this.momentum = momentum;
        this.dampening = dampening;
        this.weightDecay = weightDecay;
        this.nesterov = nesterov;
        this.buffers = new Tensor[params.size()];
    }

    @Override
    protected void update(int i, Tensor p, Tensor g) {
        Tensor d = weightDecay != 0 ? g.add(p.mul(weightDecay)) : g;
        if (momentum != 0) {
            buffers[i] = buffers[i] == null ? d : buffers[i].mul(momentum).add(d.mul(1 - dampening));
            d = nesterov ? d.add(buffers[i].mul(momentum)) : buffers[i];
        }
        p.assign(p.sub(d.mul(lr())));
    }
}

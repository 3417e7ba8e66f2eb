package org.javadl.optim;

import java.util.List;

import org.javadl.autograd.InPlace;
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
    private final double[][] buffers;

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
        this.buffers = new double[params.size()][];
    }

    @Override
    protected void update(int i, Tensor p, Tensor g) {
        double lr = lr();
        boolean first = buffers[i] == null;
        if (momentum != 0 && first) {
            buffers[i] = new double[p.size()];
        }
        double[] buf = buffers[i];
        // one fused loop per parameter, term by term as torch.optim.SGD (single-tensor) computes it
        InPlace.update(p, g, (w, grad) -> {
            for (int k = 0; k < w.length; k++) {
                double d = weightDecay != 0 ? grad[k] + w[k] * weightDecay : grad[k];
                if (momentum != 0) {
                    buf[k] = first ? d : buf[k] * momentum + d * (1 - dampening);
                    d = nesterov ? d + buf[k] * momentum : buf[k];
                }
                w[k] = w[k] - d * lr;
            }
        });
    }
}

package org.javadl.optim;

import java.util.List;

import org.javadl.tensor.Tensor;

/**
 * AdamW as {@code torch.optim.AdamW}: Adam with decoupled weight decay, p ← p(1 − lr·λ) before the
 * Adam step (default λ = 0.01). Example: {@code new AdamW(model.parameters(), 1e-3, 0.01)}.
 */
public final class AdamW extends Adam {
    /** β = (0.9, 0.999), ε = 1e-8, weight decay λ. */
    public AdamW(List<Tensor> params, double lr, double weightDecay) {
        this(params, lr, 0.9, 0.999, 1e-8, weightDecay);
    }

    /** Every option. */
    public AdamW(List<Tensor> params, double lr, double beta1, double beta2, double eps, double weightDecay) {
        super(params, lr, beta1, beta2, eps, weightDecay, true);
    }
}

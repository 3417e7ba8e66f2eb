package org.javadl.optim;

import java.util.List;

import org.javadl.tensor.Tensor;

/**
 * Adam as {@code torch.optim.Adam} (and, with {@code decoupled}, AdamW): moment estimates
 * m ← m + (1 − β₁)(g − m), v ← β₂v + (1 − β₂)g², and p ← p − (lr / (1 − β₁ᵗ)) · m / (√v / √(1 − β₂ᵗ) + ε).
 * Weight decay λ adds λp to the gradient (Adam's L2 penalty) or, decoupled (AdamW), first shrinks
 * p ← p(1 − lr·λ). The formulas follow PyTorch's single-tensor implementation term by term.
 * Example: {@code new Adam(model.parameters(), 1e-3)}.
 */
public class Adam extends Optimizer {
    private final double beta1;
    private final double beta2;
    private final double eps;
    private final double weightDecay;
    private final boolean decoupled;
    private final Tensor[] m;
    private final Tensor[] v;
    private int t;

    /** β = (0.9, 0.999), ε = 1e-8, no weight decay. */
    public Adam(List<Tensor> params, double lr) {
        this(params, lr, 0.9, 0.999, 1e-8, 0);
    }

    /** Every option; weight decay as an L2 term in the gradient. */
    public Adam(List<Tensor> params, double lr, double beta1, double beta2, double eps, double weightDecay) {
        this(params, lr, beta1, beta2, eps, weightDecay, false);
    }

    Adam(List<Tensor> params, double lr, double beta1, double beta2, double eps, double weightDecay,
            boolean decoupled) {
        super(params, lr);
        if (!(beta1 >= 0 && beta1 < 1 && beta2 >= 0 && beta2 < 1)) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ": betas must be in [0, 1), got "
                    + beta1 + ", " + beta2);
        }
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
        this.weightDecay = weightDecay;
        this.decoupled = decoupled;
        this.m = new Tensor[params.size()];
        this.v = new Tensor[params.size()];
    }

    @Override
    protected void update(int i, Tensor p, Tensor g) {
        int step = t + 1;
        Tensor grad = g;
        if (weightDecay != 0) {
            if (decoupled) {
                p.assign(p.mul(1 - lr() * weightDecay));
            } else {
                grad = grad.add(p.mul(weightDecay));
            }
        }
        Tensor mi = m[i] == null ? Tensor.zeros(p.shape()) : m[i];
        Tensor vi = v[i] == null ? Tensor.zeros(p.shape()) : v[i];
        mi = mi.add(grad.sub(mi).mul(1 - beta1)); // PyTorch's lerp
        vi = vi.mul(beta2).add(grad.mul(grad).mul(1 - beta2));
        m[i] = mi;
        v[i] = vi;
        double correction1 = 1 - Math.pow(beta1, step);
        double correction2Sqrt = Math.sqrt(1 - Math.pow(beta2, step));
        double stepSize = lr() / correction1;
        Tensor denom = vi.sqrt().div(correction2Sqrt).add(eps);
        p.assign(p.add(mi.div(denom).mul(-stepSize)));
    }

    @Override
    protected void afterStep() {
        t++;
    }

    /** How many steps were taken. */
    public int steps() {
        return t;
    }
}

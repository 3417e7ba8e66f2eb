package org.javadl.optim;

import java.util.List;

import org.javadl.autograd.InPlace;
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
    private final double[][] m;
    private final double[][] v;
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
        this.m = new double[params.size()][];
        this.v = new double[params.size()][];
    }

    @Override
    protected void update(int i, Tensor p, Tensor g) {
        int step = t + 1;
        if (m[i] == null) {
            m[i] = new double[p.size()];
            v[i] = new double[p.size()];
        }
        double[] mi = m[i];
        double[] vi = v[i];
        double lr = lr();
        double correction1 = 1 - Math.pow(beta1, step);
        double correction2Sqrt = Math.sqrt(1 - Math.pow(beta2, step));
        double stepSize = lr / correction1;
        double shrink = decoupled ? 1 - lr * weightDecay : 1;
        double l2 = decoupled ? 0 : weightDecay;
        // one fused loop per parameter, term by term as torch.optim.Adam/AdamW (single-tensor) compute it
        InPlace.update(p, g, (w, grad) -> {
            for (int k = 0; k < w.length; k++) {
                if (shrink != 1) {
                    w[k] = w[k] * shrink;
                }
                double gk = l2 != 0 ? grad[k] + w[k] * l2 : grad[k];
                mi[k] = mi[k] + (gk - mi[k]) * (1 - beta1); // PyTorch's lerp
                vi[k] = vi[k] * beta2 + gk * gk * (1 - beta2);
                double denom = Math.sqrt(vi[k]) / correction2Sqrt + eps;
                w[k] = w[k] + mi[k] / denom * -stepSize;
            }
        });
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

package org.javadl.optim;

import java.util.List;

import org.javadl.autograd.GradMode;
import org.javadl.tensor.Tensor;

/**
 * Updates parameters from their gradients (PyTorch's {@code torch.optim}): {@code step()} changes each
 * parameter in place with {@link Tensor#assign}, without recording a graph; parameters without a gradient
 * are skipped, as in PyTorch. Each optimizer keeps its per-parameter state (momentum, moment estimates)
 * in the order of the parameter list. Example:
 * <pre>{@code
 * var opt = new Adam(model.parameters(), 1e-3);
 * opt.zeroGrad(); loss.backward(); opt.step();
 * }</pre>
 */
public abstract class Optimizer {
    protected final List<Tensor> params;
    private double lr;
    private final double initialLr;

    protected Optimizer(List<Tensor> params, double lr) {
        if (params.isEmpty()) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ": no parameters to optimise");
        }
        for (Tensor p : params) {
            if (!p.isLeaf() || !p.needsGrad()) {
                throw new IllegalArgumentException(getClass().getSimpleName()
                        + ": parameters must be leaves marked with requiresGrad()");
            }
        }
        if (!(lr >= 0)) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ": learning rate must be >= 0, got " + lr);
        }
        this.params = List.copyOf(params);
        this.lr = lr;
        this.initialLr = lr;
    }

    /** One update of every parameter that has a gradient. */
    public final void step() {
        GradMode.noGrad(() -> {
            for (int i = 0; i < params.size(); i++) {
                Tensor p = params.get(i);
                if (p.grad() != null) {
                    update(i, p, p.grad());
                }
            }
            afterStep();
        });
    }

    /** Changes parameter {@code i} (with assign) from its gradient g. */
    protected abstract void update(int i, Tensor p, Tensor g);

    /** Called once per step after all parameters (e.g. to count steps). */
    protected void afterStep() {
    }

    /** Forgets every parameter's gradient. */
    public void zeroGrad() {
        for (Tensor p : params) {
            p.zeroGrad();
        }
    }

    /** The current learning rate. */
    public double lr() {
        return lr;
    }

    /** The learning rate the optimizer was built with (what schedules scale). */
    public double initialLr() {
        return initialLr;
    }

    /** Sets the learning rate (a schedule does this). */
    public void setLr(double lr) {
        this.lr = lr;
    }

    /** The parameters, in order. */
    public List<Tensor> parameters() {
        return params;
    }
}

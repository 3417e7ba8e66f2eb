package org.javadl.nn;

import java.util.LinkedHashMap;
import java.util.Map;

import org.javadl.autograd.GradMode;
import org.javadl.tensor.Tensor;

/**
 * Batch normalisation over the batch (PyTorch's {@code nn.BatchNorm1d}) of (N, C) or (N, C, L):
 * y = γ (x − μ)/√(σ² + ε) + β per feature. In training μ and σ² are the batch's mean and (biased)
 * variance, and the running estimates move by {@code momentum}: r ← (1 − m) r + m·stat, with the
 * unbiased variance for the running one, as PyTorch does; in evaluation the running estimates are used.
 * γ starts at 1, β at 0, the running mean at 0 and the running variance at 1.
 */
public final class BatchNorm1d extends Layer {
    private final int features;
    private final double eps;
    private final double momentum;
    private final Tensor weight;
    private final Tensor bias;
    private final Tensor runningMean;
    private final Tensor runningVar;

    /** ε = 1e-5, momentum 0.1 (PyTorch's defaults). */
    public BatchNorm1d(int features) {
        this(features, 1e-5, 0.1);
    }

    /** With ε and momentum. */
    public BatchNorm1d(int features, double eps, double momentum) {
        this.features = features;
        this.eps = eps;
        this.momentum = momentum;
        this.weight = parameter(Tensor.ones(features));
        this.bias = parameter(Tensor.zeros(features));
        this.runningMean = Tensor.zeros(features);
        this.runningVar = Tensor.ones(features);
    }

    @Override
    public Tensor forward(Tensor x) {
        int[] s = x.shape();
        if (s.length < 2 || s.length > 3 || s[1] != features) {
            throw new IllegalArgumentException(describe() + ": expects (N, " + features + ") or (N, " + features
                    + ", L), got shape " + java.util.Arrays.toString(s));
        }
        int[] axes = s.length == 2 ? new int[] {0} : new int[] {0, 2};
        int[] perFeature = s.length == 2 ? new int[] {1, features} : new int[] {1, features, 1};
        Tensor mean;
        Tensor var;
        if (isTraining()) {
            int n = x.size() / features;
            if (n < 2) {
                throw new IllegalArgumentException(describe() + ": training needs more than one value per feature, got "
                        + "shape " + java.util.Arrays.toString(s));
            }
            mean = x.mean(axes, true);
            var = x.sub(mean).pow(2).mean(axes, true);
            Tensor m = mean;
            Tensor v = var;
            GradMode.noGrad(() -> {
                runningMean.assign(runningMean.mul(1 - momentum).add(m.reshape(features).mul(momentum)));
                Tensor unbiased = v.reshape(features).mul((double) n / (n - 1));
                runningVar.assign(runningVar.mul(1 - momentum).add(unbiased.mul(momentum)));
            });
        } else {
            mean = runningMean.reshape(perFeature);
            var = runningVar.reshape(perFeature);
        }
        Tensor normalized = x.sub(mean).div(var.add(eps).sqrt());
        return normalized.mul(weight.reshape(perFeature)).add(bias.reshape(perFeature));
    }

    @Override
    protected Map<String, Tensor> ownParameters() {
        Map<String, Tensor> m = new LinkedHashMap<>();
        m.put("weight", weight);
        m.put("bias", bias);
        return m;
    }

    @Override
    protected Map<String, Tensor> ownBuffers() {
        Map<String, Tensor> m = new LinkedHashMap<>();
        m.put("running_mean", runningMean);
        m.put("running_var", runningVar);
        return m;
    }

    @Override
    public String describe() {
        return "BatchNorm1d(" + features + ")";
    }
}

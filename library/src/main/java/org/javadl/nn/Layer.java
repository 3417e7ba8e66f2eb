package org.javadl.nn;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.javadl.tensor.Tensor;

/**
 * A building block of a network (PyTorch's {@code nn.Module}): a forward computation on tensors,
 * the parameters it learns (leaf tensors that need gradients), the layers it contains, and a
 * train/eval mode (dropout drops and batch norm uses batch statistics only in training).
 * Parameters are named as PyTorch names them ({@code weight}, {@code bias}; {@code 0.weight} inside a
 * {@link Sequential}), so a state can be copied to and from {@code torch.nn} models.
 * Example: {@code new Sequential(new Linear(64, 128), new ReLU(), new Linear(128, 10)).forward(x)}.
 */
public abstract class Layer {
    private boolean training = true;

    /** The layer's output for a batch {@code x}. */
    public abstract Tensor forward(Tensor x);

    /** The parameters this layer itself owns, by name (none for activations). */
    protected Map<String, Tensor> ownParameters() {
        return Map.of();
    }

    /** Tensors that are state but not learnt (batch norm's running statistics), by name. */
    protected Map<String, Tensor> ownBuffers() {
        return Map.of();
    }

    /** The layers inside this one, by name. */
    protected Map<String, Layer> children() {
        return Map.of();
    }

    /** A short description such as {@code Linear(64 → 128)}. */
    public String describe() {
        return getClass().getSimpleName();
    }

    /** Every parameter of this layer and the layers inside it, in order, with dotted names. */
    public Map<String, Tensor> namedParameters() {
        Map<String, Tensor> all = new LinkedHashMap<>(ownParameters());
        children().forEach((name, child) -> child.namedParameters().forEach((k, v) -> all.put(name + "." + k, v)));
        return all;
    }

    /** Every buffer of this layer and the layers inside it, with dotted names. */
    public Map<String, Tensor> namedBuffers() {
        Map<String, Tensor> all = new LinkedHashMap<>(ownBuffers());
        children().forEach((name, child) -> child.namedBuffers().forEach((k, v) -> all.put(name + "." + k, v)));
        return all;
    }

    /** The parameters, in order, for an optimizer. */
    public List<Tensor> parameters() {
        return new ArrayList<>(namedParameters().values());
    }

    /** The number of learnt numbers. */
    public int parameterCount() {
        int n = 0;
        for (Tensor p : parameters()) {
            n += p.size();
        }
        return n;
    }

    /** Forgets every parameter's gradient. */
    public void zeroGrad() {
        for (Tensor p : parameters()) {
            p.zeroGrad();
        }
    }

    /** Training mode (the default), here and in every layer inside; returns this. */
    public Layer train() {
        return setTraining(true);
    }

    /** Evaluation mode: no dropout, batch norm uses its running statistics; returns this. */
    public Layer eval() {
        return setTraining(false);
    }

    private Layer setTraining(boolean on) {
        training = on;
        for (Layer child : children().values()) {
            child.setTraining(on);
        }
        return this;
    }

    /** True in training mode. */
    public boolean isTraining() {
        return training;
    }

    /**
     * Draws every weight of this layer and those inside again with {@code init} (biases become 0), from
     * a generator seeded with {@code seed}; for comparing initialisations. Returns this.
     */
    public Layer initialize(Init init, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        visit(layer -> layer.reinitialize(init, rng));
        return this;
    }

    /** Redraws this layer's own weights (layers with weights override it). */
    protected void reinitialize(Init init, SplittableRandom rng) {
    }

    private void visit(java.util.function.Consumer<Layer> f) {
        f.accept(this);
        for (Layer child : children().values()) {
            child.visit(f);
        }
    }

    /**
     * Copies values into this layer's parameters and buffers by name (same shapes), e.g. from another
     * model's {@link #namedParameters()}; names it does not have are an error. Returns this.
     */
    public Layer load(Map<String, Tensor> state) {
        Map<String, Tensor> mine = new LinkedHashMap<>(namedParameters());
        mine.putAll(namedBuffers());
        for (Map.Entry<String, Tensor> e : state.entrySet()) {
            Tensor target = mine.get(e.getKey());
            if (target == null) {
                throw new IllegalArgumentException("load: " + describe() + " has no parameter or buffer '"
                        + e.getKey() + "' (it has " + mine.keySet() + ")");
            }
            if (!java.util.Arrays.equals(target.shape(), e.getValue().shape())) {
                throw new IllegalArgumentException("load: '" + e.getKey() + "' has shape "
                        + java.util.Arrays.toString(target.shape()) + ", got " + java.util.Arrays.toString(e.getValue().shape()));
            }
            target.assign(e.getValue());
        }
        return this;
    }

    /**
     * Each layer's output shape and parameter count for an input of the given shape (batch axis
     * included), from one forward pass on zeros without gradients.
     */
    public ModelSummary summary(int... inputShape) {
        return ModelSummary.of(this, inputShape);
    }

    @Override
    public String toString() {
        return describe();
    }

    /** A parameter: a leaf that needs gradients. */
    static Tensor parameter(Tensor values) {
        return values.detach().requiresGrad();
    }
}

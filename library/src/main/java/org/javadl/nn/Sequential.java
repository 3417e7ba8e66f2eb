package org.javadl.nn;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.javadl.tensor.Tensor;

/**
 * Layers applied one after the other (PyTorch's {@code nn.Sequential}); they are named 0, 1, 2, … as
 * in PyTorch, so parameter names such as {@code 0.weight} match.
 * Example: {@code new Sequential(new Linear(2, 16), new Tanh(), new Linear(16, 2))}.
 */
public final class Sequential extends Layer {
    private final List<Layer> layers;

    /** The layers, in order. */
    public Sequential(Layer... layers) {
        if (layers.length == 0) {
            throw new IllegalArgumentException("Sequential: needs at least one layer");
        }
        this.layers = List.of(layers);
    }

    /** The layers, in order. */
    public List<Layer> layers() {
        return layers;
    }

    @Override
    public Tensor forward(Tensor x) {
        Tensor y = x;
        for (Layer l : layers) {
            y = l.forward(y);
        }
        return y;
    }

    @Override
    protected Map<String, Layer> children() {
        Map<String, Layer> m = new LinkedHashMap<>();
        for (int i = 0; i < layers.size(); i++) {
            m.put(Integer.toString(i), layers.get(i));
        }
        return m;
    }

    @Override
    public String describe() {
        StringBuilder b = new StringBuilder("Sequential(");
        for (int i = 0; i < layers.size(); i++) {
            b.append(i == 0 ? "" : ", ").append(layers.get(i).describe());
        }
        return b.append(')').toString();
    }
}

package org.javadl.nn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.javadl.autograd.GradMode;
import org.javadl.graph.Tabular;
import org.javadl.graph.TextTable;
import org.javadl.tensor.Tensor;

/**
 * What a model is made of: each layer (the layers of a {@link Sequential}, else the model itself) with
 * its output shape and parameter count, and the totals, found by one forward pass of zeros in
 * evaluation mode without gradients. Shows as a table. Example:
 * {@code model.summary(1, 64)} for a model that takes (N, 64).
 */
public final class ModelSummary implements Tabular {
    /** One layer: its position, description, output shape and number of parameters. */
    public record Row(String name, String layer, int[] outputShape, int parameters) {
    }

    private final int[] inputShape;
    private final List<Row> rows;

    private ModelSummary(int[] inputShape, List<Row> rows) {
        this.inputShape = inputShape;
        this.rows = rows;
    }

    static ModelSummary of(Layer model, int[] inputShape) {
        List<Row> rows = new ArrayList<>();
        boolean wasTraining = model.isTraining();
        model.eval();
        try {
            GradMode.noGrad(() -> {
                Tensor x = Tensor.zeros(inputShape);
                if (model instanceof Sequential seq) {
                    for (int i = 0; i < seq.layers().size(); i++) {
                        Layer l = seq.layers().get(i);
                        x = l.forward(x);
                        rows.add(new Row(Integer.toString(i), l.describe(), x.shape(), l.parameterCount()));
                    }
                } else {
                    rows.add(new Row("", model.describe(), model.forward(x).shape(), model.parameterCount()));
                }
            });
        } finally {
            if (wasTraining) {
                model.train();
            }
        }
        return new ModelSummary(inputShape.clone(), List.copyOf(rows));
    }

    /** The layers, in order. */
    public List<Row> rows() {
        return rows;
    }

    /** All parameters of the model. */
    public int totalParameters() {
        int n = 0;
        for (Row r : rows) {
            n += r.parameters();
        }
        return n;
    }

    /** The shape the summary was computed for. */
    public int[] inputShape() {
        return inputShape.clone();
    }

    @Override
    public TextTable table() {
        TextTable t = new TextTable("model summary, input " + Arrays.toString(inputShape),
                new String[] {"#", "layer", "output shape", "parameters"});
        for (Row r : rows) {
            t.row(r.name(), r.layer(), Arrays.toString(r.outputShape()), String.format(java.util.Locale.ROOT, "%,d", r.parameters()));
        }
        return t.footnote(String.format(java.util.Locale.ROOT, "total: %,d parameters", totalParameters()));
    }

    @Override
    public String toString() {
        return toText();
    }
}

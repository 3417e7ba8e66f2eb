package org.javadl.train;

import org.javadl.autograd.GradMode;
import org.javadl.data.Dataset;
import org.javadl.nn.Layer;
import org.javadl.tensor.Tensor;

/**
 * Evaluating a classifier: predictions (the arg-max of the logits, computed in evaluation mode without
 * gradients), accuracy and the confusion matrix. Example: {@code Metrics.accuracy(model, test)}.
 */
public final class Metrics {
    private Metrics() {
    }

    /** The model's outputs for x in evaluation mode, without a graph; the mode is restored. */
    public static Tensor outputs(Layer model, Tensor x) {
        boolean training = model.isTraining();
        model.eval();
        try {
            return GradMode.noGrad(() -> model.forward(x));
        } finally {
            if (training) {
                model.train();
            }
        }
    }

    /** The predicted class of each example (arg-max over the last axis of the logits). */
    public static Tensor predict(Layer model, Tensor x) {
        return outputs(model, x).argmax(-1);
    }

    /** The fraction of the data set's examples whose predicted class is the target. */
    public static double accuracy(Layer model, Dataset data) {
        return accuracy(outputs(model, data.features()), data.targets());
    }

    /** The fraction of rows of logits (N, C) whose arg-max is the label; NaN if these are not class scores. */
    public static double accuracy(Tensor logits, Tensor labels) {
        if (logits.ndim() != 2 || labels.ndim() != 1 || logits.dim(0) != labels.dim(0) || logits.dim(1) < 2) {
            return Double.NaN;
        }
        Tensor pred = logits.argmax(1);
        double right = 0;
        for (int i = 0; i < labels.size(); i++) {
            right += pred.get(i) == labels.get(i) ? 1 : 0;
        }
        return right / labels.size();
    }

    /** The confusion matrix of the model on a data set (rows: true class, columns: predicted). */
    public static ConfusionMatrix confusion(Layer model, Dataset data) {
        return ConfusionMatrix.of(data.targets(), predict(model, data.features()), data.classes(), data.classNames());
    }
}

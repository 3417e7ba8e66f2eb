package org.javadl.loss;

import java.util.Arrays;

import org.javadl.tensor.Shapes;
import org.javadl.tensor.Tensor;

/** Argument checks shared by the losses, with messages that name the loss and both shapes. */
final class Checks {
    private Checks() {
    }

    static void sameShape(String op, Tensor a, Tensor b) {
        if (!Arrays.equals(a.shape(), b.shape())) {
            throw new IllegalArgumentException(op + ": shapes " + Shapes.str(a.shape()) + " and "
                    + Shapes.str(b.shape()) + " differ");
        }
    }

    static void vector(String op, Tensor a) {
        if (a.ndim() != 1 || a.size() == 0) {
            throw new IllegalArgumentException(op + ": needs a non-empty 1-D vector, got shape " + Shapes.str(a.shape()));
        }
    }

    static void classIndex(String op, Tensor scores, int y) {
        if (y < 0 || y >= scores.size()) {
            throw new IllegalArgumentException(op + ": class index " + y + " is out of range for "
                    + scores.size() + " classes (shape " + Shapes.str(scores.shape()) + ")");
        }
    }
}

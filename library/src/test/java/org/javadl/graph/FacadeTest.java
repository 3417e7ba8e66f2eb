package org.javadl.graph;

import static org.javadl.DL.backward;
import static org.javadl.DL.exp;
import static org.javadl.DL.forwardMode;
import static org.javadl.DL.gradCheck;
import static org.javadl.DL.linearRegression;
import static org.javadl.DL.logisticRegression;
import static org.javadl.DL.matmulGrad;
import static org.javadl.DL.reverseMode;
import static org.javadl.DL.sigmoid;
import static org.javadl.DL.sin;
import static org.javadl.DL.square;
import static org.javadl.DL.tensor;
import static org.javadl.DL.trace;
import static org.javadl.DL.twoClassData;
import static org.javadl.DL.variable;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The part-2 facade reads like the homework and delegates correctly. */
class FacadeTest {

    @Test
    void problem9ThroughTheFacade() {
        Value x = variable("x", 1);
        Value f1 = exp(x).named("f1");
        Value f2 = square(f1).named("f2");
        Value f3 = f1.add(f2).named("f3");
        Value y = exp(f3).named("f4").add(sin(f3).named("f5")).named("y");
        backward(y);
        assertEquals(GraphTest.dydx(1), x.grad(), 1e-12 * GraphTest.dydx(1));
        assertEquals(List.of("y", "f5", "f4", "f3", "f2", "f1", "x"), reverseMode(y).order());
        assertEquals(x.grad(), forwardMode(y, x).step("y").result(), 1e-12 * Math.abs(x.grad()));
        assertTrue(trace(y, x).toText().contains("∂node/∂x"));
        // Overloads next to part 1's sigmoid(double) resolve by argument type.
        assertEquals(sigmoid(0.3), sigmoid(variable("z", 0.3)).data(), 1e-15);
    }

    @Test
    void gradCheckOverloadWithLambda() {
        GradCheck c = gradCheck(v -> exp(v[0]).mul(v[1]), 0.5, 2.0);
        assertTrue(c.passed(), c.toText());
        assertArrayEquals(c.analytic(), c.forwardMode(), 1e-12);
    }

    @Test
    void gradCheckOnABuiltGraphKeepsForwardModeInStep() {
        // Regression: the forward-mode column must use the restored values for every input.
        Value a = variable("a", 0.4);
        Value b = variable("b", -1.2);
        Value c = variable("c", 2.0);
        Value y = a.mul(b).sin().add(b.mul(c).tanh()).mul(c.exp());
        GradCheck g = GradCheck.check(y, a, b, c);
        assertArrayEquals(g.analytic(), g.forwardMode(), 1e-12);
        assertTrue(g.passed(), g.toText());
    }

    @Test
    void modelsAndMatricesThroughTheFacade() {
        assertEquals(24, linearRegression(new double[] {0, 1, 2}, new double[] {1, 3, 5}).hessian().determinant());
        assertEquals(20 * Math.log(2), logisticRegression(twoClassData(9)).lossSum(new double[] {0, 0}), 1e-12);
        assertEquals(3.3, matmulGrad(tensor(new double[][] {{0.3, 0.5}, {-0.2, 0.4}}),
                tensor(new double[][] {{0, 2}, {3, 1}}), tensor(new double[][] {{0.5, 1}, {1, -1.5}}), 0.1).loss(), 1e-12);
    }
}

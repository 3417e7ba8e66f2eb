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
import static org.junit.jupiter.api.Assertions.assertThrows;
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
        GraphGradCheck c = gradCheck(v -> exp(v[0]).mul(v[1]), 0.5, 2.0);
        assertTrue(c.passed(), c.toText());
        assertArrayEquals(c.analytic(), c.forwardMode(), 1e-12);
    }

    @Test
    void graphGradCheckNoLongerClashesWithTheArrayGradCheck() {
        // Regression: org.javadl.graph.GradCheck and org.javadl.check.GradCheck made the bare name ambiguous
        // in notebook cells (the kernel star-imports both packages).
        assertThrows(ClassNotFoundException.class, () -> Class.forName("org.javadl.graph.GradCheck"));
        // The facade checks a model's loss and gradient at a parameter vector (double[] overload).
        org.javadl.check.GradCheck g = gradCheck((double[] ph) -> (ph[0] - 1) * (ph[0] - 1) + Math.exp(ph[1]),
                ph -> new double[] {2 * (ph[0] - 1), Math.exp(ph[1])}, new double[] {1.0, -0.7});
        assertTrue(g.passed(), g.toText()); // ∂/∂ph0 is exactly 0 at ph0 = 1
        org.javadl.check.GradCheck bad = gradCheck(ph -> ph[0] * ph[0], ph -> new double[] {ph[0]}, new double[] {2.0});
        assertTrue(!bad.passed());
        // An exactly-zero graph gradient: y = x1³ + 5 at x1 = 0.
        GraphGradCheck zero = gradCheck(v -> v[0].mul(v[0]).mul(v[0]).add(5).add(v[1].square()), 0.0, 0.5);
        assertTrue(zero.passed(), zero.toText());
    }

    @Test
    void gradCheckOnABuiltGraphKeepsForwardModeInStep() {
        // Regression: the forward-mode column must use the restored values for every input.
        Value a = variable("a", 0.4);
        Value b = variable("b", -1.2);
        Value c = variable("c", 2.0);
        Value y = a.mul(b).sin().add(b.mul(c).tanh()).mul(c.exp());
        GraphGradCheck g = GraphGradCheck.check(y, a, b, c);
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

package org.javadl.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Function;

import org.javadl.tensor.Tensor;
import org.junit.jupiter.api.Test;

class OptimizerTest {
    /** f(w) = Σ (w − c)² has its minimum at c. */
    private static double minimise(Function<List<Tensor>, Optimizer> make, int steps) {
        Tensor w = Tensor.of(5, -3, 2).requiresGrad();
        Tensor c = Tensor.of(1, 2, 3);
        Optimizer opt = make.apply(List.of(w));
        for (int i = 0; i < steps; i++) {
            opt.zeroGrad();
            w.sub(c).pow(2).sumAll().backward();
            opt.step();
        }
        return w.detach().sub(c).abs().maxValue();
    }

    @Test
    void everyOptimizerFindsTheMinimumOfAQuadratic() {
        assertTrue(minimise(p -> new SGD(p, 0.1), 100) < 1e-8);
        assertTrue(minimise(p -> new SGD(p, 0.05, 0.9, 0, 0, false), 300) < 1e-6);
        assertTrue(minimise(p -> new SGD(p, 0.05, 0.9, 0, 0, true), 300) < 1e-6);
        assertTrue(minimise(p -> new Adam(p, 0.1), 500) < 1e-3);
        assertTrue(minimise(p -> new AdamW(p, 0.1, 0), 500) < 1e-3);
    }

    @Test
    void sgdStepIsExactlyTheFormula() {
        Tensor w = Tensor.of(1, 2).requiresGrad();
        SGD opt = new SGD(List.of(w), 0.5, 0.9, 0, 0.1, false);
        w.mul(Tensor.of(3, 4)).sumAll().backward();
        opt.step(); // d = g + 0.1 w = [3.1, 4.2]; first buffer = d
        assertEquals(Tensor.of(1 - 0.5 * 3.1, 2 - 0.5 * 4.2), w.detach());
        opt.step(); // same g (not zeroed): d = [3, 4] + 0.1 w; b = 0.9 b + d
        double d0 = 3 + 0.1 * (1 - 0.5 * 3.1);
        assertEquals(1 - 0.5 * 3.1 - 0.5 * (0.9 * 3.1 + d0), w.detach().get(0), 1e-15);
    }

    @Test
    void weightDecayShrinksAndParametersWithoutGradientsStay() {
        Tensor w = Tensor.of(1.0).requiresGrad();
        Tensor untouched = Tensor.of(7.0).requiresGrad();
        AdamW opt = new AdamW(List.of(w, untouched), 0.1, 0.5);
        w.mul(0).sumAll().backward(); // gradient 0: only the decoupled decay acts
        opt.step();
        assertEquals(1 - 0.1 * 0.5, w.detach().item(), 1e-15);
        assertEquals(7.0, untouched.detach().item());
        assertThrows(IllegalArgumentException.class, () -> new SGD(List.of(Tensor.of(1)), 0.1));
        assertThrows(IllegalArgumentException.class, () -> new SGD(List.of(w), 0.1, 0, 0, 0, true));
        assertThrows(IllegalArgumentException.class, () -> new Adam(List.of(w), 0.1, 1.0, 0.9, 1e-8, 0));
    }

    @Test
    void schedules() {
        Tensor w = Tensor.of(1.0).requiresGrad();
        SGD opt = new SGD(List.of(w), 1.0);
        LrSchedule s = LrSchedule.step(opt, 2, 0.5);
        double[] lrs = new double[5];
        for (int i = 0; i < 5; i++) {
            lrs[i] = s.next();
        }
        assertEquals(List.of(1.0, 0.5, 0.5, 0.25, 0.25), java.util.Arrays.stream(lrs).boxed().toList());
        LrSchedule c = LrSchedule.cosine(new SGD(List.of(w), 1.0), 4, 0);
        assertEquals((1 + Math.cos(Math.PI / 4)) / 2, c.next(), 1e-15);
        assertEquals(0.5, c.next(), 1e-15);
        c.next();
        assertEquals(0, c.next(), 1e-15);
        assertEquals(0.81, LrSchedule.exponential(new SGD(List.of(w), 1.0), 0.9).next() * 0.9, 1e-15);
    }
}

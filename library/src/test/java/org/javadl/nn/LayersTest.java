package org.javadl.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.javadl.autograd.GradMode;
import org.javadl.tensor.Tensor;
import org.junit.jupiter.api.Test;

class LayersTest {
    private static Sequential mlp(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        return new Sequential(new Linear(64, 128, true, rng), new ReLU(), new Linear(128, 10, true, rng));
    }

    @Test
    void linearComputesXWtPlusB() {
        Linear l = new Linear(3, 2, true, new SplittableRandom(1));
        Tensor x = Tensor.randn(2, 4, 3);
        Tensor expected = x.matmul(l.weight().detach().transpose()).add(l.bias().detach());
        assertTrue(l.forward(x).allClose(expected, 0, 0));
        assertArrayEquals(new int[] {2, 3}, l.weight().shape());
        // PyTorch's default init: |w| ≤ 1/√in
        assertTrue(l.weight().abs().maxValue() <= 1 / Math.sqrt(3));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> l.forward(Tensor.zeros(4, 5)));
        assertTrue(e.getMessage().contains("Linear(3 → 2)") && e.getMessage().contains("[4, 5]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Linear(0, 2));
    }

    @Test
    void parametersAreNamedAsInPyTorch() {
        Sequential m = mlp(0);
        assertEquals(List.of("0.weight", "0.bias", "2.weight", "2.bias"), List.copyOf(m.namedParameters().keySet()));
        assertEquals(64 * 128 + 128 + 128 * 10 + 10, m.parameterCount());
        for (Tensor p : m.parameters()) {
            assertTrue(p.needsGrad() && p.isLeaf());
        }
        assertEquals(List.of("1.running_mean", "1.running_var"),
                List.copyOf(new Sequential(new Linear(2, 3), new BatchNorm1d(3)).namedBuffers().keySet()));
    }

    @Test
    void seededModelsRepeatAndInitialisationsDiffer() {
        assertEquals(mlp(5).parameters().get(0).detach(), mlp(5).parameters().get(0).detach());
        assertNotEquals(mlp(5).parameters().get(0).detach(), mlp(6).parameters().get(0).detach());
        Init.manualSeed(3);
        Tensor a = new Linear(4, 4).weight().detach();
        Init.manualSeed(3);
        assertEquals(a, new Linear(4, 4).weight().detach());
        Sequential m = mlp(0);
        m.initialize(Init.XAVIER_NORMAL, 1);
        Tensor w = m.parameters().get(0);
        double std = Math.sqrt(w.sub(w.meanValue()).pow(2).meanValue());
        assertEquals(Math.sqrt(2.0 / (64 + 128)), std, 0.01);
        assertEquals(Tensor.zeros(128), m.parameters().get(1).detach());
        m.initialize(Init.KAIMING_NORMAL, 1);
        std = Math.sqrt(w.sub(w.meanValue()).pow(2).meanValue());
        assertEquals(Math.sqrt(2.0 / 64), std, 0.01);
    }

    @Test
    void summaryListsShapesAndCounts() {
        Sequential cnn = new Sequential(new Conv2d(1, 8, 3, 1, 1, 1, true, new SplittableRandom(0)), new ReLU(),
                new MaxPool2d(2), new Flatten(), new Linear(8 * 4 * 4, 10, true, new SplittableRandom(1)));
        ModelSummary s = cnn.summary(1, 1, 8, 8);
        assertEquals(5, s.rows().size());
        assertArrayEquals(new int[] {1, 8, 8, 8}, s.rows().get(0).outputShape());
        assertArrayEquals(new int[] {1, 8, 4, 4}, s.rows().get(2).outputShape());
        assertArrayEquals(new int[] {1, 128}, s.rows().get(3).outputShape());
        assertEquals(8 * 9 + 8, s.rows().get(0).parameters());
        assertEquals(cnn.parameterCount(), s.totalParameters());
        assertTrue(s.toText().contains("Conv2d(1 → 8, 3×3, padding 1)") && s.toText().contains("total: 1,370"),
                s.toText());
        assertTrue(s.toHtml().contains("<table"));
        assertTrue(cnn.isTraining(), "summary restores the mode");
    }

    @Test
    void trainAndEvalModes() {
        Dropout d = new Dropout(0.5, new SplittableRandom(2));
        Sequential m = new Sequential(new Linear(4, 4), d);
        Tensor x = Tensor.ones(200, 4);
        m.eval();
        assertFalse(d.isTraining());
        assertEquals(m.layers().get(0).forward(x), m.forward(x));
        m.train();
        Tensor y = d.forward(Tensor.ones(1000));
        long zeros = java.util.Arrays.stream(y.toArray()).filter(v -> v == 0).count();
        assertTrue(zeros > 420 && zeros < 580, "about half dropped: " + zeros);
        assertTrue(java.util.Arrays.stream(y.toArray()).allMatch(v -> v == 0 || v == 2));
    }

    @Test
    void batchNormNormalisesAndTracksRunningStatistics() {
        BatchNorm1d bn = new BatchNorm1d(3);
        Tensor x = Tensor.randn(4, 50, 3).mul(Tensor.of(1, 2, 3)).add(Tensor.of(5, -1, 0));
        Tensor y = bn.forward(x);
        assertTrue(y.mean(0).allClose(Tensor.zeros(3), 0, 1e-12));
        assertTrue(y.pow(2).mean(0).allClose(Tensor.ones(3), 1e-4, 0));
        Tensor rm = bn.namedBuffers().get("running_mean");
        assertTrue(rm.allClose(x.mean(0).mul(0.1), 1e-12, 1e-12));
        bn.eval();
        Tensor z = bn.forward(x);
        Tensor rv = bn.namedBuffers().get("running_var");
        assertTrue(z.allClose(x.sub(rm).div(rv.add(1e-5).sqrt()), 1e-12, 1e-12));
        GradMode.noGrad(() -> {
            bn.train();
            return bn.forward(x);
        });
        assertThrows(IllegalArgumentException.class, () -> bn.forward(Tensor.zeros(1, 3)));
    }

    @Test
    void loadCopiesStateByName() {
        Sequential a = mlp(1);
        Sequential b = mlp(2);
        b.load(a.namedParameters());
        assertEquals(a.parameters().get(2).detach(), b.parameters().get(2).detach());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> b.load(Map.of("9.weight", Tensor.zeros(1))));
        assertTrue(e.getMessage().contains("9.weight"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> b.load(Map.of("0.bias", Tensor.zeros(3))));
        assertTrue(e.getMessage().contains("[128]"), e.getMessage());
    }
}

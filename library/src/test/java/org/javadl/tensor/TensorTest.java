package org.javadl.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import java.util.List;
import org.junit.jupiter.api.Test;

class TensorTest {

    private static Tensor m(double[][] rows) {
        return Tensor.of(rows);
    }

    /** Textbook triple loop, the reference for the optimised kernel. */
    /** The textbook loop, or its fused form (one fma per product) when MatMul's vector path is in use. */
    private static double[][] naiveMatmul(double[][] a, double[][] b) {
        boolean fused = MatMul.vectorInUse();
        int n = a.length;
        int k = b.length;
        int p = b[0].length;
        double[][] c = new double[n][p];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                double s = 0;
                for (int t = 0; t < k; t++) {
                    s = fused ? Math.fma(a[i][t], b[t][j], s) : s + a[i][t] * b[t][j];
                }
                c[i][j] = s;
            }
        }
        return c;
    }

    @Test
    void creationAndShapes() {
        Tensor a = Tensor.of(new double[] {1, 2, 3, 4, 5, 6}, 2, 3);
        assertArrayEquals(new int[] {2, 3}, a.shape());
        assertEquals(6, a.size());
        assertEquals(2, a.ndim());
        assertEquals(6, a.get(1, 2));
        assertEquals(6, a.get(-1, -1));
        assertEquals(0, Tensor.scalar(0).ndim());
        assertEquals(2.5, Tensor.scalar(2.5).item());
        assertArrayEquals(new double[] {0, 0, 0}, Tensor.zeros(3).toArray());
        assertArrayEquals(new double[] {7, 7}, Tensor.full(7, 2).toArray());
        assertArrayEquals(new double[] {1, 0, 0, 1}, Tensor.eye(2).toArray());
        assertArrayEquals(new double[] {0, 0.25, 0.5, 0.75}, Tensor.arange(0, 1, 0.25).toArray());
        assertArrayEquals(new double[] {2, 3, 4}, Tensor.arange(2, 5).toArray());
        assertEquals(0, Tensor.arange(3, 1).size());
        Tensor l = Tensor.linspace(-1, 1, 5);
        assertArrayEquals(new double[] {-1, -0.5, 0, 0.5, 1}, l.toArray(), 1e-15);
        assertEquals(1.0, Tensor.linspace(0, 1, 7).get(6)); // end point exact
        assertArrayEquals(new double[][] {{1, 2}, {3, 4}}, m(new double[][] {{1, 2}, {3, 4}}).toArray2d());
        double[][][] cube = {{{1, 2}}, {{3, 4}}};
        assertArrayEquals(new int[] {2, 1, 2}, Tensor.of(cube).shape());
        assertEquals(4, Tensor.of(cube).toArray3d()[1][0][1]);
    }

    @Test
    void creationErrors() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Tensor.of(new double[][] {{1, 2}, {3}}));
        assertTrue(e.getMessage().contains("ragged"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Tensor.of(new double[5], 2, 3));
        assertTrue(e.getMessage().contains("[2, 3]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Tensor.zeros(-1));
        assertThrows(IllegalArgumentException.class, () -> Tensor.arange(0, 1, 0));
        assertThrows(IndexOutOfBoundsException.class, () -> Tensor.eye(2).get(2, 0));
        assertThrows(IllegalArgumentException.class, () -> Tensor.eye(2).item());
    }

    @Test
    void immutability() {
        double[] src = {1, 2};
        Tensor t = Tensor.of(src);
        src[0] = 99;
        assertEquals(1, t.get(0));
        t.toArray()[1] = 99;
        assertEquals(2, t.get(1));
        int[] s = t.shape();
        s[0] = 5;
        assertEquals(2, t.shape()[0]);
    }

    @Test
    void reshapeTransposePermuteSlice() {
        Tensor a = Tensor.arange(6).reshape(2, -1);
        assertArrayEquals(new int[] {2, 3}, a.shape());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Tensor.arange(6).reshape(4, -1));
        assertTrue(e.getMessage().contains("reshape") && e.getMessage().contains("[6]"), e.getMessage());
        Tensor t = a.transpose();
        assertArrayEquals(new int[] {3, 2}, t.shape());
        assertEquals(a.get(0, 2), t.get(2, 0));
        Tensor b = Tensor.arange(24).reshape(2, 3, 4);
        Tensor p = b.permute(2, 0, 1);
        assertArrayEquals(new int[] {4, 2, 3}, p.shape());
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 3; j++) {
                for (int k = 0; k < 4; k++) {
                    assertEquals(b.get(i, j, k), p.get(k, i, j));
                    assertEquals(b.get(i, j, k), b.transpose().get(k, j, i));
                }
            }
        }
        assertThrows(IllegalArgumentException.class, () -> b.permute(0, 0, 1));
        assertArrayEquals(new double[] {3, 4, 5}, a.row(1).toArray());
        assertArrayEquals(new double[] {1, 4}, a.col(1).toArray());
        assertArrayEquals(new double[] {1, 2, 3}, Tensor.arange(5).slice(0, 1, -1).toArray());
        Tensor cols = a.slice(1, 1, 3);
        assertArrayEquals(new double[][] {{1, 2}, {4, 5}}, cols.toArray2d());
        assertEquals(0, Tensor.arange(5).slice(4, 2).size());
        assertArrayEquals(new int[] {2, 2}, Tensor.stack(Tensor.of(1, 2), Tensor.of(3, 4)).shape());
    }

    @Test
    void matmulKnownAndErrors() {
        Tensor a = m(new double[][] {{1, 2}, {3, 4}});
        Tensor b = m(new double[][] {{5, 6}, {7, 8}});
        // by hand: [1*5+2*7, 1*6+2*8; 3*5+4*7, 3*6+4*8]
        assertEquals(m(new double[][] {{19, 22}, {43, 50}}), a.matmul(b));
        assertArrayEquals(new double[] {3, 7}, a.matmul(Tensor.of(1, 1)).toArray());
        assertArrayEquals(new double[] {4, 6}, Tensor.of(1, 1).matmul(a).toArray());
        assertEquals(11, Tensor.of(1, 2).matmul(Tensor.of(3, 4)).item());
        assertEquals(0, Tensor.of(1, 2).matmul(Tensor.of(3, 4)).ndim());
        assertEquals(11, Tensor.of(1, 2).dot(Tensor.of(3, 4)));
        assertEquals(m(new double[][] {{1, 10}, {2, 20}}), Tensor.of(1, 2).outer(Tensor.of(1, 10)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Tensor.zeros(2, 3).matmul(Tensor.zeros(4, 2)));
        assertEquals("matmul: shapes [2, 3] and [4, 2] are not aligned (3 != 4)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Tensor.zeros(2, 2, 3).matmul(Tensor.zeros(2, 2)));
        assertTrue(e.getMessage().contains("[2, 2, 3]") && e.getMessage().contains("[2, 2]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Tensor.scalar(2).matmul(Tensor.zeros(2, 2)));
        assertTrue(e.getMessage().contains("0-D"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Tensor.zeros(2, 1, 2, 2).matmul(Tensor.zeros(3, 2, 2)).add(Tensor.zeros(4, 2, 2)));
        assertTrue(e.getMessage().startsWith("add: shapes [2, 3, 2, 2]"), e.getMessage());
        // batched: each matrix of the batch times the (broadcast) matrix, as numpy's @
        Tensor batch = Tensor.arange(12).reshape(3, 2, 2);
        Tensor right = m(new double[][] {{1, 2}, {3, 4}});
        Tensor prod = batch.matmul(right);
        assertArrayEquals(new int[] {3, 2, 2}, prod.shape());
        for (int i = 0; i < 3; i++) {
            assertEquals(batch.row(i).matmul(right), prod.row(i));
        }
        assertArrayEquals(new int[] {3, 2}, batch.matmul(Tensor.of(1, 1)).shape());
        assertArrayEquals(new int[] {4, 3, 5, 7}, Tensor.zeros(4, 1, 5, 6).matmul(Tensor.zeros(3, 6, 7)).shape());
        e = assertThrows(IllegalArgumentException.class, () -> Tensor.zeros(2, 2, 2).matmul(Tensor.zeros(3, 2, 2)));
        assertEquals("matmul: shapes [2, 2, 2] and [3, 2, 2] have batch axes [2] and [3] that cannot be broadcast together",
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Tensor.of(1, 2).dot(Tensor.of(1, 2, 3)));
    }

    @Test
    void threadedMatmulGivesTheSameBits() {
        Tensor a = Tensor.randn(1, 301, 200);
        Tensor b = Tensor.randn(2, 200, 263);
        Tensor one = a.matmul(b);
        try {
            MatMul.setThreads(3);
            assertEquals(3, MatMul.threads());
            assertEquals(one, a.matmul(b));
            assertEquals(a.slice(0, 0, 37).matmul(b), a.slice(0, 0, 37).matmul(b)); // too small to split
        } finally {
            MatMul.setThreads(1);
        }
        assertThrows(IllegalArgumentException.class, () -> MatMul.setThreads(0));
    }

    @Test
    void matmulMatchesNaiveOnRandomShapes() {
        SplittableRandom r = new SplittableRandom(5);
        for (int trial = 0; trial < 40; trial++) {
            int n = 1 + r.nextInt(13);
            int k = 1 + r.nextInt(300); // crosses the k-block size
            int p = 1 + r.nextInt(11);
            Tensor a = Tensor.randn(trial, n, k);
            Tensor b = Tensor.randn(trial + 1000, k, p);
            Tensor expected = Tensor.of(naiveMatmul(a.toArray2d(), b.toArray2d()));
            assertTrue(a.matmul(b).allClose(expected, 1e-12, 1e-12), "n=" + n + " k=" + k + " p=" + p);
            assertTrue(b.transpose().matmul(a.transpose()).allClose(expected.transpose(), 1e-12, 1e-12));
        }
        assertArrayEquals(new int[] {3, 0}, Tensor.zeros(3, 4).matmul(Tensor.zeros(4, 0)).shape());
    }

    @Test
    void bothMatmulPathsAreBitForBitTheirNaiveLoops() {
        // The Maven build runs with jdk.incubator.vector: check the vector path is really the one in use,
        // then the plain path, and the vector path with threads (same bits for any count).
        assertTrue(MatMul.VECTOR_AVAILABLE, "surefire should start the JVM with --add-modules jdk.incubator.vector");
        try {
            MatMul.useVector(false);
            matmulIsBitForBitTheNaiveLoopAcrossStripsAndRemainders();
            MatMul.useVector(true);
            MatMul.setThreads(3);
            matmulIsBitForBitTheNaiveLoopAcrossStripsAndRemainders();
        } finally {
            MatMul.useVector(true);
            MatMul.setThreads(1);
        }
    }

    @Test
    void matmulIsBitForBitTheNaiveLoopAcrossStripsAndRemainders() {
        // Shapes that exercise every path of the kernel: odd m (one-row tail), k not a multiple of 4,
        // n above the 256-column strip with a narrower last strip, n below the panel threshold; m past a row
        // block, k past a depth block, columns past the last whole tile (vectors and single columns).
        int[][] shapes = {{7, 13, 600}, {2, 4, 256}, {1, 3, 257}, {5, 1, 9}, {3, 300, 7}, {33, 17, 513}, {256, 256, 256}, {16, 9, 676}, {9, 30, 40}, {17, 600, 300}, {135, 300, 77}, {6, 520, 26}, {4, 5, 33}};
        for (int[] sh : shapes) {
            Tensor a = Tensor.randn(sh[0] * 31 + sh[1], sh[0], sh[1]);
            Tensor b = Tensor.randn(sh[2] * 17 + 3, sh[1], sh[2]);
            Tensor expected = Tensor.of(naiveMatmul(a.toArray2d(), b.toArray2d()));
            assertEquals(expected, a.matmul(b), java.util.Arrays.toString(sh));
        }
        // matrix × vector and vector × matrix
        Tensor a = Tensor.randn(1, 9, 300);
        Tensor v = Tensor.randn(2, 300);
        double[][] col = new double[300][1];
        for (int i = 0; i < 300; i++) {
            col[i][0] = v.get(i);
        }
        assertArrayEquals(Tensor.of(naiveMatmul(a.toArray2d(), col)).toArray(), a.matmul(v).toArray());
    }

    @Test
    void broadcasting() {
        Tensor a = Tensor.arange(6).reshape(2, 3);
        assertEquals(m(new double[][] {{10, 21, 32}, {13, 24, 35}}), a.add(Tensor.of(10, 20, 30)));
        Tensor col = Tensor.of(new double[] {1, 2}, 2, 1);
        Tensor row = Tensor.of(new double[] {10, 20, 30}, 1, 3);
        assertEquals(m(new double[][] {{10, 20, 30}, {20, 40, 60}}), col.mul(row));
        assertEquals(m(new double[][] {{0, 2, 4}, {6, 8, 10}}), a.mul(Tensor.scalar(2)));
        assertEquals(a.mul(2), a.add(a));
        assertEquals(a.sub(1).add(1), a);
        assertArrayEquals(new double[] {0.5, 1}, Tensor.of(1, 2).div(2).toArray());
        assertArrayEquals(new double[] {4, 9}, Tensor.of(2, 3).pow(2).toArray());
        assertArrayEquals(new double[] {8, 9}, Tensor.of(2, 3).pow(Tensor.of(3, 2)).toArray());
        assertArrayEquals(new double[] {3, 4}, Tensor.of(1, 4).zipWith(Tensor.of(3, 2), Math::max).toArray());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> a.add(Tensor.of(1, 2)));
        assertTrue(e.getMessage().startsWith("add: shapes [2, 3] and [2] cannot be broadcast"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> a.mul(Tensor.zeros(3, 2)));
        assertTrue(e.getMessage().contains("mul") && e.getMessage().contains("[3, 2]"), e.getMessage());
        // broadcasting on random shapes agrees with explicit tiling
        SplittableRandom r = new SplittableRandom(11);
        for (int trial = 0; trial < 20; trial++) {
            int p = 1 + r.nextInt(4);
            int q = 1 + r.nextInt(4);
            Tensor x = Tensor.randn(trial, p, q);
            Tensor v = Tensor.randn(trial + 50, q);
            Tensor sum = x.add(v);
            for (int i = 0; i < p; i++) {
                for (int j = 0; j < q; j++) {
                    assertEquals(x.get(i, j) + v.get(j), sum.get(i, j), 0);
                }
            }
        }
    }

    @Test
    void elementwiseFunctions() {
        Tensor x = Tensor.of(-1, 4);
        assertArrayEquals(new double[] {1, -4}, x.neg().toArray());
        assertArrayEquals(new double[] {1, 4}, x.abs().toArray());
        assertArrayEquals(new double[] {2}, Tensor.of(4).sqrt().toArray());
        assertArrayEquals(new double[] {1}, Tensor.of(0).exp().toArray());
        assertArrayEquals(new double[] {0}, Tensor.of(1).log().toArray());
        assertArrayEquals(new double[] {1, 16}, x.map(v -> v * v).toArray());
    }

    @Test
    void reductions() {
        Tensor a = m(new double[][] {{1, 5, 2}, {7, 0, 3}});
        assertEquals(18, a.sumValue());
        assertEquals(3, a.meanValue());
        assertEquals(7, a.maxValue());
        assertEquals(0, a.minValue());
        assertEquals(3, a.argmax());
        assertEquals(4, a.argmin());
        assertArrayEquals(new double[] {8, 5, 5}, a.sum(0).toArray());
        assertArrayEquals(new double[] {8, 10}, a.sum(-1).toArray());
        assertArrayEquals(new int[] {2, 1}, a.sum(1, true).shape());
        assertArrayEquals(new double[] {4, 2.5, 2.5}, a.mean(0).toArray());
        assertArrayEquals(new double[] {7, 5, 3}, a.max(0).toArray());
        assertArrayEquals(new double[] {1, 0}, a.min(1).toArray());
        assertArrayEquals(new double[] {1, 0}, a.argmax(1).toArray());
        assertArrayEquals(new double[] {0, 1, 0}, a.argmin(0).toArray());
        assertArrayEquals(new int[] {1, 3}, a.argmax(0, true).shape());
        assertEquals(1, Tensor.of(1, 3, 3).argmax()); // first of ties, as numpy
        assertTrue(Double.isNaN(Tensor.of(1, Double.NaN, 3).maxValue()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> a.sum(2));
        assertTrue(e.getMessage().contains("axis 2") && e.getMessage().contains("[2, 3]"), e.getMessage());
        // keepdims result broadcasts back against the original
        assertEquals(0, a.sub(a.max(1, true)).maxValue());
    }

    /** As in PyTorch, reducing a whole tensor gives a 0-D tensor in the graph: {@code f(x).sum().backward()}. */
    @Test
    void wholeTensorReductionsAreZeroDimensionalTensorsGradientsFlowThrough() {
        Tensor a = m(new double[][] {{1, 5, 2}, {7, 0, 3}});
        for (Tensor r : List.of(a.sum(), a.mean(), a.max(), a.min())) {
            assertArrayEquals(new int[0], r.shape());
        }
        assertEquals(18, a.sum().item());
        assertEquals(3, a.mean().item());
        assertEquals(7, a.max().item());
        assertEquals(0, a.min().item());
        Tensor w = m(new double[][] {{0.5, -1}, {2, 0.25}}).requiresGrad();
        Tensor loss = w.tanh().sum();
        loss.backward();
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                double t = Math.tanh(w.get(i, j));
                assertEquals(1 - t * t, w.grad().get(i, j), 1e-15);
            }
        }
        Tensor v = Tensor.of(1, 2, 3, 4).requiresGrad();
        v.mean().backward();
        assertArrayEquals(new double[] {0.25, 0.25, 0.25, 0.25}, v.grad().toArray());
    }

    @Test
    void emptyTensors() {
        Tensor e = Tensor.zeros(0);
        assertEquals(0, e.size());
        assertEquals(0, e.sumValue());
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, e::maxValue);
        assertEquals("argmax: empty tensor (shape [0]) has no argmax", ex.getMessage());
        ex = assertThrows(IllegalArgumentException.class, e::meanValue);
        assertTrue(ex.getMessage().contains("empty"), ex.getMessage());
        assertThrows(IllegalArgumentException.class, e::minValue);
        Tensor e2 = Tensor.zeros(2, 0);
        assertArrayEquals(new double[] {0, 0}, e2.sum(1).toArray());
        assertThrows(IllegalArgumentException.class, () -> e2.max(1));
        assertEquals(0, e2.add(Tensor.zeros(0)).size());
        assertTrue(e.toText().contains("[]"));
    }

    @Test
    void allCloseAndEquality() {
        assertTrue(Tensor.of(1, 2).allClose(Tensor.of(1 + 1e-9, 2)));
        assertFalse(Tensor.of(1, 2).allClose(Tensor.of(1.001, 2)));
        assertTrue(Tensor.of(1).allClose(Tensor.of(1.1), 0.2, 0));
        assertTrue(Tensor.of(1e-9).allClose(Tensor.of(0))); // atol 1e-8
        assertFalse(Tensor.of(Double.NaN).allClose(Tensor.of(Double.NaN)));
        assertTrue(Tensor.zeros(2, 2).allClose(Tensor.scalar(0))); // broadcasts
        assertEquals(Tensor.of(1, 2), Tensor.of(1, 2));
        assertEquals(Tensor.of(1, 2).hashCode(), Tensor.of(1, 2).hashCode());
        assertNotEquals(Tensor.of(1, 2), Tensor.of(1, 2).reshape(1, 2));
        assertNotEquals(Tensor.of(1, 2), Tensor.of(2, 1));
    }

    @Test
    void seededRandomIsReproducibleAndNormal() {
        assertEquals(Tensor.randn(42, 3, 3), Tensor.randn(42, 3, 3));
        assertNotEquals(Tensor.randn(42, 3, 3), Tensor.randn(43, 3, 3));
        Tensor z = Tensor.randn(7, 20000);
        assertEquals(0, z.meanValue(), 0.03);
        double var = z.sub(z.meanValue()).pow(2).meanValue();
        assertEquals(1, var, 0.04);
        Tensor s = Tensor.randn(7, -1.0, 2.0, new int[] {20000});
        assertEquals(-1, s.meanValue(), 0.06);
        Tensor u = Tensor.rand(3, 10000);
        assertTrue(u.minValue() >= 0 && u.maxValue() < 1);
        assertEquals(0.5, u.meanValue(), 0.02);
    }

    @Test
    void textLooksLikeNumpy() {
        assertEquals("tensor([[1., 2.],\n        [3., 4.]])", m(new double[][] {{1, 2}, {3, 4}}).toText());
        assertEquals("tensor([0.1 , 0.25])", Tensor.of(0.1, 0.25).toText());
        assertEquals("tensor(2.5)", Tensor.scalar(2.5).toText());
        assertEquals(Tensor.of(1).toText(), Tensor.of(1).toString());
        String big = Tensor.arange(2000).toText();
        assertTrue(big.contains("...") && big.contains("1999.") && big.contains("shape=[2000]"), big);
        assertTrue(big.length() < 200, big);
        String bigM = Tensor.zeros(100, 100).toText();
        assertTrue(bigM.split("\n").length < 12, bigM);
        String html = Tensor.eye(2).toHtml();
        assertTrue(html.contains("<table") && html.contains("Tensor [2, 2]"), html);
        assertTrue(Tensor.of(-1, 1).toHtml(true).contains("background:rgb(255,"));
        assertEquals("\\begin{bmatrix}1 & 2 \\\\ 3 & 4\\end{bmatrix}", m(new double[][] {{1, 2}, {3, 4}}).toLatex());
        assertEquals("\\begin{bmatrix}0.5 & 1.5\\end{bmatrix}", Tensor.of(0.5, 1.5).toLatex());
        assertNull(Tensor.zeros(13, 2).toLatex());
        assertNull(Tensor.zeros(2, 2, 2).toLatex());
        assertTrue(Tensor.zeros(2, 2, 2).toHtml().contains("[1, :, :]"));
    }
}

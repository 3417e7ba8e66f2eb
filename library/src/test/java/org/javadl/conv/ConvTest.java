package org.javadl.conv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.javadl.check.GradCheck;
import org.javadl.tensor.Tensor;
import org.junit.jupiter.api.Test;

class ConvTest {

    // ------------------------------------------------------------------ naive references (written from the definitions)

    /** Full convolution by definition: y[n] = Σ_j x[n − j] w[j], n = 0 .. N+K−2. */
    private static double[] naiveFullConvolve(double[] x, double[] w) {
        double[] y = new double[x.length + w.length - 1];
        for (int n = 0; n < y.length; n++) {
            for (int j = 0; j < w.length; j++) {
                if (n - j >= 0 && n - j < x.length) {
                    y[n] += x[n - j] * w[j];
                }
            }
        }
        return y;
    }

    /** Full correlation by definition: c[f] = Σ_j x[f + j − (K−1)] w[j]. */
    private static double[] naiveFullCorrelate(double[] x, double[] w) {
        double[] y = new double[x.length + w.length - 1];
        for (int f = 0; f < y.length; f++) {
            for (int j = 0; j < w.length; j++) {
                int i = f + j - (w.length - 1);
                if (i >= 0 && i < x.length) {
                    y[f] += x[i] * w[j];
                }
            }
        }
        return y;
    }

    private static double[] window(double[] full, int start, int len) {
        return java.util.Arrays.copyOfRange(full, start, start + len);
    }

    /** Conv2d layer by definition, with an explicitly zero-padded input. */
    private static double[][][] naiveConv2d(double[][][] x, double[][][][] w, double[] b, int s, int p, int d) {
        int c = x.length;
        int h = x[0].length;
        int wd = x[0][0].length;
        double[][][] xp = new double[c][h + 2 * p][wd + 2 * p];
        for (int ch = 0; ch < c; ch++) {
            for (int i = 0; i < h; i++) {
                System.arraycopy(x[ch][i], 0, xp[ch][i + p], p, wd);
            }
        }
        int kh = w[0][0].length;
        int kw = w[0][0][0].length;
        int oh = (h + 2 * p - d * (kh - 1) - 1) / s + 1;
        int ow = (wd + 2 * p - d * (kw - 1) - 1) / s + 1;
        double[][][] y = new double[w.length][oh][ow];
        for (int o = 0; o < w.length; o++) {
            for (int i = 0; i < oh; i++) {
                for (int j = 0; j < ow; j++) {
                    double sum = b == null ? 0 : b[o];
                    for (int ch = 0; ch < c; ch++) {
                        for (int u = 0; u < kh; u++) {
                            for (int v = 0; v < kw; v++) {
                                sum += xp[ch][i * s + u * d][j * s + v * d] * w[o][ch][u][v];
                            }
                        }
                    }
                    y[o][i][j] = sum;
                }
            }
        }
        return y;
    }

    private static double[] rand(SplittableRandom r, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = r.nextInt(-5, 6); // small integers: results are exact, so comparisons can be exact
        }
        return v;
    }

    // ------------------------------------------------------------------ 1-D modes

    @Test
    void smallExampleByHand() {
        double[] x = {1, 2, 3, 4};
        double[] w = {1, 0, 2};
        // y[n] = Σ x[n−j] w[j]: y0 = 1·1; y1 = 2·1 + 1·0; y2 = 3·1 + 2·0 + 1·2; y3 = 4 + 0 + 2·2; y4 = 3·2; y5 = 4·2
        assertArrayEquals(new double[] {1, 2, 5, 8, 6, 8}, Conv1d.convolve(x, w, Mode.FULL));
        assertArrayEquals(new double[] {5, 8}, Conv1d.convolve(x, w, Mode.VALID));
        assertArrayEquals(new double[] {2, 5, 8, 6}, Conv1d.convolve(x, w, Mode.SAME));
        // correlation: c[n] = Σ x[n + j] w[j]: valid c0 = 1 + 0 + 3·2 = 7, c1 = 2 + 0 + 4·2 = 10
        assertArrayEquals(new double[] {7, 10}, Conv1d.correlate(x, w, Mode.VALID));
        assertEquals(Tensor.of(1, 2, 5, 8, 6, 8), Conv1d.convolve(Tensor.of(x), Tensor.of(w), Mode.FULL));
        assertArrayEquals(new double[] {3, 2, 1}, Conv1d.flip(new double[] {1, 2, 3}));
    }

    @Test
    void sameModeMatchesNumpyForEvenKernelsAndLongKernels() {
        // Values printed by numpy 1.24 (np.convolve / np.correlate with mode='same').
        double[] x = {1, 2, 3, 4};
        assertArrayEquals(new double[] {1, 4, 7, 10}, Conv1d.convolve(x, new double[] {1, 2}, Mode.SAME));
        assertArrayEquals(new double[] {12, 123, 1234, 2340}, Conv1d.convolve(x, new double[] {1, 10, 100, 1000}, Mode.SAME));
        assertArrayEquals(new double[] {4, 10, 20, 30, 40, 43}, Conv1d.convolve(x, new double[] {1, 2, 3, 4, 5, 6}, Mode.SAME));
        assertArrayEquals(new double[] {2, 5, 8, 11}, Conv1d.correlate(x, new double[] {1, 2}, Mode.SAME));
        assertArrayEquals(new double[] {32, 50, 40, 30, 20, 11},
                Conv1d.correlate(x, new double[] {1, 2, 3, 4, 5, 6}, Mode.SAME));
        assertArrayEquals(new double[] {1, 12, 120, 1200},
                Conv1d.convolve(new double[] {1, 2}, new double[] {1, 10, 100, 1000}, Mode.SAME));
        assertArrayEquals(new double[] {2100, 3210, 321, 32},
                Conv1d.correlate(new double[] {1, 2, 3}, new double[] {1, 10, 100, 1000}, Mode.SAME));
    }

    @Test
    void modesMatchNaiveOnRandomShapes() {
        SplittableRandom r = new SplittableRandom(1);
        for (int trial = 0; trial < 300; trial++) {
            int n = 1 + r.nextInt(40);
            int k = 1 + r.nextInt(12);
            double[] x = rand(r, n);
            double[] w = rand(r, k);
            double[] fullConv = naiveFullConvolve(x, w);
            double[] fullCorr = naiveFullCorrelate(x, w);
            assertArrayEquals(fullConv, Conv1d.convolve(x, w, Mode.FULL));
            assertArrayEquals(fullCorr, Conv1d.correlate(x, w, Mode.FULL));
            if (k <= n) {
                assertArrayEquals(window(fullConv, k - 1, n - k + 1), Conv1d.convolve(x, w, Mode.VALID));
                assertArrayEquals(window(fullCorr, k - 1, n - k + 1), Conv1d.correlate(x, w, Mode.VALID));
            }
            // SAME, numpy's rule: length max(n, k); the centre of the full output, with the extra element
            // (for an even shorter length m) kept on the left for convolve
            int m = Math.min(n, k);
            int len = Math.max(n, k);
            assertArrayEquals(window(fullConv, (m - 1) / 2, len), Conv1d.convolve(x, w, Mode.SAME), "n=" + n + " k=" + k);
            int corrStart = n >= k ? (k - 1) / 2 : n / 2;
            assertArrayEquals(window(fullCorr, corrStart, len), Conv1d.correlate(x, w, Mode.SAME), "n=" + n + " k=" + k);
            // convolution = correlation with the flipped kernel
            assertArrayEquals(Conv1d.correlate(x, Conv1d.flip(w), Mode.FULL), Conv1d.convolve(x, w, Mode.FULL));
        }
        // long inputs cross the blocked interior path
        double[] x = rand(r, 5000);
        double[] w = rand(r, 7);
        assertArrayEquals(naiveFullConvolve(x, w), Conv1d.convolve(x, w, Mode.FULL));
    }

    @Test
    void layerStyle1dMatchesNaive() {
        SplittableRandom r = new SplittableRandom(2);
        for (int trial = 0; trial < 200; trial++) {
            int n = 1 + r.nextInt(30);
            int k = 1 + r.nextInt(6);
            int s = 1 + r.nextInt(3);
            int p = r.nextInt(4);
            int d = 1 + r.nextInt(3);
            if (d * (k - 1) + 1 > n + 2 * p) {
                continue;
            }
            double[] x = rand(r, n);
            double[] w = rand(r, k);
            double[] xp = new double[n + 2 * p];
            System.arraycopy(x, 0, xp, p, n);
            int out = (n + 2 * p - d * (k - 1) - 1) / s + 1;
            double[] expected = new double[out];
            for (int o = 0; o < out; o++) {
                for (int j = 0; j < k; j++) {
                    expected[o] += xp[o * s + j * d] * w[j];
                }
            }
            assertArrayEquals(expected, Conv1d.correlate(x, w, s, p, d));
        }
    }

    @Test
    void badArgumentsHaveClearMessages() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Conv1d.convolve(new double[] {1, 2}, new double[] {1, 2, 3}, Mode.VALID));
        assertEquals("convolve: kernel of length 3 is longer than the input of length 2 in VALID mode (no complete overlap)",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Conv1d.convolve(new double[0], new double[] {1}, Mode.FULL));
        assertEquals("convolve: empty input (length 0)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Conv1d.correlate(new double[] {1, 2}, new double[] {1}, -1, 0, 1));
        assertEquals("conv1d: stride must be positive, got -1", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ConvShapes.outputSize(5, 3, 0, 0, 1));
        assertTrue(e.getMessage().contains("stride must be positive, got 0"));
        e = assertThrows(IllegalArgumentException.class, () -> ConvShapes.outputSize(4, 3, 1, 0, 2));
        assertTrue(e.getMessage().contains("larger than the padded input"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Conv2d.forward(Tensor.zeros(3, 8, 8), Tensor.zeros(4, 2, 3, 3), null, 1, 0, 1));
        assertEquals("conv2d: input shape [3, 8, 8] has 3 channels but kernels [4, 2, 3, 3] expect 2", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Conv2d.forward(Tensor.zeros(3, 8, 8), Tensor.zeros(4, 3, 3, 3), Tensor.zeros(5), 1, 0, 1));
        assertTrue(e.getMessage().contains("bias shape [5]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Conv1d.convolve(Tensor.zeros(2, 2), Tensor.zeros(2), Mode.FULL));
        assertTrue(e.getMessage().contains("[2, 2]"));
        assertThrows(IllegalArgumentException.class, () -> MaxPool2d.apply(Tensor.zeros(3, 3), 4));
    }

    // ------------------------------------------------------------------ 2-D

    @Test
    void conv2dLayerMatchesNaiveOnRandomSettings() {
        SplittableRandom r = new SplittableRandom(3);
        int checked = 0;
        for (int trial = 0; trial < 150; trial++) {
            int c = 1 + r.nextInt(3);
            int o = 1 + r.nextInt(3);
            int h = 1 + r.nextInt(9);
            int wd = 1 + r.nextInt(9);
            int kh = 1 + r.nextInt(4);
            int kw = kh;
            int s = 1 + r.nextInt(3);
            int p = r.nextInt(3);
            int d = 1 + r.nextInt(2);
            if (d * (kh - 1) + 1 > Math.min(h, wd) + 2 * p) {
                continue;
            }
            Tensor x = Tensor.of(rand(r, c * h * wd), c, h, wd);
            Tensor w = Tensor.of(rand(r, o * c * kh * kw), o, c, kh, kw);
            Tensor b = r.nextBoolean() ? Tensor.of(rand(r, o)) : null;
            double[][][][] w4 = new double[o][c][][];
            for (int i = 0; i < o; i++) {
                w4[i] = w.row(i).toArray3d();
            }
            Tensor expected = Tensor.of(naiveConv2d(x.toArray3d(), w4, b == null ? null : b.toArray(), s, p, d));
            assertEquals(expected, Conv2d.forward(x, w, b, s, p, d), "c=" + c + " h=" + h + " w=" + wd + " k=" + kh
                    + " s=" + s + " p=" + p + " d=" + d);
            checked++;
        }
        assertTrue(checked > 50);
    }

    @Test
    void conv2dLayerMatchesNaiveOnLargePlanes() {
        // Output planes wider than the 256-pixel strips of the im2col kernel, strips starting mid-row.
        SplittableRandom r = new SplittableRandom(11);
        int[][] settings = { // c, o, h, w, k, s, p, d
            {3, 5, 40, 37, 3, 1, 1, 1}, {3, 4, 64, 64, 8, 2, 3, 1}, {2, 3, 50, 45, 3, 1, 2, 2}, {4, 1, 33, 70, 5, 3, 4, 1},
            {1, 2, 30, 29, 1, 1, 0, 1}};
        for (int[] st : settings) {
            int c = st[0], o = st[1], h = st[2], wd = st[3], k = st[4], s = st[5], p = st[6], d = st[7];
            Tensor x = Tensor.of(rand(r, c * h * wd), c, h, wd);
            Tensor w = Tensor.of(rand(r, o * c * k * k), o, c, k, k);
            Tensor b = Tensor.of(rand(r, o));
            double[][][][] w4 = new double[o][c][][];
            for (int i = 0; i < o; i++) {
                w4[i] = w.row(i).toArray3d();
            }
            assertEquals(Tensor.of(naiveConv2d(x.toArray3d(), w4, b.toArray(), s, p, d)), Conv2d.forward(x, w, b, s, p, d),
                    java.util.Arrays.toString(st));
        }
    }

    @Test
    void conv2dModesAgreeWith1dOnSeparableCases() {
        // A 1×k kernel on a 1×n image is the 1-D operation.
        SplittableRandom r = new SplittableRandom(4);
        for (int trial = 0; trial < 50; trial++) {
            int n = 1 + r.nextInt(12);
            int k = 1 + r.nextInt(5);
            double[] x = rand(r, n);
            double[] w = rand(r, k);
            for (Mode mode : Mode.values()) {
                if (mode == Mode.VALID && k > n) {
                    continue;
                }
                assertArrayEquals(Conv1d.convolve(x, w, mode),
                        Conv2d.convolve(Tensor.of(x, 1, n), Tensor.of(w, 1, k), mode).toArray(), mode + " n=" + n + " k=" + k);
                assertArrayEquals(Conv1d.correlate(x, w, mode),
                        Conv2d.correlate(Tensor.of(x, n, 1), Tensor.of(w, k, 1), mode).toArray());
            }
        }
        // 2-D full convolution by definition on a small case: y[a,b] = Σ x[a−i, b−j] w[i, j]
        Tensor x = Tensor.of(new double[][] {{1, 2}, {3, 4}});
        Tensor w = Tensor.of(new double[][] {{0, 1}, {1, 0}});
        assertEquals(Tensor.of(new double[][] {{0, 1, 2}, {1, 5, 4}, {3, 4, 0}}), Conv2d.convolve(x, w, Mode.FULL));
        assertEquals(Tensor.of(new double[][] {{4, 3}, {2, 1}}), Conv2d.flip(x));
        // multi-channel mode form sums over channels
        Tensor xc = Tensor.stack(x, x);
        Tensor wc = Tensor.stack(w, w).reshape(1, 2, 2, 2);
        assertEquals(Conv2d.convolve(x, w, Mode.VALID).mul(2).reshape(1, 1, 1), Conv2d.convolve(xc, wc, Mode.VALID));
    }

    @Test
    void maxPoolValuesAndIndices() {
        Tensor x = Tensor.of(new double[][] {{1, 5, 2, 0}, {3, 4, 8, 1}, {0, 0, 1, 1}, {9, 0, 1, 2}});
        MaxPool2d mp = MaxPool2d.apply(x, 2);
        assertEquals(Tensor.of(new double[][] {{5, 8}, {9, 2}}), mp.output());
        assertEquals(Tensor.of(new double[][] {{1, 6}, {12, 15}}), mp.indices());
        MaxPool2d overlap = MaxPool2d.apply(x, 3, 1);
        assertEquals(Tensor.of(new double[][] {{8, 8}, {9, 8}}), overlap.output());
        assertArrayEquals(new int[] {2, 2, 2}, MaxPool2d.apply(Tensor.stack(x, x), 2).output().shape());
    }

    // ------------------------------------------------------------------ gradients (homework 001, question 5)

    @Test
    void gradientIdentitiesForValidAndFullConvolutions() {
        SplittableRandom r = new SplittableRandom(6);
        for (int trial = 0; trial < 40; trial++) {
            int d = 4 + r.nextInt(10);
            int k = 1 + r.nextInt(4);
            Tensor x = Tensor.randn(trial, d);
            Tensor w = Tensor.randn(trial + 100, k);
            Tensor gValid = Tensor.randn(trial + 200, d - k + 1);
            Tensor gFull = Tensor.randn(trial + 300, d + k - 1);
            // L = <g, a> makes ∇_a L = g, so the numeric gradient of L checks the formulas
            GradCheck validX = GradCheck.check(t -> Conv1d.correlate(t, w, Mode.VALID).dot(gValid),
                    t -> ConvGradients.validInputGradient(gValid, w), x);
            assertTrue(validX.passed(), validX.toText());
            GradCheck validW = GradCheck.check(t -> Conv1d.correlate(x, t, Mode.VALID).dot(gValid),
                    t -> ConvGradients.validKernelGradient(x, gValid), w);
            assertTrue(validW.passed(), validW.toText());
            GradCheck fullX = GradCheck.check(t -> Conv1d.correlate(t, w, Mode.FULL).dot(gFull),
                    t -> ConvGradients.fullInputGradient(gFull, w), x);
            assertTrue(fullX.passed(), fullX.toText());
            GradCheck fullW = GradCheck.check(t -> Conv1d.correlate(x, t, Mode.FULL).dot(gFull),
                    t -> ConvGradients.fullKernelGradient(x, gFull), w);
            assertTrue(fullW.passed(), fullW.toText());
            // the formulas agree with the generic adjoint
            ConvGradients.Gradients gv = ConvGradients.correlateBackward(x, w, Mode.VALID, gValid);
            assertTrue(gv.input().allClose(ConvGradients.validInputGradient(gValid, w), 1e-12, 1e-12));
            assertTrue(gv.kernel().allClose(ConvGradients.validKernelGradient(x, gValid), 1e-12, 1e-12));
            ConvGradients.Gradients gf = ConvGradients.correlateBackward(x, w, Mode.FULL, gFull);
            assertTrue(gf.input().allClose(ConvGradients.fullInputGradient(gFull, w), 1e-12, 1e-12));
            assertTrue(gf.kernel().allClose(ConvGradients.fullKernelGradient(x, gFull), 1e-12, 1e-12));
            // generic adjoint of a flipped (numpy) convolution in SAME mode, checked numerically
            Tensor gSame = Tensor.randn(trial + 400, Math.max(d, k));
            ConvGradients.Gradients gs = ConvGradients.backward(x, w, Mode.SAME, true, gSame);
            assertTrue(GradCheck.check(t -> Conv1d.convolve(t, w, Mode.SAME).dot(gSame), t -> gs.input(), x).passed());
            assertTrue(GradCheck.check(t -> Conv1d.convolve(x, t, Mode.SAME).dot(gSame), t -> gs.kernel(), w).passed());
        }
        // |a²| for two stacked valid layers is d − k1 − k2 + 2, for full ones d + k1 + k2 − 2
        Tensor x = Tensor.randn(1, 10);
        Tensor w1 = Tensor.randn(2, 3);
        Tensor w2 = Tensor.randn(3, 4);
        assertEquals(10 - 3 - 4 + 2, Conv1d.correlate(Conv1d.correlate(x, w1, Mode.VALID), w2, Mode.VALID).size());
        assertEquals(10 + 3 + 4 - 2, Conv1d.correlate(Conv1d.correlate(x, w1, Mode.FULL), w2, Mode.FULL).size());
    }

    // ------------------------------------------------------------------ layer stacks and steps

    @Test
    void layerIndicesMatchTheTableRows() {
        // Regression: the table numbers the input 0 and the layers 1..n, but layer(i) used to count the
        // layers from 0, so the table's "3 conv" row was layer(2) and layer(3) threw ArrayIndexOutOfBounds.
        LayerStack net = LayerStack.input(3, 128, 128).conv(32, 8, 2, 3, 1).maxPool(2).conv(64, 3, 1, 1, 1);
        assertEquals(3, net.depth());
        String[] lines = net.toText().split("\n");
        assertEquals(5, lines.length, net.toText());
        for (int i = 0; i <= net.depth(); i++) {
            String[] cells = lines[i + 1].trim().split("\\s{2,}");
            assertEquals(String.valueOf(i), cells[0], lines[i + 1]);
            assertEquals(net.layer(i).kind(), cells[1], lines[i + 1]);
            String shape = java.util.Arrays.toString(net.layer(i).shape()).replace('[', '(').replace(']', ')');
            assertTrue(lines[i + 1].contains(shape), lines[i + 1] + " vs " + shape);
        }
        assertEquals("input", net.layer(0).kind());
        assertArrayEquals(new int[] {3, 128, 128}, net.layer(0).shape());
        assertEquals(3L * 128 * 128, net.layer(0).outputSize());
        assertEquals(0, net.layer(0).params());
        assertEquals(1, net.layer(0).receptiveField());
        assertEquals("conv", net.layer(3).kind());
        assertArrayEquals(new int[] {64, 32, 32}, net.layer(3).shape());
        assertEquals(net.layers().get(2), net.layer(3));
        IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class, () -> net.layer(4));
        assertTrue(e.getMessage().contains("layer(4)") && e.getMessage().contains("0 (the input) to 3"), e.getMessage());
        assertThrows(IndexOutOfBoundsException.class, () -> net.layer(-1));
        assertThrows(IndexOutOfBoundsException.class, () -> LayerStack.input(1, 4, 4).layer(1));
    }

    @Test
    void layerStackShapesParamsAndReceptiveFields() {
        LayerStack net = LayerStack.input(3, 128, 128).conv(32, 8, 2, 3, 1).maxPool(2).conv(64, 3, 1, 1, 1);
        // by hand: (128 + 6 − 8)/2 + 1 = 64; pool 64/2 = 32; (32 + 2 − 3)/1 + 1 = 32
        assertArrayEquals(new int[] {32, 64, 64}, net.layer(1).shape());
        assertArrayEquals(new int[] {32, 32, 32}, net.layer(2).shape());
        assertArrayEquals(new int[] {64, 32, 32}, net.outputShape());
        assertEquals(64L * 32 * 32, net.layer(3).outputSize());
        assertEquals(64L * 32 * 3 * 3, net.layer(3).paramsWithoutBias());
        assertEquals(64L * 32 * 3 * 3 + 64, net.layer(3).params());
        assertEquals(32L * 3 * 8 * 8, net.layer(1).paramsWithoutBias());
        assertEquals(0, net.layer(2).params());
        // receptive field: 1 + 7·1 = 8 (jump 2); + 1·2 = 10 (jump 4); + 2·4 = 18
        assertArrayEquals(new int[] {8, 10, 18}, net.receptiveFields());
        assertTrue(net.toText().contains("(64, 32, 32)"), net.toText());
        assertTrue(net.toHtml().contains("<table"));
        // the same shapes from the real layers on a zero input
        Tensor y = Conv2d.forward(Tensor.zeros(3, 128, 128), Tensor.zeros(32, 3, 8, 8), null, 2, 3, 1);
        y = MaxPool2d.apply(y, 2).output();
        y = Conv2d.forward(y, Tensor.zeros(64, 32, 3, 3), null, 1, 1, 1);
        assertArrayEquals(net.outputShape(), y.shape());

        // 1-D receptive fields: three k=3 layers 3, 5, 7; k=7 layers 7, 13, 19 (r grows by k − 1 per layer)
        assertArrayEquals(new int[] {3, 5, 7}, LayerStack.receptiveFields(new int[] {3, 3, 3}, new int[] {1, 1, 1},
                new int[] {1, 1, 1}));
        assertArrayEquals(new int[] {7, 13, 19}, LayerStack.receptiveFields(new int[] {7, 7, 7}, new int[] {1, 1, 1},
                new int[] {1, 1, 1}));
        // k5 s2 → 5 (jump 2); k3 → 5 + 2·2 = 9; k5 d2 → 9 + 2·4·2 = 25
        assertArrayEquals(new int[] {5, 9, 25}, LayerStack.receptiveFields(new int[] {5, 3, 5}, new int[] {2, 1, 1},
                new int[] {1, 1, 2}));
        LayerStack oneD = LayerStack.input1d(1, 100).conv(4, 5, 2, 2, 1).conv(4, 3).conv(8, 5, 1, 0, 2);
        assertArrayEquals(new int[] {5, 9, 25}, oneD.receptiveFields());
        assertEquals(8L * 4 * 5, oneD.layer(3).paramsWithoutBias());
        assertArrayEquals(new int[] {8, 40}, oneD.outputShape()); // 50 → 48 → 40
        assertThrows(IllegalArgumentException.class, () -> LayerStack.input(3, 4, 4).conv(8, 7));
    }

    @Test
    void convolutionStepsExplainEachOutput() {
        ConvolutionSteps st = ConvolutionSteps.convolve(Tensor.of(1, 2, 3, 4), Tensor.of(1, 0, 2), Mode.VALID);
        assertEquals(Tensor.of(Conv1d.convolve(new double[] {1, 2, 3, 4}, new double[] {1, 0, 2}, Mode.VALID)), st.output());
        assertEquals(3, st.terms(0).size());
        String text = st.toText();
        assertTrue(text.contains("y[0] = x[0]·w[2] + x[1]·w[1] + x[2]·w[0] = 1·2 + 2·0 + 3·1 = 5"), text);
        assertTrue(st.toHtml().contains("<table"));
        assertTrue(st.toLatex().contains("y_{1} &= x_{1} \\cdot w_{2}"), st.toLatex());
        SplittableRandom r = new SplittableRandom(9);
        for (int trial = 0; trial < 30; trial++) {
            double[] x = rand(r, 1 + r.nextInt(10));
            double[] w = rand(r, 1 + r.nextInt(4));
            for (Mode mode : new Mode[] {Mode.FULL, Mode.SAME}) {
                ConvolutionSteps s = ConvolutionSteps.correlate(Tensor.of(x), Tensor.of(w), mode);
                assertArrayEquals(Conv1d.correlate(x, w, mode), s.output().toArray());
                for (int n = 0; n < s.size(); n++) {
                    double sum = s.terms(n).stream().mapToDouble(t -> t.input() * t.weight()).sum();
                    assertEquals(s.output().get(n), sum, 0);
                }
            }
        }
    }
}

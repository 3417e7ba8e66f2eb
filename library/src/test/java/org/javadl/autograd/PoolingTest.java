package org.javadl.autograd;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;

import org.javadl.conv.MaxPool2d;
import org.javadl.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * Max pooling's choice of element (the one its gradient goes to) on data full of ties, zeros of both
 * signs, infinities and NaN, against the homework's plain {@link MaxPool2d} (first maximum, NaN wins).
 */
class PoolingTest {
    private static Tensor awkward(long seed, int c, int h, int w, boolean special) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] pool = special ? new double[] {0.0, -0.0, 1, 1, 2, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
            Double.NaN, -3} : new double[] {0.0, 0.0, 1, 1, 2, -1, -3, 0.5};
        double[] d = new double[c * h * w];
        for (int i = 0; i < d.length; i++) {
            d[i] = r.nextInt(3) == 0 ? r.nextDouble() : pool[r.nextInt(pool.length)];
        }
        return Tensor.of(d, c, h, w);
    }

    @Test
    void choosesTheFirstMaximumAsThePlainLoopDoes() {
        for (int seed = 0; seed < 40; seed++) {
            boolean special = seed % 2 == 1; // odd seeds take the general path, even ones the 2×2 fast path
            Tensor x = awkward(seed, 3, 6 + seed % 3, 7 + seed % 2, special);
            for (int[] ks : new int[][] {{2, 2}, {3, 2}, {2, 1}}) {
                Tensor expected = MaxPool2d.apply(x, ks[0], ks[1]).indices();
                Tensor got = Pooling.maxPool2dIndices(x, ks[0], ks[1], 0);
                assertEquals(expected, got, "seed " + seed + " kernel " + ks[0] + " stride " + ks[1]);
                Tensor values = Pooling.maxPool2d(x, ks[0], ks[1], 0);
                assertEquals(MaxPool2d.apply(x, ks[0], ks[1]).output(), values);
            }
        }
    }

    @Test
    void theGradientGoesToTheChosenElement() {
        Tensor x = Tensor.of(new double[] {1, 3, 3, 0, /* */ 0, 0, 0, 0, /* */ 2, 2, 5, 4, /* */ 2, 2, 5, 4}, 1, 4, 4)
                .requiresGrad();
        Pooling.maxPool2d(x, 2, 2, 0).sumAll().backward();
        assertEquals(Tensor.of(new double[] {0, 1, 1, 0, 0, 0, 0, 0, 1, 0, 1, 0, 0, 0, 0, 0}, 1, 4, 4), x.grad());
    }
}

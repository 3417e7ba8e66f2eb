package org.javadl.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;

class DataTest {

    @Test
    void normalIsTheDocumentedRandomSequence() {
        Random r = new Random(42);
        double[] expected = new double[5];
        for (int i = 0; i < 5; i++) {
            expected[i] = 3 + 2 * r.nextGaussian();
        }
        assertArrayEquals(expected, Data.normal(42, 5, 3, 2));
        assertArrayEquals(Data.normal(7, 100, 0, 1), Data.normal(7, 100, 0, 1));
    }

    @Test
    void normalHasRoughlyTheRightMoments() {
        double[] v = Data.normal(1, 100_000, -1, 2);
        double m = 0;
        for (double d : v) {
            m += d / v.length;
        }
        double s = 0;
        for (double d : v) {
            s += (d - m) * (d - m) / (v.length - 1);
        }
        assertEquals(-1, m, 0.03);
        assertEquals(2, Math.sqrt(s), 0.03);
    }

    @Test
    void twoClassIsTenPointsOfEachClassFromOneGenerator() {
        LabelledData d = Data.twoClass(5);
        assertEquals(20, d.size());
        assertEquals(1, d.dimension());
        Random r = new Random(5);
        for (int i = 0; i < 20; i++) {
            double mean = i < 10 ? -1 : 1;
            assertEquals(mean + r.nextGaussian(), d.x(i, 0));
            assertEquals(i < 10 ? 0 : 1, d.y(i));
        }
    }

    @Test
    void badArguments() {
        assertThrows(IllegalArgumentException.class, () -> Data.normal(1, -1, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> Data.normal(1, 3, 0, -1));
        assertThrows(IllegalArgumentException.class, () -> Data.twoClass(1, 0, -1, 1, 1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LabelledData.of(new double[] {1, 2}, new double[] {1}));
        assertEquals("x has 2 points but y has 1 targets", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> LabelledData.of(new double[0], new double[0]));
        assertThrows(IllegalArgumentException.class,
                () -> LabelledData.of(new double[][] {{1, 2}, {3}}, new double[] {0, 1}));
    }
}

package org.javadl.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.javadl.tensor.Tensor;
import org.junit.jupiter.api.Test;

class DatasetsTest {
    private static int[] counts(Tensor labels, int classes) {
        int[] c = new int[classes];
        for (double v : labels.toArray()) {
            c[(int) v]++;
        }
        return c;
    }

    @Test
    void digitsAreTheUciSet() {
        Dataset d = Datasets.digits();
        assertEquals(1797, d.size());
        assertArrayEquals(new int[] {1797, 64}, d.features().shape());
        assertEquals(0, d.features().minValue());
        assertEquals(16, d.features().maxValue());
        // the class sizes and the first image of scikit-learn's load_digits()
        assertArrayEquals(new int[] {178, 182, 177, 183, 181, 182, 181, 179, 174, 180}, counts(d.targets(), 10));
        assertArrayEquals(new double[] {0, 0, 5, 13, 9, 1, 0, 0}, d.features().row(0).slice(0, 8).toArray());
        assertEquals(0, d.targets().get(0));
        assertEquals(10, d.classes());
        assertArrayEquals(new int[] {1797, 1, 8, 8}, d.reshaped(1, 8, 8).features().shape());
        assertTrue(d.toText().contains("UCI digits: 1797 examples"), d.toText());
    }

    @Test
    void irisIsFishers() {
        Dataset d = Datasets.iris();
        assertEquals(150, d.size());
        assertArrayEquals(new double[] {5.1, 3.5, 1.4, 0.2}, d.features().row(0).toArray());
        assertArrayEquals(new int[] {50, 50, 50}, counts(d.targets(), 3));
        assertEquals("setosa", d.classNames()[0]);
        String text = d.toText();
        assertTrue(text.contains("petal width (cm)") && text.contains("0 (setosa)") && text.contains("140 more rows"),
                text);
    }

    @Test
    void syntheticSetsAreSeeded() {
        Dataset m = Datasets.twoMoons(200, 0.1, 3);
        assertArrayEquals(new int[] {200, 2}, m.features().shape());
        assertArrayEquals(new int[] {100, 100}, counts(m.targets(), 2));
        assertEquals(m.features(), Datasets.twoMoons(200, 0.1, 3).features());
        assertNotEquals(m.features(), Datasets.twoMoons(200, 0.1, 4).features());
        // without noise, the first moon lies on the unit circle
        Tensor clean = Datasets.twoMoons(10, 0, 0).features().slice(0, 5);
        assertTrue(clean.pow(2).sum(1).allClose(Tensor.ones(5), 1e-12, 1e-12));
        Dataset s = Datasets.spirals(50, 3, 0.2, 1);
        assertArrayEquals(new int[] {50, 50, 50}, counts(s.targets(), 3));
        assertTrue(s.features().abs().maxValue() <= 1);
        Dataset b = Datasets.blobs(90, 3, 0.5, 2);
        assertArrayEquals(new int[] {30, 30, 30}, counts(b.targets(), 3));
    }

    @Test
    void imageGridDrawsEveryImageWithItsCaption() {
        Dataset d = Datasets.digits();
        ImageGrid g = ImageGrid.predictions(d.features().slice(0, 12), d.targets().slice(0, 12),
                d.targets().slice(0, 12).map(v -> v == 3 ? 8 : v), 6);
        String svg = g.toSvg();
        assertTrue(svg.startsWith("<svg") && svg.endsWith("</svg>"));
        assertEquals(12, svg.split("<text").length - 1);
        assertTrue(svg.contains(">3 → 8</text>") && svg.contains("#c62828"), "the wrong one is red");
        assertTrue(g.toText().startsWith("12 images of 8×8"));
        assertThrows(IllegalArgumentException.class, () -> ImageGrid.of(Tensor.zeros(3, 5), Tensor.zeros(3), 2));
    }
}

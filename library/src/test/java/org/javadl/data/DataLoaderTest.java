package org.javadl.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;

import org.javadl.tensor.Tensor;
import org.junit.jupiter.api.Test;

class DataLoaderTest {
    private static Dataset numbers(int n) {
        return new Dataset("numbers", Tensor.arange(n).reshape(n, 1), Tensor.arange(n).mul(10));
    }

    private static List<Double> order(List<DataLoader.Batch> epoch) {
        List<Double> seen = new ArrayList<>();
        for (DataLoader.Batch b : epoch) {
            for (int i = 0; i < b.x().dim(0); i++) {
                seen.add(b.x().get(i, 0));
                assertEquals(b.x().get(i, 0) * 10, b.y().get(i)); // features and targets stay paired
            }
        }
        return seen;
    }

    @Test
    void everyExampleOncePerEpochInANewSeededOrder() {
        DataLoader loader = new DataLoader(numbers(10), 4, true, 1);
        assertEquals(3, loader.batches());
        List<DataLoader.Batch> e1 = loader.epoch();
        assertEquals(List.of(4, 4, 2), e1.stream().map(b -> b.x().dim(0)).toList());
        List<Double> first = order(e1);
        List<Double> second = order(loader.epoch());
        assertEquals(45.0, first.stream().mapToDouble(Double::doubleValue).sum());
        assertEquals(45.0, second.stream().mapToDouble(Double::doubleValue).sum());
        assertEquals(10, first.stream().distinct().count());
        assertNotEquals(first, second);
        assertEquals(first, order(new DataLoader(numbers(10), 4, true, 1).epoch()));
        assertEquals(List.of(0.0, 1.0, 2.0, 3.0, 4.0), order(new DataLoader(numbers(5), 2, false, 0).epoch()));
    }

    @Test
    void seededSplit() {
        Dataset.Split s = numbers(100).split(0.2, 3);
        assertEquals(80, s.train().size());
        assertEquals(20, s.test().size());
        assertEquals(4950.0, s.train().features().sumValue() + s.test().features().sumValue());
        assertEquals(s.test().features(), numbers(100).split(0.2, 3).test().features());
        assertThrows(IllegalArgumentException.class, () -> numbers(5).split(1.0, 0));
        assertThrows(IllegalArgumentException.class, () -> new Dataset("bad", Tensor.zeros(3, 2), Tensor.zeros(4)));
        Dataset z = s.train().standardized(s.train());
        assertEquals(0, z.features().meanValue(), 1e-12);
    }
}

package org.javadl.data;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.SplittableRandom;

import org.javadl.tensor.Tensor;

/**
 * Minibatches of a {@link Dataset} (PyTorch's {@code DataLoader}): each pass ({@code for (var b : loader)})
 * is one epoch of batches of {@code batchSize} examples (the last may be smaller), in a new random order
 * each epoch when shuffling. The order comes from a generator seeded once, so epoch k is the same on every
 * run. Example: {@code for (Batch b : new DataLoader(train, 32, true, 0)) { ... b.x() ... b.y() ... }}.
 */
public final class DataLoader implements Iterable<DataLoader.Batch> {
    /** One minibatch: features and targets. */
    public record Batch(Tensor x, Tensor y) {
    }

    private final Dataset data;
    private final int batchSize;
    private final boolean shuffle;
    private final SplittableRandom rng;

    /** Batches of {@code batchSize}, reshuffled every epoch from {@code seed} if {@code shuffle}. */
    public DataLoader(Dataset data, int batchSize, boolean shuffle, long seed) {
        if (batchSize <= 0) {
            throw new IllegalArgumentException("DataLoader: batch size must be positive, got " + batchSize);
        }
        this.data = data;
        this.batchSize = batchSize;
        this.shuffle = shuffle;
        this.rng = new SplittableRandom(seed);
    }

    /** The number of batches per epoch. */
    public int batches() {
        return (data.size() + batchSize - 1) / batchSize;
    }

    /** The data set. */
    public Dataset dataset() {
        return data;
    }

    /** The next epoch's batches (drawing the next order when shuffling). */
    public List<Batch> epoch() {
        int n = data.size();
        int[] order = shuffle ? Dataset.permutation(n, rng) : identity(n);
        List<Batch> out = new ArrayList<>();
        for (int start = 0; start < n; start += batchSize) {
            int[] idx = java.util.Arrays.copyOfRange(order, start, Math.min(n, start + batchSize));
            out.add(new Batch(data.features().take(0, idx), data.targets().take(0, idx)));
        }
        return out;
    }

    private static int[] identity(int n) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        return p;
    }

    @Override
    public Iterator<Batch> iterator() {
        return epoch().iterator();
    }
}

package org.javadl.bench;

import java.util.concurrent.TimeUnit;

import org.javadl.conv.Conv1d;
import org.javadl.conv.Conv2d;
import org.javadl.conv.MaxPool2d;
import org.javadl.conv.Mode;
import org.javadl.tensor.Tensor;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The library's hot paths, with the same sizes as benchmarks/numpy_bench.py:
 * matmul 256×256, 1-D valid convolution n = 10⁶ / k = 5, and the forward pass of homework 001's
 * network (3×128×128 → conv 32@8×8 s2 p3 → maxpool 2 → conv 64@3×3 p1). Single-threaded.
 */
@State(Scope.Benchmark)
@BenchmarkMode(org.openjdk.jmh.annotations.Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class LibraryBench {
    private Tensor a;
    private Tensor b;
    private double[] signal;
    private double[] kernel5;
    private Tensor signalTensor;
    private Tensor kernel5Tensor;
    private Tensor image;
    private Tensor w1;
    private Tensor b1;
    private Tensor w3;
    private Tensor b3;

    @Setup
    public void setup() {
        a = Tensor.randn(1, 256, 256);
        b = Tensor.randn(2, 256, 256);
        signal = Tensor.randn(3, 1_000_000).toArray();
        kernel5 = Tensor.randn(4, 5).toArray();
        signalTensor = Tensor.of(signal);
        kernel5Tensor = Tensor.of(kernel5);
        image = Tensor.randn(5, 3, 128, 128);
        w1 = Tensor.randn(6, 32, 3, 8, 8);
        b1 = Tensor.randn(7, 32);
        w3 = Tensor.randn(8, 64, 32, 3, 3);
        b3 = Tensor.randn(9, 64);
    }

    @Benchmark
    public Tensor matmul256() {
        return a.matmul(b);
    }

    /** numpy.convolve(x, w, 'valid') on raw arrays. */
    @Benchmark
    public double[] conv1dValidArray() {
        return Conv1d.convolve(signal, kernel5, Mode.VALID);
    }

    /** The same through immutable tensors (adds a copy in and a copy out). */
    @Benchmark
    public Tensor conv1dValidTensor() {
        return Conv1d.convolve(signalTensor, kernel5Tensor, Mode.VALID);
    }

    @Benchmark
    public Tensor hw001ConvNetForward() {
        Tensor h = Conv2d.forward(image, w1, b1, 2, 3, 1);
        h = MaxPool2d.apply(h, 2).output();
        return Conv2d.forward(h, w3, b3, 1, 1, 1);
    }
}

package org.javadl.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.javadl.autograd.Convolution;
import org.javadl.autograd.Losses;
import org.javadl.data.DataLoader;
import org.javadl.data.Dataset;
import org.javadl.data.Datasets;
import org.javadl.nn.Conv2d;
import org.javadl.nn.Flatten;
import org.javadl.nn.Linear;
import org.javadl.nn.MaxPool2d;
import org.javadl.nn.ReLU;
import org.javadl.nn.Sequential;
import org.javadl.optim.Adam;
import org.javadl.optim.SGD;
import org.javadl.tensor.Tensor;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Training with the tensor autograd, sizes as issue 12 and benchmarks/torch_bench.py: one epoch of the
 * digits MLP (64 → 128 → 10, batch 32, Adam, seeded shuffle: 45 steps), one CNN step (64 × 1 × 28 × 28
 * → conv 16@3×3 → ReLU → max pool 2 → linear 10, forward + backward + SGD), the conv2d forward of that
 * step alone, and a 512 × 512 matmul. Single thread, double precision. Forks with
 * {@code --add-modules jdk.incubator.vector} like the kernel; {@code -jvmArgsAppend -Djavadl.vector=false}
 * measures the plain-Java loops instead.
 */
@State(Scope.Benchmark)
@BenchmarkMode(org.openjdk.jmh.annotations.Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
// The kernel launches with the Vector API module (install-kernel.sh); measure what a notebook runs.
@org.openjdk.jmh.annotations.Fork(jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class TrainingBench {
    private Sequential mlp;
    private Adam mlpOpt;
    private DataLoader digits;
    private Sequential cnn;
    private SGD cnnOpt;
    private Tensor images;
    private Tensor labels;
    private Tensor kernels;
    private Tensor bias;
    private Tensor a;
    private Tensor b;

    @Setup
    public void setup() {
        Dataset.Split s = Datasets.digits().split(0.2, 0);
        digits = new DataLoader(s.train().standardized(s.train()), 32, true, 0);
        SplittableRandom rng = new SplittableRandom(1);
        mlp = new Sequential(new Linear(64, 128, true, rng), new ReLU(), new Linear(128, 10, true, rng));
        mlpOpt = new Adam(mlp.parameters(), 1e-3);
        cnn = new Sequential(new Conv2d(1, 16, 3, 1, 0, 1, true, rng), new ReLU(), new MaxPool2d(2), new Flatten(),
                new Linear(16 * 13 * 13, 10, true, rng));
        cnnOpt = new SGD(cnn.parameters(), 0.01);
        images = Tensor.randn(2, 64, 1, 28, 28);
        labels = Tensor.rand(3, 64).mul(10).map(Math::floor);
        kernels = cnn.parameters().get(0).detach();
        bias = cnn.parameters().get(1).detach();
        a = Tensor.randn(4, 512, 512);
        b = Tensor.randn(5, 512, 512);
    }

    @Benchmark
    public double mlpEpoch() {
        double last = 0;
        for (DataLoader.Batch batch : digits) {
            mlpOpt.zeroGrad();
            Tensor loss = Losses.crossEntropy(mlp.forward(batch.x()), batch.y());
            loss.backward();
            mlpOpt.step();
            last = loss.item();
        }
        return last;
    }

    @Benchmark
    public double cnnStep() {
        cnnOpt.zeroGrad();
        Tensor loss = Losses.crossEntropy(cnn.forward(images), labels);
        loss.backward();
        cnnOpt.step();
        return loss.item();
    }

    @Benchmark
    public Tensor conv2dForward() {
        return Convolution.conv2d(images, kernels, bias, 1, 1, 0, 0, 1, 1);
    }

    @Benchmark
    public Tensor matmul512() {
        return a.matmul(b);
    }
}

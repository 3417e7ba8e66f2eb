package org.javadl.bench;

import java.util.concurrent.TimeUnit;

import org.javadl.model.Data;
import org.javadl.model.GradientDescent;
import org.javadl.model.LogisticRegression;
import org.javadl.model.Trajectory;
import org.javadl.tensor.Tensor;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Two of the workloads that kernel/bench/library_in_kernel.py also times inside a running kernel
 * (the same calls on the same data, written out there as cells): matmul 512×512 and 1,000 steps of
 * gradient descent on a logistic regression of 1,000 points; the third, homework 001's conv net,
 * is {@link LibraryBench#hw001ConvNetForward}. JMH's number is the library at full C2 speed; the
 * kernel's is what a notebook gets with the kernel's JIT flags. Keep the two in step.
 */
@State(Scope.Benchmark)
@BenchmarkMode(org.openjdk.jmh.annotations.Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class KernelWorkloadBench {
    private Tensor a;
    private Tensor b;
    private LogisticRegression logistic;

    @Setup
    public void setup() {
        a = Tensor.randn(1, 512, 512);
        b = Tensor.randn(2, 512, 512);
        logistic = new LogisticRegression(Data.twoClass(7, 500, -1, 1, 1));
    }

    @Benchmark
    public Tensor matmul512() {
        return a.matmul(b);
    }

    @Benchmark
    public Trajectory logisticRegression1000Steps() {
        return GradientDescent.withStep(0.001).iterations(1000).run(logistic, 0, 0);
    }
}

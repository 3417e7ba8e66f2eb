package org.javadl.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.function.Supplier;

/**
 * {@link TrainingBench}'s four cases timed by this thread's CPU time as well as wall time, printed like
 * benchmarks/torch_bench.py prints PyTorch's: on a shared machine the CPU time of one thread is the
 * steadier measure (JMH reports wall time, which other processes' load inflates).
 * Run: {@code java -cp benchmarks/target/benchmarks.jar org.javadl.bench.TrainingCpuTimes [name …]} (names
 * select cases, e.g. {@code matmul512 conv2dForward}, so runs can be interleaved with torch_bench.py's).
 */
public final class TrainingCpuTimes {
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    private TrainingCpuTimes() {
    }

    public static void main(String[] args) {
        TrainingBench b = new TrainingBench();
        b.setup();
        System.out.println("javadl, java " + System.getProperty("java.version") + ", one thread, float64");
        java.util.Set<String> only = java.util.Set.of(args);
        measure(only, "mlpEpoch", b::mlpEpoch, 40, 60);
        measure(only, "cnnStep", b::cnnStep, 60, 100);
        measure(only, "conv2dForward", b::conv2dForward, 100, 200);
        measure(only, "matmul512", b::matmul512, 60, 60);
    }

    private static void measure(java.util.Set<String> only, String name, Supplier<?> f, int repeat, int warmup) {
        if (!only.isEmpty() && !only.contains(name)) {
            return;
        }
        for (int i = 0; i < warmup; i++) {
            f.get();
        }
        double[] wall = new double[repeat];
        double[] cpu = new double[repeat];
        for (int i = 0; i < repeat; i++) {
            long w0 = System.nanoTime();
            long c0 = CPU.getCurrentThreadCpuTime();
            f.get();
            cpu[i] = (CPU.getCurrentThreadCpuTime() - c0) / 1e6;
            wall[i] = (System.nanoTime() - w0) / 1e6;
        }
        Arrays.sort(wall);
        Arrays.sort(cpu);
        System.out.printf(java.util.Locale.ROOT, "%-14s wall median %8.3f ms (min %8.3f), CPU median %8.3f ms (min %8.3f)%n",
                name, wall[repeat / 2], wall[0], cpu[repeat / 2], cpu[0]);
    }
}

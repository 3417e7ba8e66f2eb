package org.javadl.bench;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.javadl.graph.Graph;
import org.javadl.graph.Value;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Reverse mode on a large scalar graph (org.javadl.graph). Throughput is reported per node
 * ({@code @OperationsPerInvocation(NODES)}), so the JMH score is directly "nodes per second".
 *
 * <ul>
 *   <li>{@code backwardPrepared}: {@link Graph#backward()} on a graph whose topological order was
 *       computed once (the training-loop case: build once, evaluate and backward many times);</li>
 *   <li>{@code backwardFromValue}: {@link Value#backward()}, which also sorts the graph
 *       (iterative DFS) every call;</li>
 *   <li>{@code forwardPrepared}: forward mode (tangents) on the same graph, for comparison.</li>
 * </ul>
 * The graph is a random DAG of exactly one million nodes: every node applies a random operation
 * (+, −, ×, tanh, σ, sin, cos, relu) to the previous node and, for binary ones, a random node among
 * the previous 64, so nodes are shared and the order is not a simple chain.
 * Goal: ≥ 5 million nodes per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class GraphBackwardBench {
    /** Nodes in the graph, inputs included (checked in {@link #build()}). */
    static final int NODES = 1_000_000;
    private static final int WINDOW = 64;

    private Value output;
    private Value input;
    private Graph graph;

    @Setup
    public void build() {
        Random r = new Random(1);
        Value[] ring = new Value[WINDOW];
        for (int i = 0; i < WINDOW; i++) {
            ring[i] = Value.variable("x" + i, r.nextGaussian());
        }
        input = ring[0];
        Value last = ring[WINDOW - 1];
        // Each step makes exactly one node and consumes `last`, so every node is reachable from the
        // output; the first WINDOW steps take the inputs in turn so that all inputs are used too.
        // Squashing operations (tanh, σ, sin, cos) keep values finite.
        for (int i = 0; i < NODES - WINDOW; i++) {
            Value other = i < WINDOW ? ring[i] : ring[r.nextInt(WINDOW)];
            Value v = switch (i < WINDOW ? 0 : r.nextInt(8)) {
                case 0 -> last.add(other);
                case 1 -> last.sub(other);
                case 2 -> last.mul(other);
                case 3 -> last.tanh();
                case 4 -> last.sigmoid();
                case 5 -> last.sin();
                case 6 -> last.cos();
                default -> last.relu();
            };
            ring[i % WINDOW] = v;
            last = v;
        }
        output = last;
        graph = Graph.of(output);
        if (graph.size() != NODES) {
            throw new IllegalStateException("graph has " + graph.size() + " nodes, expected " + NODES);
        }
        if (!Double.isFinite(graph.backward().output().data()) || !Double.isFinite(input.grad())) {
            throw new IllegalStateException("benchmark graph overflowed");
        }
    }

    @Benchmark
    @OperationsPerInvocation(NODES)
    public double backwardPrepared() {
        graph.backward();
        return input.grad();
    }

    @Benchmark
    @OperationsPerInvocation(NODES)
    public double backwardFromValue() {
        output.backward();
        return input.grad();
    }

    @Benchmark
    @OperationsPerInvocation(NODES)
    public double forwardPrepared() {
        graph.forward(input);
        return output.tangent();
    }
}

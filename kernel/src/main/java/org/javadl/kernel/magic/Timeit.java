package org.javadl.kernel.magic;

import java.util.Arrays;
import java.util.Locale;

/**
 * The measuring loop of {@code %timeit}, run inside the cell (so an interrupt stops it like any cell).
 * The magic compiles the code once into a {@link Body} that repeats it {@code n} times; this class
 * picks the loop count as IPython does (1, 2, 5, 10, 20, 50, … until one run takes at least 0.2 s),
 * then times {@code repeat} runs of that many loops. Public only because cells call it.
 */
public final class Timeit {
    /** One run time this long is enough for the clock's resolution and JIT noise. */
    static final double TARGET_SECONDS = 0.2;
    /**
     * A blackhole, not state: written so the JIT must keep the timed expression, never read for its
     * value; kernels sharing a JVM may overwrite each other's writes harmlessly.
     */
    private static volatile Object sink;

    private Timeit() {
    }

    /** The timed code, repeated {@code n} times. */
    @FunctionalInterface
    public interface Body {
        void run(long n) throws Throwable;
    }

    /** Keeps a value alive so the JIT cannot drop the expression that made it. */
    public static void consume(Object value) {
        sink = value;
    }

    public static void consume(long value) {
        if (value == 0x5eed_1e55L) {
            sink = value;
        }
    }

    public static void consume(double value) {
        if (value == 0x5eed_1e55L) {
            sink = value;
        }
    }

    public static void consume(boolean value) {
        if (value && sink == Timeit.class) {
            sink = null;
        }
    }

    /** Loops and runs as measured; the mean and standard deviation per loop, in seconds. */
    public record Result(long loops, int runs, double[] perLoopSeconds) {
        public double mean() {
            return Arrays.stream(perLoopSeconds).average().orElse(Double.NaN);
        }

        public double stdDev() {
            double m = mean();
            return Math.sqrt(Arrays.stream(perLoopSeconds).map(x -> (x - m) * (x - m)).sum() / perLoopSeconds.length);
        }

        public double best() {
            return Arrays.stream(perLoopSeconds).min().orElse(Double.NaN);
        }

        @Override
        public String toString() {
            return Durations.time(mean()) + " ± " + Durations.time(stdDev()) + " per loop (mean ± std. dev. of "
                    + runs + " run" + (runs == 1 ? "" : "s") + ", "
                    + String.format(Locale.ROOT, "%,d", loops) + " loop" + (loops == 1 ? "" : "s") + " each)";
        }
    }

    /** Measures {@code body}; {@code loops} 0 picks the count automatically. */
    public static Result measure(Body body, long loops, int repeat) throws Throwable {
        if (repeat < 1) {
            throw new IllegalArgumentException("%timeit -r needs at least 1 run, got " + repeat);
        }
        long n = loops > 0 ? loops : autoLoops(body);
        double[] perLoop = new double[repeat];
        for (int r = 0; r < repeat; r++) {
            perLoop[r] = time(body, n) / n;
        }
        return new Result(n, repeat, perLoop);
    }

    private static long autoLoops(Body body) throws Throwable {
        for (long base = 1; ; base *= 10) {
            for (long step : new long[]{1, 2, 5}) {
                long n = base * step;
                if (time(body, n) >= TARGET_SECONDS || n >= 1_000_000_000L) {
                    return n;
                }
            }
        }
    }

    private static double time(Body body, long n) throws Throwable {
        long t0 = System.nanoTime();
        body.run(n);
        return (System.nanoTime() - t0) / 1e9;
    }
}

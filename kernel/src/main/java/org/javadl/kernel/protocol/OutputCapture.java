package org.javadl.kernel.protocol;

import io.github.spencerpark.jupyter.kernel.display.DisplayData;

import java.util.function.Supplier;

/**
 * Redirects what running code prints ({@code System.out}/{@code err}) and displays to a target
 * instead of the front end, while {@link #capturing} runs: an Output widget collecting the output
 * of a callback (an {@code interact} redraw, a button's action) to show it in place.
 *
 * <p>One per kernel ({@link CellOutput} makes it; widgets reach it through their session). The
 * redirect covers the whole kernel, not one thread: a thread the callback starts and that prints
 * while it runs is captured too. Text already waiting in the stream buffers when a capture starts
 * goes to the front end first, and what the captured code left waiting goes to the target before
 * the capture ends.
 */
public final class OutputCapture {
    /** Where captured output goes. Called on whatever thread printed or displayed. */
    public interface Target {
        /** Text written to {@code stdout} or {@code stderr} ({@code name}). */
        void stream(String name, String text);

        /** A {@code display(...)}. */
        void display(DisplayData data);

        /** {@code clearOutput(wait)}. */
        void clear(boolean wait);
    }

    private volatile Target current;
    private final Runnable flush;

    /** @param flush publishes what the kernel's streams hold (so output keeps its order around a capture) */
    public OutputCapture(Runnable flush) {
        this.flush = flush;
    }

    /** Outside a kernel: nothing is pending anywhere, and nothing consults the target. */
    public static OutputCapture standalone() {
        return new OutputCapture(() -> { });
    }

    /** Runs {@code body} with its output going to {@code target}; captures nest (the innermost wins). */
    public <T> T capturing(Target target, Supplier<T> body) {
        Target outer = current;
        flush.run();
        current = target;
        try {
            return body.get();
        } finally {
            flush.run();
            current = outer;
        }
    }

    /** The capture in effect, or null. */
    Target current() {
        return current;
    }
}

package org.javadl.kernel.protocol;

import io.github.spencerpark.jupyter.kernel.display.DisplayData;

import java.util.function.Supplier;

/**
 * Redirects what running code prints ({@code System.out}/{@code err}) and displays to a target
 * instead of the front end, while {@link #capturing} runs: an Output widget collecting the output
 * of a callback (an {@code interact} redraw, a button's action) to show it in place.
 *
 * <p>The redirect is process-wide, not per thread: a thread the callback starts and that prints
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

    private static volatile Target current;
    private static volatile Runnable flush = () -> { };

    private OutputCapture() {
    }

    /** Runs {@code body} with its output going to {@code target}; captures nest (the innermost wins). */
    public static <T> T capturing(Target target, Supplier<T> body) {
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
    static Target current() {
        return current;
    }

    /** How to publish what the streams hold (set once by {@link CellOutput}). */
    static void setFlush(Runnable publishPending) {
        flush = publishPending;
    }
}

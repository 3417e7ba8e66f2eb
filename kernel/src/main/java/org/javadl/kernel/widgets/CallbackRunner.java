package org.javadl.kernel.widgets;

import java.util.List;

/**
 * Runs what a front-end message starts (a slider moved: its listeners, an {@code interact} redraw)
 * as the kernel runs cells. The kernel's runner ({@code JavaKernel}) runs it through the engine:
 * one at a time with cells, stopped by an interrupt or the cell time budget, errors formatted with
 * cell lines. {@link #DIRECT} runs it on the calling thread (no kernel).
 */
@FunctionalInterface
public interface CallbackRunner {
    /** How a callback failed: as a cell's error (name, message, traceback lines). */
    record Failure(String ename, String evalue, List<String> traceback) {
    }

    /** Runs {@code callback} for widgets of cell {@code ownerCell}; null if it succeeded. */
    Failure run(int ownerCell, Runnable callback);

    /** Runs the callback right here, a throwable becoming a failure with its stack. */
    CallbackRunner DIRECT = (ownerCell, callback) -> {
        try {
            callback.run();
            return null;
        } catch (RuntimeException | Error e) {
            List<String> lines = new java.util.ArrayList<>();
            lines.add(e.toString());
            for (StackTraceElement f : e.getStackTrace()) {
                lines.add("    at " + f);
            }
            return new Failure(e.getClass().getName(), String.valueOf(e.getMessage()), lines);
        }
    };
}

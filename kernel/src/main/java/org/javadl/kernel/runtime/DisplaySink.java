package org.javadl.kernel.runtime;

import io.github.spencerpark.jupyter.kernel.display.DisplayData;

/**
 * Where {@link Notebook} sends rich output. The kernel installs one that publishes on iopub;
 * without a kernel, {@link #stdout()} prints the text/plain form.
 *
 * <p>Calls may come from any thread (a cell's own threads, the throttled-update timer of a live plot),
 * so implementations must be thread-safe.
 */
public interface DisplaySink {

    /** Publishes a new output ({@code display_data}); {@code data} may carry a display id. */
    void display(DisplayData data);

    /** Replaces the output shown under {@code data.getDisplayId()} ({@code update_display_data}). */
    void updateDisplay(DisplayData data);

    /**
     * Clears the current cell's output ({@code clear_output}); with {@code wait}, the front end
     * clears only when the next output arrives, so a redrawn figure does not flicker.
     */
    default void clearOutput(boolean wait) {
    }

    /** The sink used outside a kernel: prints text/plain to {@code System.out}. Updates print again. */
    static DisplaySink stdout() {
        return StdoutSink.INSTANCE;
    }
}

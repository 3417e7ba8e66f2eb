package org.javadl.kernel;

import com.google.gson.JsonObject;
import org.javadl.kernel.engine.JavaEngine;
import org.javadl.kernel.protocol.OutputRouter;
import org.javadl.kernel.protocol.StreamPublisher;

import java.util.List;

/**
 * What the kernel does at the edges of a cell so that one cell cannot spoil the next: it tells
 * the {@link OutputRouter} which cell runs (output of earlier cells' threads goes to those cells),
 * takes its streams back ({@link KernelStreams}), and says which threads the cell left running.
 * Between cells, the report of an interrupt that stopped such threads goes to the last cell.
 */
final class CellBoundary {
    private final OutputRouter router;
    private final KernelStreams streams;
    private final StreamPublisher stderr;
    private final JavaEngine engine;

    CellBoundary(OutputRouter router, KernelStreams streams, StreamPublisher stderr, JavaEngine engine) {
        this.router = router;
        this.streams = streams;
        this.stderr = stderr;
        this.engine = engine;
        engine.onBackgroundStop(this::reportBackgroundStop);
    }

    /**
     * Before the cell's code: the streams a background thread may have replaced come back (said
     * under the previous cell, so this cell's output is its own), and the router learns the cell.
     */
    void beforeCell(int count, JsonObject header, boolean silent) {
        String note = streams.reclaim("a thread of an earlier cell");
        if (note != null) {
            stderr.noteFor(0, note);
        }
        router.cellStarted(count, header, silent);
    }

    /**
     * After the cell's code, before its output is closed: streams back, threads still running
     * named, and from now on the cell's threads print under it as background output (before the
     * close, so nothing they print lands in the next cell's batch).
     */
    void afterCellCode(int count) {
        String restored = streams.reclaim("this cell");
        if (restored != null) {
            stderr.note(restored);
        }
        String running = engine.backgroundThreadsNote(count);
        if (running != null) {
            stderr.note(running);
        }
        router.cellEnded();
    }

    private void reportBackgroundStop(List<String> lines) {
        stderr.noteFor(0, "note: the interrupt also stopped what earlier cells left running. " + String.join(" ", lines));
    }
}

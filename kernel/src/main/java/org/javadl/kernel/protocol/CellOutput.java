package org.javadl.kernel.protocol;

import com.google.gson.JsonObject;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import org.javadl.kernel.runtime.DisplaySink;

import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;

/**
 * Where a running cell's output goes: {@code System.out}/{@code err} as {@code stream} messages,
 * {@code display(...)} as {@code display_data}, {@code System.in} as {@code input_request}s, all with
 * the running request as parent. Output of a {@code silent} request is dropped. Threads an earlier
 * cell left running print under that cell ({@link OutputRouter}), with their own cap, and at each
 * cell's edges the kernel's streams are taken back from code that replaced or closed them
 * ({@link KernelStreams}).
 */
public final class CellOutput {
    private final KernelServer server;
    private final StreamPublisher stdout;
    private final StreamPublisher stderr;
    private final KernelInput stdin;
    private final OutputRouter router;
    private final KernelStreams streams;
    /** An Output widget's capture of prints and displays ({@link OutputCapture}), this kernel's only. */
    private final OutputCapture captures = new OutputCapture(this::publishPending);
    /** Where this kernel's {@code display(...)} calls go: the language hands it to its session. */
    private final DisplaySink displays = new Displays();
    /** Header of the request whose output is being produced (streams and displays go there). */
    private volatile JsonObject currentParent = new JsonObject();
    private volatile WireMessage currentRequest;
    private volatile boolean currentSilent;
    /** The parent to go back to after a comm message (a cell's background threads may still print). */
    private JsonObject parentBeforeComm;

    /** @param writerCell the cell whose code the calling thread runs, 0 if none (see {@link Language#writerCell}) */
    public CellOutput(KernelServer server, long outputLimit, BooleanSupplier inputCancelled, IntSupplier writerCell) {
        this.server = server;
        this.router = new OutputRouter(writerCell);
        this.stdout = new StreamPublisher("stdout", server, () -> currentParent, outputLimit, () -> currentSilent, router,
                captures);
        this.stderr = new StreamPublisher("stderr", server, () -> currentParent, outputLimit, () -> currentSilent, router,
                captures);
        this.stdin = new KernelInput(prompt -> {
            WireMessage req = currentRequest;
            return req == null ? null : server.requestInput(req, prompt, false, inputCancelled);
        }, router::isForeground);
        this.streams = new KernelStreams(stdout, stderr, stdin);
    }

    /** Routes System.out/err/in of cells to this kernel (displays go through {@link #displaySink()}). */
    public void installStreams() {
        streams.install();
        Thread ticker = new Thread(() -> {
            while (!server.isClosed()) {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
                publishPending();
            }
        }, "javadl-output-ticker");
        ticker.setDaemon(true);
        ticker.start();
    }

    /** Publishes what stdout and stderr hold: text printed before a display or a capture comes first. */
    private void publishPending() {
        stdout.publishPending();
        stderr.publishPending();
    }

    /** The sink for this kernel's displays: iopub under the right parent, or an Output widget's capture. */
    public DisplaySink displaySink() {
        return displays;
    }

    /** This kernel's redirect of output into an Output widget. */
    public OutputCapture captures() {
        return captures;
    }

    private final class Displays implements DisplaySink {
        @Override
        public void display(DisplayData data) {
            OutputCapture.Target capture = captures.current();
            if (capture != null) {
                publishPending(); // printed before the display: into the capture first
                capture.display(data);
                return;
            }
            publishDisplay("display_data", data);
        }

        @Override
        public void updateDisplay(DisplayData data) {
            publishDisplay("update_display_data", data);
        }

        @Override
        public void clearOutput(boolean wait) {
            OutputCapture.Target capture = captures.current();
            if (capture != null) {
                publishPending();
                capture.clear(wait);
                return;
            }
            JsonObject parent = outputParent();
            if (parent == null) {
                return;
            }
            publishPending();
            JsonObject c = new JsonObject();
            c.addProperty("wait", wait);
            server.publish("clear_output", parent, c);
        }
    }

    /**
     * The parent for a display or clear from the calling thread: the running request, or the
     * earlier cell whose thread it is ({@link OutputRouter}); null when a silent request's own
     * output must be dropped.
     */
    private JsonObject outputParent() {
        int destination = router.destination();
        if (destination != OutputRouter.FOREGROUND) {
            return router.headerOf(destination);
        }
        return currentSilent ? null : currentParent;
    }

    private void publishDisplay(String type, DisplayData data) {
        JsonObject parent = outputParent();
        if (parent == null) {
            return;
        }
        publishPending(); // text printed before the display must appear before it
        JsonObject content = MimeBundle.of(data);
        if (!content.has("transient")) {
            content.add("transient", new JsonObject());
        }
        server.publish(type, parent, content);
    }

    /** The header of the request being handled (what output and comm messages are sent under). */
    JsonObject parentHeader() {
        return currentParent;
    }

    /**
     * A comm message is being handled: what its widget callbacks print and display goes out under
     * it (as ipykernel does), with a budget of its own; {@link #endComm()} goes back.
     */
    void beginComm(WireMessage message) {
        parentBeforeComm = currentParent;
        currentParent = message.header();
        currentSilent = false;
    }

    void endComm() {
        flushCell();
        if (parentBeforeComm != null) {
            currentParent = parentBeforeComm;
            parentBeforeComm = null;
        }
    }

    /**
     * From now on output belongs to {@code request}, cell number {@code cell}. Streams a thread of an
     * earlier cell replaced come back first, said under that earlier cell so this cell's output is its own.
     */
    void beginCell(WireMessage request, int cell, boolean silent, boolean allowStdin) {
        currentParent = request.header();
        currentRequest = request;
        currentSilent = silent;
        stdin.startCell(allowStdin);
        String note = streams.reclaim("a thread of an earlier cell");
        if (note != null) {
            stderr.noteFor(0, note);
        }
        router.cellStarted(cell, request.header(), silent);
    }

    /**
     * The cell's code is done (before its output is closed): streams it replaced come back, the
     * language's note ({@code note}, may be null) is printed, and from now on the cell's threads print
     * under it as background output, so nothing they print lands in the next cell's batch.
     */
    void endCellCode(String note) {
        String restored = streams.reclaim("this cell");
        if (restored != null) {
            stderr.note(restored);
        }
        if (note != null) {
            stderr.note(note);
        }
        router.cellEnded();
    }

    /** A note that arose between cells: shown under the last cell. */
    public void backgroundNote(String text) {
        stderr.noteFor(0, text);
    }

    /** Publishes what the cell left pending and notes truncation; the streams go on to the next cell. */
    void flushCell() {
        stdout.endCell();
        stderr.endCell();
    }

    /** No request is running: input requests are refused until the next cell. */
    void endCell() {
        currentRequest = null;
        currentSilent = false;
    }
}

package org.javadl.kernel.protocol;

import com.google.gson.JsonObject;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import org.javadl.kernel.runtime.DisplaySink;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.BooleanSupplier;

/**
 * Where a running cell's output goes: {@code System.out}/{@code err} as {@code stream} messages,
 * {@code display(...)} as {@code display_data}, {@code System.in} as {@code input_request}s, all with
 * the running request as parent. Output of a {@code silent} request is dropped.
 */
public final class CellOutput {
    private final KernelServer server;
    private final StreamPublisher stdout;
    private final StreamPublisher stderr;
    private final KernelInput stdin;
    /** Header of the request whose output is being produced (streams and displays go there). */
    private volatile JsonObject currentParent = new JsonObject();
    private volatile WireMessage currentRequest;
    private volatile boolean currentSilent;
    /** The parent to go back to after a comm message (a cell's background threads may still print). */
    private JsonObject parentBeforeComm;

    public CellOutput(KernelServer server, long outputLimit, BooleanSupplier inputCancelled) {
        this.server = server;
        this.stdout = new StreamPublisher("stdout", server, () -> currentParent, outputLimit, () -> currentSilent);
        this.stderr = new StreamPublisher("stderr", server, () -> currentParent, outputLimit, () -> currentSilent);
        this.stdin = new KernelInput(prompt -> {
            WireMessage req = currentRequest;
            return req == null ? null : server.requestInput(req, prompt, false, inputCancelled);
        });
    }

    /** Routes System.out/err/in and displays of cells to this kernel. */
    public void installStreams() {
        System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
        System.setIn(stdin);
        OutputCapture.setFlush(() -> {
            stdout.publishPending();
            stderr.publishPending();
        });
        org.javadl.kernel.runtime.Notebook.setSink(new DisplaySink() {
            @Override
            public void display(DisplayData data) {
                OutputCapture.Target capture = OutputCapture.current();
                if (capture != null) {
                    stdout.publishPending(); // printed before the display: into the capture first
                    stderr.publishPending();
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
                OutputCapture.Target capture = OutputCapture.current();
                if (capture != null) {
                    stdout.publishPending();
                    stderr.publishPending();
                    capture.clear(wait);
                    return;
                }
                if (currentSilent) {
                    return;
                }
                stdout.publishPending();
                stderr.publishPending();
                JsonObject c = new JsonObject();
                c.addProperty("wait", wait);
                server.publish("clear_output", currentParent, c);
            }
        });
        Thread ticker = new Thread(() -> {
            while (!server.isClosed()) {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
                stdout.publishPending();
                stderr.publishPending();
            }
        }, "javadl-output-ticker");
        ticker.setDaemon(true);
        ticker.start();
    }

    private void publishDisplay(String type, DisplayData data) {
        if (currentSilent) {
            return;
        }
        // Text printed before the display must appear before it.
        stdout.publishPending();
        stderr.publishPending();
        JsonObject content = MimeBundle.of(data);
        if (!content.has("transient")) {
            content.add("transient", new JsonObject());
        }
        server.publish(type, currentParent, content);
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

    /** From now on output belongs to {@code request}. */
    void beginCell(WireMessage request, boolean silent, boolean allowStdin) {
        currentParent = request.header();
        currentRequest = request;
        currentSilent = silent;
        stdin.startCell(allowStdin);
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

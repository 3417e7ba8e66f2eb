package org.javadl.kernel.protocol;

import com.google.gson.JsonObject;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * The {@code System.out}/{@code System.err} of cells: bytes become iopub {@code stream} messages.
 *
 * <p>Output is batched: {@link #flush()} (which {@code println} calls) publishes at most every
 * {@value #BATCH_MILLIS} ms, a background ticker publishes what waits, and the end of a cell
 * publishes the rest. So a loop printing 10^5 lines sends a few dozen messages, not 10^5.
 * Each cell may print up to a limit; past it, output is counted and dropped, and one note says how
 * much was left out, so a runaway print cannot flood the front end or the kernel's memory.
 */
public final class StreamPublisher extends OutputStream {
    static final long BATCH_MILLIS = 40;
    private static final int MAX_BATCH_BYTES = 64 * 1024;

    private final String name;
    private final KernelServer server;
    private final Supplier<JsonObject> parentHeader;
    private final long limitBytes;
    private final java.util.function.BooleanSupplier muted;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private long lastPublish;
    private long cellBytes;
    private long droppedBytes;

    /**
     * @param muted true while output must not be published (a {@code silent} execute request);
     *              what is written then is discarded
     */
    public StreamPublisher(String name, KernelServer server, Supplier<JsonObject> parentHeader, long limitBytes,
                           java.util.function.BooleanSupplier muted) {
        this.muted = muted;
        this.name = name;
        this.server = server;
        this.parentHeader = parentHeader;
        this.limitBytes = limitBytes;
    }

    @Override
    public synchronized void write(int b) {
        if (cellBytes >= limitBytes) {
            droppedBytes++;
            return;
        }
        cellBytes++;
        pending.write(b);
        if (pending.size() >= MAX_BATCH_BYTES) {
            publish();
        }
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
        long room = limitBytes - cellBytes;
        if (room <= 0) {
            droppedBytes += len;
            return;
        }
        int take = (int) Math.min(room, len);
        pending.write(b, off, take);
        cellBytes += take;
        droppedBytes += len - take;
        if (pending.size() >= MAX_BATCH_BYTES) {
            publish();
        }
    }

    /** Soft flush: publishes if the last message is older than the batching window. */
    @Override
    public synchronized void flush() {
        if (pending.size() > 0 && System.currentTimeMillis() - lastPublish >= BATCH_MILLIS) {
            publish();
        }
    }

    /** Publishes everything pending now (the ticker and the end of a cell call this). */
    public synchronized void publishPending() {
        if (pending.size() > 0) {
            publish();
        }
    }

    /** Ends a cell: publishes the rest, reports truncation, and resets the per-cell budget. */
    public synchronized void endCell() {
        publishPending();
        if (droppedBytes > 0) {
            String note = String.format("%n[javadl: output truncated: this cell printed %s on %s; "
                            + "the first %s are shown, %s were dropped. Set JAVADL_OUTPUT_LIMIT (bytes) to change the limit.]%n",
                    human(cellBytes + droppedBytes), name, human(limitBytes), human(droppedBytes));
            send(note);
        }
        cellBytes = 0;
        droppedBytes = 0;
    }

    private void publish() {
        byte[] bytes = pending.toByteArray();
        int cut = completeUtf8Prefix(bytes);
        pending.reset();
        if (cut < bytes.length) {
            // keep a split multi-byte character for the next message
            pending.write(bytes, cut, bytes.length - cut);
        }
        if (cut > 0) {
            send(new String(bytes, 0, cut, StandardCharsets.UTF_8));
        }
        lastPublish = System.currentTimeMillis();
    }

    private void send(String text) {
        OutputCapture.Target capture = OutputCapture.current();
        if (capture != null) {
            capture.stream(name, text); // an Output widget collects what a callback prints
            return;
        }
        if (muted.getAsBoolean()) {
            return;
        }
        JsonObject content = new JsonObject();
        content.addProperty("name", name);
        content.addProperty("text", text);
        server.publish("stream", parentHeader.get(), content);
    }

    /** Length of the longest prefix that does not end inside a UTF-8 sequence. */
    static int completeUtf8Prefix(byte[] b) {
        int n = b.length;
        for (int back = 1; back <= Math.min(3, n); back++) {
            int c = b[n - back] & 0xFF;
            if ((c & 0xC0) == 0x80) {
                continue; // continuation byte: look further back for the lead byte
            }
            int need = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
            return need > back ? n - back : n;
        }
        return n;
    }

    private static String human(long bytes) {
        if (bytes >= 1 << 20) {
            return String.format("%.1f MB", bytes / (double) (1 << 20));
        }
        if (bytes >= 1 << 10) {
            return String.format("%.1f KB", bytes / 1024.0);
        }
        return bytes + " bytes";
    }
}

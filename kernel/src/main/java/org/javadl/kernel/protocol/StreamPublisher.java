package org.javadl.kernel.protocol;

import com.google.gson.JsonObject;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The {@code System.out}/{@code System.err} of cells: bytes become iopub {@code stream} messages.
 *
 * <p>Output is batched: {@link #flush()} (which {@code println} calls) publishes at most every
 * {@value #BATCH_MILLIS} ms, a background ticker publishes what waits, and the end of a cell
 * publishes the rest. So a loop printing 10^5 lines sends a few dozen messages, not 10^5.
 * Each cell may print up to a limit; past it, output is counted and dropped, and one note says how
 * much was left out, so a runaway print cannot flood the front end or the kernel's memory.
 *
 * <p>Output of a thread an earlier cell started goes, through the {@link OutputRouter}, under that
 * earlier cell, in a batch and with a budget of its own ({@link #backgroundLimit}, for the whole
 * life of that cell's threads): a thread flooding stdout after its cell ended can neither use up
 * the next cell's budget nor push the next cell's own output out of it.
 */
public final class StreamPublisher extends OutputStream {
    static final long BATCH_MILLIS = 40;
    private static final int MAX_BATCH_BYTES = 64 * 1024;
    /** Background output of one cell is capped at this (or at the per-cell limit, if smaller). */
    static final long MAX_BACKGROUND_BYTES = 1L << 20;
    /** Batches are kept for this many cells with printing background threads at most. */
    private static final int MAX_BACKGROUND_CELLS = 64;

    private final String name;
    private final Iopub server;
    private final Supplier<JsonObject> parentHeader;
    private final long limitBytes;
    private final long backgroundLimit;
    private final BooleanSupplier muted;
    private final OutputRouter router;
    /** The capture in effect (an Output widget's), or null: then output goes to the front end. */
    private final Supplier<OutputCapture.Target> capture;
    private final Batch foreground;
    private final Map<Integer, Batch> background = new LinkedHashMap<>(16, 0.75f, true);

    /**
     * @param muted true while output must not be published (a {@code silent} execute request);
     *              what is written then is discarded
     */
    public StreamPublisher(String name, KernelServer server, Supplier<JsonObject> parentHeader, long limitBytes,
                           BooleanSupplier muted) {
        this(name, server, parentHeader, limitBytes, muted, OutputRouter.foregroundOnly());
    }

    /** As above; {@code router} sends the output of earlier cells' threads to those cells. */
    public StreamPublisher(String name, KernelServer server, Supplier<JsonObject> parentHeader, long limitBytes,
                           BooleanSupplier muted, OutputRouter router) {
        this(name, server::publish, parentHeader, limitBytes, muted, router, () -> null);
    }

    /** As above; while {@code captures} has a target, what is written goes there instead. */
    public StreamPublisher(String name, KernelServer server, Supplier<JsonObject> parentHeader, long limitBytes,
                           BooleanSupplier muted, OutputRouter router, OutputCapture captures) {
        this(name, server::publish, parentHeader, limitBytes, muted, router, captures::current);
    }

    /** Where stream messages go: {@link KernelServer#publish(String, JsonObject, JsonObject)}, or a test's list. */
    @FunctionalInterface
    public interface Iopub {
        void publish(String type, JsonObject parentHeader, JsonObject content);
    }

    public StreamPublisher(String name, Iopub server, Supplier<JsonObject> parentHeader, long limitBytes,
                           BooleanSupplier muted, OutputRouter router) {
        this(name, server, parentHeader, limitBytes, muted, router, () -> null);
    }

    private StreamPublisher(String name, Iopub server, Supplier<JsonObject> parentHeader, long limitBytes,
                            BooleanSupplier muted, OutputRouter router, Supplier<OutputCapture.Target> capture) {
        this.capture = capture;
        this.name = name;
        this.server = server;
        this.parentHeader = parentHeader;
        this.limitBytes = limitBytes;
        this.backgroundLimit = Math.min(limitBytes, MAX_BACKGROUND_BYTES);
        this.muted = muted;
        this.router = router;
        this.foreground = new Batch(OutputRouter.FOREGROUND, limitBytes);
    }

    /** Output waiting for one destination, and what that destination has used of its budget. */
    private final class Batch {
        final int cell;
        final long limit;
        final ByteArrayOutputStream pending = new ByteArrayOutputStream();
        long lastPublish;
        long bytes;
        long dropped;
        boolean capNoted;

        Batch(int cell, long limit) {
            this.cell = cell;
            this.limit = limit;
        }

        boolean isForeground() {
            return cell == OutputRouter.FOREGROUND;
        }

        JsonObject header() {
            return isForeground() ? parentHeader.get() : router.headerOf(cell);
        }

        void write(byte[] b, int off, int len) {
            long room = limit - bytes;
            if (room <= 0) {
                dropped += len;
                noteCapOnce();
                return;
            }
            int take = (int) Math.min(room, len);
            pending.write(b, off, take);
            bytes += take;
            dropped += len - take;
            if (pending.size() >= MAX_BATCH_BYTES) {
                publish();
            }
            if (take < len) {
                noteCapOnce();
            }
        }

        /**
         * Background output has no end to report truncation at, so it is said when the cap is hit:
         * what follows is dropped until the threads stop.
         */
        private void noteCapOnce() {
            if (isForeground() || capNoted) {
                return;
            }
            capNoted = true;
            publish();
            send(this, String.format("%n[javadl: output of background threads of cell [%d] reached its limit of %s "
                    + "on %s; the rest is dropped. threads() lists the threads still running; stopThreads() stops them.]%n",
                    cell, human(limit), name));
        }

        void publish() {
            byte[] all = pending.toByteArray();
            int cut = completeUtf8Prefix(all);
            pending.reset();
            if (cut < all.length) {
                // keep a split multi-byte character for the next message
                pending.write(all, cut, all.length - cut);
            }
            if (cut > 0) {
                send(this, new String(all, 0, cut, StandardCharsets.UTF_8));
            }
            lastPublish = System.currentTimeMillis();
        }
    }

    /** The batch the calling thread's output goes to. */
    private Batch batchOfWriter() {
        int destination = router.destination();
        if (destination == OutputRouter.FOREGROUND) {
            return foreground;
        }
        Batch b = background.get(destination);
        if (b == null) {
            if (background.size() >= MAX_BACKGROUND_CELLS) {
                Batch eldest = background.values().iterator().next();
                eldest.publish();
                background.remove(eldest.cell);
            }
            b = new Batch(destination, backgroundLimit);
            background.put(destination, b);
        }
        return b;
    }

    @Override
    public synchronized void write(int b) {
        write(new byte[]{(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
        batchOfWriter().write(b, off, len);
    }

    /** Soft flush: publishes if the last message is older than the batching window. */
    @Override
    public synchronized void flush() {
        Batch b = batchOfWriter();
        if (b.pending.size() > 0 && System.currentTimeMillis() - b.lastPublish >= BATCH_MILLIS) {
            b.publish();
        }
    }

    /** Publishes everything pending now (the ticker and the end of a cell call this). */
    public synchronized void publishPending() {
        for (Batch b : batches()) {
            if (b.pending.size() > 0) {
                b.publish();
            }
        }
    }

    private List<Batch> batches() {
        List<Batch> all = new ArrayList<>(background.size() + 1);
        all.add(foreground);
        all.addAll(background.values());
        return all;
    }

    /** Ends a cell: publishes the rest, reports truncation, and resets the per-cell budget. */
    public synchronized void endCell() {
        publishPending();
        if (foreground.dropped > 0) {
            String note = String.format("%n[javadl: output truncated: this cell printed %s on %s; "
                            + "the first %s are shown, %s were dropped. Set JAVADL_OUTPUT_LIMIT (bytes) to change the limit.]%n",
                    human(foreground.bytes + foreground.dropped), name, human(limitBytes), human(foreground.dropped));
            send(foreground, note);
        }
        foreground.bytes = 0;
        foreground.dropped = 0;
    }

    /** A note of the kernel's own on this stream of the running cell, outside its budget (after anything pending). */
    public synchronized void note(String text) {
        foreground.publish();
        send(foreground, text.endsWith("\n") ? text : text + "\n");
    }

    /** A note for an earlier cell (or, for cell 0, the last one), outside any budget. */
    public synchronized void noteFor(int cell, String text) {
        Batch b = background.get(cell);
        if (b != null) {
            b.publish();
        }
        JsonObject content = new JsonObject();
        content.addProperty("name", name);
        content.addProperty("text", text.endsWith("\n") ? text : text + "\n");
        server.publish("stream", router.headerOf(cell), content);
    }

    private void send(Batch to, String text) {
        OutputCapture.Target target = capture.get();
        if (target != null) {
            target.stream(name, text); // an Output widget collects what a callback prints
            return;
        }
        if (to.isForeground() && muted.getAsBoolean()) {
            return;
        }
        JsonObject content = new JsonObject();
        content.addProperty("name", name);
        content.addProperty("text", text);
        server.publish("stream", to.header(), content);
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

package org.javadl.kernel.protocol;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * The {@code System.in} of cells: each time the buffered line is used up, it asks the front end for
 * another one ({@code input_request} on the stdin channel), if the current request allows it.
 * Only the running cell's threads may ask: a thread an earlier cell left running would otherwise
 * take the next cell's input prompt (and its answer).
 */
final class KernelInput extends InputStream {
    /** Asks the front end for a line; returns null when interrupted. */
    private final Function<String, String> askLine;
    /** True if the calling thread works for the running cell. */
    private final BooleanSupplier foreground;
    private volatile boolean allowed;
    private byte[] buffer = new byte[0];
    private int pos;

    KernelInput(Function<String, String> askLine) {
        this(askLine, () -> true);
    }

    KernelInput(Function<String, String> askLine, BooleanSupplier foreground) {
        this.askLine = askLine;
        this.foreground = foreground;
    }

    /** Set for each execute request from its {@code allow_stdin} flag. */
    synchronized void startCell(boolean allowStdin) {
        this.allowed = allowStdin;
        buffer = new byte[0];
        pos = 0;
    }

    @Override
    public int read() {
        refuseBackgroundReaders();
        return readLocked();
    }

    private synchronized int readLocked() {
        if (!fill()) {
            return -1;
        }
        return buffer[pos++] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        if (len == 0) {
            return 0;
        }
        refuseBackgroundReaders();
        return readLocked(b, off, len);
    }

    /** Outside the lock, so a refused thread never waits for the cell that is reading. */
    private void refuseBackgroundReaders() {
        if (!foreground.getAsBoolean()) {
            throw new StdinUnavailableException("System.in belongs to the running cell: a thread that an earlier "
                    + "cell started cannot read it (it would take the next cell's input). Read the input in the cell "
                    + "and hand it to the thread.");
        }
    }

    private synchronized int readLocked(byte[] b, int off, int len) {
        if (!fill()) {
            return -1;
        }
        int n = Math.min(len, buffer.length - pos);
        System.arraycopy(buffer, pos, b, off, n);
        pos += n;
        return n;
    }

    @Override
    public synchronized int available() {
        return buffer.length - pos;
    }

    private boolean fill() {
        if (pos < buffer.length) {
            return true;
        }
        if (!allowed) {
            throw new StdinUnavailableException();
        }
        String line = askLine.apply("");
        if (line == null) {
            return false; // interrupted: end of input
        }
        buffer = (line + "\n").getBytes(StandardCharsets.UTF_8);
        pos = 0;
        return true;
    }
}

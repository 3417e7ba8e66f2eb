package org.javadl.kernel.protocol;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/**
 * The {@code System.in} of cells: each time the buffered line is used up, it asks the front end for
 * another one ({@code input_request} on the stdin channel), if the current request allows it.
 */
final class KernelInput extends InputStream {
    /** Asks the front end for a line; returns null when interrupted. */
    private final Function<String, String> askLine;
    private volatile boolean allowed;
    private byte[] buffer = new byte[0];
    private int pos;

    KernelInput(Function<String, String> askLine) {
        this.askLine = askLine;
    }

    /** Set for each execute request from its {@code allow_stdin} flag. */
    synchronized void startCell(boolean allowStdin) {
        this.allowed = allowStdin;
        buffer = new byte[0];
        pos = 0;
    }

    @Override
    public synchronized int read() {
        if (!fill()) {
            return -1;
        }
        return buffer[pos++] & 0xFF;
    }

    @Override
    public synchronized int read(byte[] b, int off, int len) {
        if (len == 0) {
            return 0;
        }
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

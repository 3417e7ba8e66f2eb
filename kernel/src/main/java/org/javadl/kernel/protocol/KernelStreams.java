package org.javadl.kernel.protocol;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code System.out}, {@code System.err} and {@code System.in} as the kernel installs them, and
 * the means to keep them: a cell may call {@code System.setOut(null)}, point {@code System.out}
 * at a file, or close it through a {@code PrintWriter} that wraps it, and every later cell would
 * print into nothing. The kernel's print streams ignore {@code close()} (they flush), and after
 * each cell {@link #reclaim} puts back whatever the cell replaced, saying so in one note.
 */
final class KernelStreams {
    private final CloseProofPrintStream out;
    private final CloseProofPrintStream err;
    private final InputStream in;

    KernelStreams(OutputStream stdout, OutputStream stderr, InputStream stdin) {
        this.out = new CloseProofPrintStream(stdout);
        this.err = new CloseProofPrintStream(stderr);
        this.in = stdin;
    }

    void install() {
        System.setOut(out);
        System.setErr(err);
        System.setIn(in);
    }

    /**
     * Puts the kernel's streams back where code replaced them and forgets closes; returns a note
     * saying what was restored ({@code who} did it: "this cell", "a background thread"), or null
     * if nothing was touched.
     */
    String reclaim(String who) {
        List<String> replaced = new ArrayList<>();
        if (System.out != out) {
            System.setOut(out);
            replaced.add("System.out");
        }
        if (System.err != err) {
            System.setErr(err);
            replaced.add("System.err");
        }
        if (System.in != in) {
            System.setIn(in);
            replaced.add("System.in");
        }
        List<String> closed = new ArrayList<>();
        if (out.takeCloseAttempt()) {
            closed.add("System.out");
        }
        if (err.takeCloseAttempt()) {
            closed.add("System.err");
        }
        List<String> parts = new ArrayList<>();
        if (!replaced.isEmpty()) {
            parts.add(who + " replaced " + String.join(" and ", replaced) + "; the kernel put its own back for the next cells");
        }
        if (!closed.isEmpty()) {
            parts.add((parts.isEmpty() ? who : "it") + " closed " + String.join(" and ", closed)
                    + ", which stays open (the kernel's streams ignore close())");
        }
        return parts.isEmpty() ? null : "note: " + String.join("; ", parts) + ".";
    }

    /** A print stream whose {@code close()} only flushes, and remembers that it was asked. */
    private static final class CloseProofPrintStream extends PrintStream {
        private volatile boolean closeAttempted;

        CloseProofPrintStream(OutputStream target) {
            super(target, true, StandardCharsets.UTF_8);
        }

        @Override
        public void close() {
            flush();
            closeAttempted = true;
        }

        boolean takeCloseAttempt() {
            boolean was = closeAttempted;
            closeAttempted = false;
            return was;
        }
    }
}

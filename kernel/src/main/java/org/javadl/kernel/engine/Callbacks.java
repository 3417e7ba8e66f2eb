package org.javadl.kernel.engine;

/**
 * Hands a callback (a widget's action, defined in an earlier cell) to the snippet that runs it:
 * {@link JavaEngine#runCallback} puts it here and evaluates a call to {@link #runPending()}, so the
 * callback runs where cells run, on JShell's execution thread, with everything cells have: an
 * interrupt or a time budget stops it, the threads it starts belong to a cell, and what it throws
 * comes back with its frames in cell lines.
 */
public final class Callbacks {
    /** The snippet {@link JavaEngine#runCallback} evaluates. */
    static final String CALL = Callbacks.class.getName() + ".runPending();";

    private static volatile Runnable pending;

    private Callbacks() {
    }

    static void setPending(Runnable callback) {
        pending = callback;
    }

    /** Called by the snippet {@link #CALL} on JShell's execution thread; public only for that reason. */
    public static void runPending() {
        Runnable r = pending;
        pending = null;
        if (r != null) {
            r.run();
        }
    }
}

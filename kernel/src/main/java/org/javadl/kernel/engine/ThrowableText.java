package org.javadl.kernel.engine;

import java.util.List;

/**
 * Reads a throwable the cell raised without trusting it: a user's exception class may override
 * {@code getMessage()}, {@code getCause()} or {@code getStackTrace()} to return null, to throw,
 * or to return itself. Every accessor here answers something and never throws.
 */
final class ThrowableText {
    private ThrowableText() {
    }

    /** The message, null if there is none; a note if {@code getMessage()} threw. */
    static String message(Throwable t) {
        try {
            return t.getMessage();
        } catch (Throwable e) {
            return "<getMessage() threw " + e.getClass().getName() + ">";
        }
    }

    /** What to say instead of an empty message, so every error has a readable value. */
    static String noMessage(Throwable t) {
        if (t instanceof StackOverflowError) {
            return "the call stack overflowed (recursion too deep, or without an end?)";
        }
        if (t instanceof ThreadDeath) {
            return "the cell threw ThreadDeath";
        }
        return "(no message)";
    }

    static Throwable cause(Throwable t) {
        try {
            return t.getCause();
        } catch (Throwable e) {
            return null;
        }
    }

    static List<Throwable> suppressed(Throwable t) {
        try {
            return List.of(t.getSuppressed());
        } catch (Throwable e) {
            return List.of();
        }
    }

    static StackTraceElement[] stackTrace(Throwable t) {
        try {
            StackTraceElement[] frames = t.getStackTrace();
            return frames == null ? new StackTraceElement[0] : frames;
        } catch (Throwable e) {
            return new StackTraceElement[0];
        }
    }
}

package org.javadl.kernel.engine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

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
            return shortened(t.getMessage());
        } catch (Throwable e) {
            return "<getMessage() threw " + e.getClass().getName() + ">";
        }
    }

    /** Longest message shown whole; a message of megabytes would bury the traceback. */
    static final int MAX_MESSAGE_CHARS = 5_000;

    private static String shortened(String message) {
        if (message == null || message.length() <= MAX_MESSAGE_CHARS) {
            return message;
        }
        int cut = MAX_MESSAGE_CHARS;
        if (Character.isLowSurrogate(message.charAt(cut)) && Character.isHighSurrogate(message.charAt(cut - 1))) {
            cut--; // never half an emoji
        }
        return message.substring(0, cut) + String.format("\u2026 (%,d characters in all)",
                message.codePointCount(0, message.length()));
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

    /** At most this many distinct throwables of one error are looked at. */
    static final int MAX_RELATED = 64;

    /**
     * The throwable and those reachable from it through causes and suppressed exceptions, each
     * once (a cycle ends where it closes), at most {@value #MAX_RELATED}.
     */
    static List<Throwable> related(Throwable top) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Throwable> out = new ArrayList<>();
        Deque<Throwable> todo = new ArrayDeque<>();
        todo.add(top);
        while (!todo.isEmpty() && out.size() < MAX_RELATED) {
            Throwable t = todo.poll();
            if (t == null || !seen.add(t)) {
                continue;
            }
            out.add(t);
            Throwable c = cause(t);
            if (c != null) {
                todo.add(c);
            }
            todo.addAll(suppressed(t));
        }
        return out;
    }
}

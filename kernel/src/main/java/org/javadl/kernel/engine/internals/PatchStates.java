package org.javadl.kernel.engine.internals;

import java.util.List;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Which of the kernel's JDK patches (the pieces that reach into {@code jdk.jshell} and
 * {@code jdk.compiler} to keep long sessions fast) are on in this JVM.
 *
 * <p>Each patch turns itself off, with its own log line, when a JDK does not let it in or is not
 * what it expects; the kernel then still works, only slower as a session grows. That is silent
 * in every other respect, so the engine says once, at start-up, in one line, which patches are on
 * ({@link #announce}), and tests read that line (or {@link #summary()} from a cell) on every JDK
 * the machine has: a new JDK that refuses a patch fails a test instead of bringing back slow
 * sessions unnoticed.
 */
public final class PatchStates {
    private static final Logger LOG = Logger.getLogger(PatchStates.class.getName());
    /** What the log line starts with (tests look for it). */
    public static final String PREFIX = "JDK patches";

    /** One patch and whether it is on. */
    public record State(String name, boolean on) {
        @Override
        public String toString() {
            return name + "=" + (on ? "on" : "off");
        }
    }

    private static volatile List<State> announced = List.of();

    private PatchStates() {
    }

    /**
     * Logs the states in one line and keeps them for {@link #summary()}: a warning when a patch is
     * off (long sessions then slow down), otherwise at CONFIG ({@code JAVADL_LOG=CONFIG} shows it),
     * because the kernel's stderr is the terminal of {@code jupyter console} and of a Notebook server.
     */
    public static void announce(List<State> states) {
        announced = List.copyOf(states);
        boolean allOn = announced.stream().allMatch(State::on);
        LOG.log(allOn ? java.util.logging.Level.CONFIG : java.util.logging.Level.WARNING, summary());
    }

    /** {@code "JDK patches on Java 25.0.3: class-listing=on, ..."}, as logged at start-up (empty list before). */
    public static String summary() {
        return PREFIX + " on Java " + Runtime.version() + ": "
                + announced.stream().map(State::toString).collect(Collectors.joining(", "));
    }

    /** The states announced last in this JVM. */
    public static List<State> states() {
        return announced;
    }

    /** Whether every announced patch is on (false before anything was announced). */
    public static boolean allOn() {
        return !announced.isEmpty() && announced.stream().allMatch(State::on);
    }
}

package org.javadl.kernel.engine.internals;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Which of the kernel's JDK patches are on for one JShell, said in one log line.
 *
 * <p>Each patch turns itself off, with its own log line, when a JDK does not let it in or is not
 * what it expects; the kernel then still works, only slower as a session grows. That is silent
 * in every other respect, so {@link JdkPatches#install} says once, in one line, which patches are
 * on, and tests read that line on every JDK the machine has: a new JDK that refuses a patch fails
 * a test instead of bringing back slow sessions unnoticed.
 *
 * @param states each patch with whether it is on, in the order {@link JdkPatches} applied them
 */
public record PatchStates(List<State> states) {
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

    public PatchStates {
        states = List.copyOf(states);
    }

    /**
     * Logs the states in one line: a warning when a patch is off (long sessions then slow down),
     * otherwise at CONFIG ({@code JAVADL_LOG=CONFIG} shows it), because the kernel's stderr is the
     * terminal of {@code jupyter console} and of a Notebook server.
     */
    void announce() {
        LOG.log(allOn() ? Level.CONFIG : Level.WARNING, summary());
    }

    /** {@code "JDK patches on Java 25.0.3: indexing-pause=on, class-listing=on, ..."}, as logged. */
    public String summary() {
        return PREFIX + " on Java " + Runtime.version() + ": "
                + states.stream().map(State::toString).collect(Collectors.joining(", "));
    }

    /** Whether every patch is on. */
    public boolean allOn() {
        return !states.isEmpty() && states.stream().allMatch(State::on);
    }
}

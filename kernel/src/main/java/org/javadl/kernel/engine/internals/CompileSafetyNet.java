package org.javadl.kernel.engine.internals;

import jdk.jshell.DeclarationSnippet;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;

import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Compiles a snippet again, with every patch that changes what javac sees turned off, when it
 * failed to compile while they were on; a patch can then make a cell slower, never wrong.
 *
 * <p>Why: three patches decide, per compilation, which of the session's definitions javac is
 * shown ({@link ReplImportTrimmer} and {@link ReplDefinitions}: the imports; {@link
 * ReplClassListing}: the class files). Their reasoning is checked by tests, but if it missed a
 * case (or a later JShell builds its sources differently) a correct cell would fail with "cannot
 * find symbol". So any failure to compile while they are on is compiled again without them; the
 * second result is the one the user sees (for a real mistake in the cell it is the same error).
 *
 * <p>A failure to compile is either a rejected snippet (javac's errors; nothing ran) or a
 * declaration JShell took as recoverable because a name it uses is not defined, while a live
 * definition of that name exists (what a missing import looks like to JShell). JShell reports a
 * syntax error as a rejected snippet too; compiling it again costs a second parse, which is cheap,
 * and telling the two apart would need javac's diagnostic codes, which are not an API.
 *
 * <p>{@link #retries()} counts the second compilations and {@link #rescues()} those that then
 * succeeded; tests assert both are 0 for the bundled notebooks and the soak mix, and each rescue
 * is logged with the snippet. When the rescued compile says javac missed a class file of the
 * narrowed listing, narrowing stays off for the session ({@link ReplClassListing#missedAClass}).
 *
 * <p>JDK members it touches (checked on JDK 17.0.15 and 25.0.3): none: JShell's public API only.
 */
public final class CompileSafetyNet {
    private static final Logger LOG = Logger.getLogger(CompileSafetyNet.class.getName());
    // JVM-wide counts, not per engine: a cell reads them (tests), and a cell has no reference to its
    // engine; they count, and change nothing.
    private static final AtomicLong RETRIES = new AtomicLong();
    private static final AtomicLong RESCUES = new AtomicLong();

    private CompileSafetyNet() {
    }

    /**
     * {@code shell.eval(source)}, compiled again with the patches off if it failed to compile
     * with them on (in the cell's {@link CellScope} on this thread).
     */
    static List<SnippetEvent> eval(JShell shell, String source) {
        List<SnippetEvent> events = shell.eval(source);
        CellScope cell = CellScope.current();
        if (cell == null || !cell.changesWhatJavacSees() || !failedToCompile(shell, events)) {
            return events;
        }
        if (cell.listing != null) {
            cell.listing.missedAClass(shell, events); // turns narrowing off for good if javac missed a class file
        }
        RETRIES.incrementAndGet();
        List<SnippetEvent> again;
        try (JdkPatches.Scope off = CellScope.open(CellScope.OFF)) {
            again = shell.eval(source);
        }
        if (!failedToCompile(shell, again)) {
            RESCUES.incrementAndGet();
            LOG.warning("a snippet compiled only with the kernel's JDK patches off (a bug in engine/internals; "
                    + "the cell ran correctly, compiled without them): " + source);
        }
        return again;
    }

    /** Second compilations so far in this JVM (each after a failure with the patches on). */
    public static long retries() {
        return RETRIES.get();
    }

    /** Second compilations that succeeded where the first failed: each one is a patch's bug. */
    public static long rescues() {
        return RESCUES.get();
    }

    /** {@code "compile retries with the JDK patches off: 0, of which rescued: 0"} (for tests and logs). */
    public static String summary() {
        return "compile retries with the JDK patches off: " + retries() + ", of which rescued: " + rescues();
    }

    private static boolean failedToCompile(JShell shell, List<SnippetEvent> events) {
        for (SnippetEvent e : events) {
            if (e.causeSnippet() != null) {
                continue;
            }
            Snippet s = e.snippet();
            if (e.status() == Snippet.Status.REJECTED) {
                return true;
            }
            if ((e.status() == Snippet.Status.RECOVERABLE_DEFINED || e.status() == Snippet.Status.RECOVERABLE_NOT_DEFINED)
                    && s instanceof DeclarationSnippet d) {
                return namesALiveDefinition(shell, d);
            }
        }
        return false;
    }

    /**
     * Whether one of the names JShell says {@code d} is waiting for is the name of a live
     * definition (then javac was not shown it). JShell names them as {@code "f"},
     * {@code "method f(int)"} or {@code "class B"}: the simple name is the last word before any
     * parameter list.
     */
    private static boolean namesALiveDefinition(JShell shell, DeclarationSnippet d) {
        Set<String> missing = shell.unresolvedDependencies(d).map(CompileSafetyNet::simpleName).collect(Collectors.toSet());
        if (missing.isEmpty()) {
            return false;
        }
        return shell.snippets().anyMatch(s -> s != d && s instanceof DeclarationSnippet other
                && missing.contains(other.name()) && shell.status(s).isActive());
    }

    static String simpleName(String dependency) {
        String name = dependency.strip();
        int paren = name.indexOf('(');
        if (paren >= 0) {
            name = name.substring(0, paren);
        }
        int space = name.lastIndexOf(' ');
        return space < 0 ? name : name.substring(space + 1);
    }
}

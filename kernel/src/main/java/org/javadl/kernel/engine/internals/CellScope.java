package org.javadl.kernel.engine.internals;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * What the patches change in the compilations of the cell that runs on a thread: whether
 * {@link ReplImportTrimmer} trims imports, which {@link ReplDefinitions} leaves definitions out
 * of JShell's import text, which {@link ReplClassListing} narrows javac's listing of the
 * {@code REPL} package, and the wrapper classes the compilation in progress can reach.
 *
 * <p>The current scope is kept per thread, in this package's one static of per-cell state, because
 * the code that needs it has no reference to the patch set that opened it: javac creates
 * {@link ReplImportPlugin} through {@code ServiceLoader} for every task, and javac's own calls
 * reach the replaced class table, class-file map and snippet table from deep inside a compilation.
 * What they share with the engine is the thread: JShell compiles on the thread that calls
 * {@code eval}. Each scope names the patch set (hence the JShell) it belongs to, and the replaced
 * tables check that it is theirs, so two engines in one JVM never act on each other's cells.
 */
final class CellScope {
    private static final ThreadLocal<CellScope> CURRENT = new ThreadLocal<>();
    /** A scope in which no patch changes what javac sees ({@link CompileSafetyNet}'s second try). */
    static final CellScope OFF = new CellScope(null, false, null, null);

    /** The patch set that opened this scope (null for {@link #OFF}). */
    final JdkPatches patches;
    final boolean trimImports;
    /** The listing narrowed for this cell, or null. */
    final ReplClassListing listing;
    /** The table that leaves definitions out of JShell's import text in this cell, or null. */
    final ReplDefinitions definitions;
    /** The wrappers ({@code REPL.$JShell$12}) the current compilation may list; null: all. */
    private Set<String> reachable;

    CellScope(JdkPatches patches, boolean trimImports, ReplClassListing listing, ReplDefinitions definitions) {
        this.patches = patches;
        this.trimImports = trimImports;
        this.listing = listing;
        this.definitions = definitions;
    }

    /** The scope of the cell compiling on this thread, or null outside cells. */
    static CellScope current() {
        return CURRENT.get();
    }

    /** Makes {@code scope} this thread's until the returned scope is closed; scopes nest. */
    static JdkPatches.Scope open(CellScope scope) {
        CellScope before = CURRENT.get();
        CURRENT.set(scope);
        return () -> CURRENT.set(before);
    }

    /** Whether compilations on this thread have their imports trimmed now. */
    static boolean trimmingHere() {
        CellScope c = CURRENT.get();
        return c != null && c.trimImports;
    }

    /** A javac task starts on this thread: it lists everything until its units are parsed. */
    static void compilationStarted() {
        CellScope c = CURRENT.get();
        if (c != null) {
            c.reachable = null;
        }
    }

    /** Whether a patch changes what javac is shown in this scope. */
    boolean changesWhatJavacSees() {
        return trimImports || definitions != null || (listing != null && listing.on());
    }

    /**
     * Adds {@code wrappers} (simple names, {@code $JShell$12}) and what their class files reach to
     * what the current compilation lists. Called for each parsed unit; a compilation that never
     * calls this lists everything.
     */
    void reachable(Collection<String> wrappers) {
        if (listing == null) {
            return;
        }
        if (reachable == null) {
            reachable = new HashSet<>();
        }
        listing.addReachable(reachable, wrappers);
    }

    /** What the current compilation may list of {@code of}'s class files, or null for all of them. */
    Set<String> reachableIn(ReplClassListing of) {
        return of == listing && of.on() ? reachable : null;
    }

    /** Whether compilations in this scope leave out the import of {@code name} (tests make javac miss one so). */
    boolean withholds(CharSequence name) {
        String w = patches == null ? null : patches.withheldForTests;
        return w != null && w.contentEquals(name);
    }
}

package org.javadl.kernel.engine.internals;

import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;

import java.util.ArrayList;
import java.util.List;

/**
 * The kernel's JShell and javac patches for one JShell, installed together by {@link #install}:
 * what they do to a cell's compilations ({@link #cell()}, {@link #eval}), what they tidy after it
 * ({@link #cellEnded}), and which of them are on ({@link #states()}, logged once).
 *
 * <p>Every patch is optional: one that a JDK refuses is off, with a log line of its own, and the
 * kernel runs as JShell would run it, only slower as a session grows.
 */
public final class JdkPatches {
    /**
     * The patches, in the order {@link #install} applies them; each names those that must be in
     * place before it (checked when this class loads), and whether it must precede the start-up code.
     */
    enum Patch {
        /** Holds back JShell's package indexing, which would otherwise run during the start-up imports. */
        INDEXING_PAUSE("indexing-pause", true),
        /** Replaces JShell's map of class files, so it must come before anything holding on to that map. */
        CLASS_LISTING("class-listing", false),
        /** Replaces JShell's table of snippets by key, so it must come before anything holding on to it. */
        SNIPPET_TABLE("snippet-table", false),
        /** Holds the class-file map: the narrowing replacement, not JShell's original. */
        CLASS_PRUNER("class-pruner", false, CLASS_LISTING),
        /** Holds the table of snippets by key: the indexing replacement, not JShell's original. */
        HISTORY_TRIMMER("history-trimmer", false, SNIPPET_TABLE),
        /** Walks javac's class tables, which must be indexed already to be checked. */
        SYMBOL_SWEEPER("symbol-sweeper", false),
        /** Started by javac in each task (through {@link ReplImportPlugin}): on once the start-up code compiled. */
        IMPORT_TRIMMER("import-trimmer", false),
        /** Attached by javac's plugin to each pooled context: on once the start-up code compiled. */
        CLASS_TABLE("class-table", false, IMPORT_TRIMMER);

        final String label;
        final boolean beforeStartupCode;
        final List<Patch> requires;

        Patch(String label, boolean beforeStartupCode, Patch... requires) {
            this.label = label;
            this.beforeStartupCode = beforeStartupCode;
            this.requires = List.of(requires);
        }

        static {
            Patch previous = null;
            for (Patch p : values()) {
                if (previous != null && p.beforeStartupCode && !previous.beforeStartupCode) {
                    throw new ExceptionInInitializerError(p + " must precede every patch applied after the start-up code");
                }
                for (Patch r : p.requires) {
                    if (r.ordinal() >= p.ordinal()) {
                        throw new ExceptionInInitializerError(p + " must come after " + r);
                    }
                }
                previous = p;
            }
        }
    }

    /** What {@link #cell()} returns: closing it ends what it began. */
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    /** A full pass of the pruner and the history trimmer every this many cells catches anything missed. */
    private static final int FULL_PASS_EVERY = 256;
    /**
     * javac's class table is swept every this many cells: a sweep walks the whole table (a few
     * thousand JDK and library classes), and a cell leaves only a few empty entries.
     */
    private static final int SWEEP_EVERY = 32;

    private final JShell shell;
    private final List<Snippet> touched = new ArrayList<>();
    private BackgroundIndexing indexing;
    private ReplClassListing listing;
    private ReplDefinitions definitions;
    private ReplClassPruner pruner;
    private SnippetHistoryTrimmer trimmer;
    private ReplSymbolSweeper sweeper;
    private PatchStates states;
    private int cells;
    /** Tests only: a definition's name whose import this shell's cells leave out, to make javac miss it. */
    volatile String withheldForTests;

    private JdkPatches(JShell shell) {
        this.shell = shell;
    }

    /**
     * Applies every patch to {@code shell}, in the order of {@link Patch}, running
     * {@code startupCode} (the session's default imports) where that order puts it, and logs the
     * state of each in one line. {@code analysis} is the shell's, created just before.
     */
    public static JdkPatches install(JShell shell, SourceCodeAnalysis analysis, Runnable startupCode) {
        JdkPatches patches = new JdkPatches(shell);
        List<PatchStates.State> states = new ArrayList<>();
        boolean startupDone = false;
        for (Patch p : Patch.values()) {
            if (!p.beforeStartupCode && !startupDone) {
                startupCode.run();
                startupDone = true;
            }
            states.add(new PatchStates.State(p.label, patches.apply(p, analysis)));
        }
        if (!startupDone) {
            startupCode.run();
        }
        shell.onSnippetEvent(patches::changed);
        patches.states = new PatchStates(states);
        patches.states.announce();
        return patches;
    }

    /** Applies one patch; returns whether it is on. */
    private boolean apply(Patch p, SourceCodeAnalysis analysis) {
        return switch (p) {
            case INDEXING_PAUSE -> (indexing = BackgroundIndexing.pause(analysis)).paused();
            case CLASS_LISTING -> (listing = ReplClassListing.install(shell)) != null;
            case SNIPPET_TABLE -> (definitions = ReplDefinitions.install(shell)) != null;
            case CLASS_PRUNER -> {
                pruner = ReplClassPruner.forShell(shell);
                if (pruner != null) {
                    pruner.prune(); // the start-up code's throwaway wrapper classes
                }
                yield pruner != null;
            }
            case HISTORY_TRIMMER -> (trimmer = SnippetHistoryTrimmer.forShell(shell)) != null;
            case SYMBOL_SWEEPER -> (sweeper = ReplSymbolSweeper.forShell(shell)) != null;
            case IMPORT_TRIMMER -> ReplImportTrimmer.active();
            case CLASS_TABLE -> ReplClassTable.active();
        };
    }

    /**
     * Begins a cell on this thread: its compilations are trimmed, narrowed and given only the
     * imports they name, until the returned scope is closed at the end of the cell.
     */
    public Scope cell() {
        ReplClassListing narrowed = listing != null && listing.on() ? listing : null;
        return CellScope.open(new CellScope(this, ReplImportTrimmer.available(), narrowed, definitions));
    }

    /** {@code shell.eval(source)} with {@link CompileSafetyNet}: compiled again with the patches off if it failed. */
    public List<SnippetEvent> eval(String source) {
        return CompileSafetyNet.eval(shell, source);
    }

    private void changed(SnippetEvent e) {
        synchronized (touched) {
            touched.add(e.snippet());
        }
    }

    private List<Snippet> takeTouched() {
        synchronized (touched) {
            List<Snippet> out = new ArrayList<>(touched);
            touched.clear();
            return out;
        }
    }

    /**
     * After a cell: forgets what can no longer be referenced ({@link ReplClassPruner},
     * {@link SnippetHistoryTrimmer}, {@link ReplSymbolSweeper}); {@code dropped} are the cell's
     * dropped scratch snippets. Each cell looks only at the snippets whose status it changed; every
     * {@value #FULL_PASS_EVERY} cells a full pass catches anything missed.
     */
    public void cellEnded(List<Snippet> dropped) {
        List<Snippet> changed = takeTouched();
        int cell = ++cells;
        boolean full = cell % FULL_PASS_EVERY == 0;
        if (pruner != null) {
            if (full || trimmer == null) {
                pruner.prune();
            } else {
                pruner.prune(changed, trimmer::sharesClassWithActive);
            }
        }
        if (trimmer != null) {
            if (full) {
                trimmer.trim(dropped);
            } else {
                trimmer.trim(dropped, changed);
            }
        }
        if (sweeper != null && cell % SWEEP_EVERY == 0) {
            sweeper.sweep();
        }
    }

    /**
     * The wrapper class {@code s} was compiled into ({@code REPL.$JShell$12}), the class whose
     * {@code do_it$} JShell invokes to run it; null when JShell's names are out of reach.
     */
    public String wrapperClassOf(Snippet s) {
        return WrapperClasses.of(s);
    }

    /** JShell's package indexing, held back until the kernel is idle. */
    public BackgroundIndexing indexing() {
        return indexing;
    }

    /** Which patches are on, as logged by {@link #install}. */
    public PatchStates states() {
        return states;
    }

    /** How many class files JShell holds for the compiler, or -1 if the pruner is off (for tests). */
    public int classFileCount() {
        return pruner == null ? -1 : pruner.classFileCount();
    }

    /** What JShell remembers of its snippets, or null if the history trimmer is off (for tests). */
    public SnippetHistoryTrimmer.History history() {
        try {
            return trimmer == null ? null : trimmer.history();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Tests only: leaves the import of definitions named {@code name} out of this shell's cells (null: none). */
    public void withholdImportForTests(String name) {
        withheldForTests = name;
    }

    /** Tests only: leaves class files whose name ends with {@code suffix} out of narrowed listings (null: none). */
    public void hideClassFilesForTests(String suffix) {
        if (listing != null) {
            listing.hiddenForTests = suffix;
        }
    }

    /** Lets JShell's indexing run, as it would without the kernel (before the shell closes). */
    public void close() {
        indexing.resume(); // JShell's indexer thread is shared by every JShell in the JVM
    }
}

package org.javadl.kernel.engine;

import jdk.jshell.Diag;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.UnresolvedReferenceException;
import org.javadl.kernel.engine.classpath.IndexedFileManager;
import org.javadl.kernel.engine.internals.JdkPatches;
import org.javadl.kernel.engine.internals.ReplImportPlugin;
import org.javadl.kernel.engine.internals.SnippetHistoryTrimmer;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Runs cells with JShell in this JVM and keeps their real result objects.
 *
 * <p>JShell is built on a background thread as soon as the engine is created, so the kernel can
 * answer {@code kernel_info} and connect while javac warms up; the first call that needs JShell
 * waits for it. All JShell calls except {@link #interrupt()} come from one thread (the shell).
 */
public final class JavaEngine implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(JavaEngine.class.getName());

    /** Imports every cell starts with, so a first cell can be {@code sigmoid(0.5)}. */
    public static final List<String> DEFAULT_IMPORTS = List.of(
            "import java.util.*;",
            "import java.util.function.*;",
            "import java.util.stream.*;",
            "import java.math.*;",
            "import org.javadl.*;",
            "import org.javadl.tensor.*;",
            "import org.javadl.activation.*;",
            "import org.javadl.loss.*;",
            "import org.javadl.conv.*;",
            "import org.javadl.graph.*;",
            "import org.javadl.model.*;",
            "import org.javadl.nn.*;",
            "import org.javadl.check.*;",
            // The layers keep PyTorch's names, which org.javadl.conv's functional homework classes share; a
            // single-type import decides for the layers (the conv classes stay reachable by their full names).
            "import org.javadl.nn.Conv2d;",
            "import org.javadl.nn.MaxPool2d;",
            "import tech.tablesaw.api.*;",
            "import org.knowm.xchart.*;",
            "import static org.javadl.DL.*;",
            "import static org.javadl.kernel.runtime.Notebook.*;");

    private final CompletableFuture<Session> session;
    /** JShell is single-threaded: cells and completion/inspection requests (user_expressions too) take turns. */
    private final java.util.concurrent.locks.ReentrantLock lock = new java.util.concurrent.locks.ReentrantLock(true);
    private volatile boolean running;
    /** When the last cell or request ended (System.nanoTime). */
    private volatile long lastActivity = System.nanoTime();
    /**
     * A pause this long between cells lets JShell's package indexing run. Short, so it is done in
     * the first quiet moment of a session rather than in the middle of a later measurement (a
     * second's delay made it land in the CPU check after an interrupt).
     */
    private static final long IDLE_BEFORE_INDEXING_NANOS = 300_000_000L;
    private volatile boolean interruptRequested;
    /**
     * True while the kernel handles a request that runs code ({@link #requestStarting()}): the
     * interrupt flag was cleared when it began and is not cleared again by each cell or callback
     * it runs, so an interrupt that arrives before the code starts is not lost, and one that stops
     * the first run of a magic's several (%timeit) stops the rest.
     */
    private volatile boolean inRequest;
    /** The stop an interrupt began while a cell ran; its report goes into that cell's error. */
    private volatile ThreadStopper.Stop pendingStop;
    private volatile java.util.function.Consumer<List<String>> backgroundStopListener;
    private static final long STOP_REPORT_WAIT_MILLIS = 500;
    private static final String INTERRUPTED = "Interrupted";

    /** JShell plus what we keep about it. */
    private record Session(JShell shell, CellSplitter splitter, StatementBatcher batcher, SnippetOrigins origins,
                           ErrorFormatter errors, CodeAssist assist, JdkPatches patches,
                           KernelExecutionControl.Provider execution) {
        /** The shell's execution control, which keeps each snippet's run (null before JShell first ran code). */
        KernelExecutionControl control() {
            return execution.control();
        }

        /** Forgets the snippet runs so far (what the cell's earlier snippets returned or threw). */
        void forgetRuns() {
            KernelExecutionControl c = control();
            if (c != null) {
                c.forgetRuns();
            }
        }

        /** After a cell: the patches' housekeeping ({@code dropped}: the cell's dropped scratch snippets). */
        void tidy(List<Snippet> dropped) {
            patches.cellEnded(dropped);
            assist.stateChanged();
        }
    }

    public JavaEngine(String classpath, List<String> imports) {
        session = CompletableFuture.supplyAsync(() -> start(classpath, imports), r -> {
            Thread t = new Thread(r, "javadl-engine-start");
            t.setDaemon(true);
            t.start();
        });
        session.thenAccept(this::resumeIndexingWhenIdle);
    }

    /**
     * JShell's package index is built at the first pause between cells: not during the first
     * cells of a session, which it would slow on a small machine, and long before anybody is likely
     * to complete a package name (a completion request resumes it at once anyway).
     */
    private void resumeIndexingWhenIdle(Session s) {
        lastActivity = System.nanoTime();
        Thread t = new Thread(() -> {
            while (s.patches().indexing().paused()) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
                if (!running && !lock.isLocked() && System.nanoTime() - lastActivity > IDLE_BEFORE_INDEXING_NANOS) {
                    s.patches().indexing().resume();
                }
            }
        }, "javadl-index-when-idle");
        t.setDaemon(true);
        t.start();
    }

    /** An engine on this JVM's class path with the default imports. */
    public static JavaEngine standard() {
        return new JavaEngine(System.getProperty("java.class.path"), DEFAULT_IMPORTS);
    }

    private static Session start(String classpath, List<String> imports) {
        long t0 = System.nanoTime();
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        KernelExecutionControl.Provider execution = new KernelExecutionControl.Provider();
        JShell shell = JShell.builder()
                // javac's own jar handling would walk all of the kernel's jar before the first compile
                .fileManager(standard -> new IndexedFileManager(standard, classpath, ReplImportPlugin.loader()))
                .executionEngine(execution, java.util.Map.of())
                .in(new ByteArrayInputStream(new byte[0]))
                .out(quiet)
                .err(quiet)
                .build();
        LOG.fine(() -> "JShell built in " + (System.nanoTime() - t0) / 1_000_000 + " ms");
        // Created before the imports, so that setting up javac's completeness analyser is not on the
        // first cell's path. Its constructor also starts JShell's background indexing of the JDK
        // and the class path, which the patches hold back until the kernel is idle.
        SourceCodeAnalysis sca = shell.sourceCodeAnalysis();
        SnippetOrigins origins = new SnippetOrigins();
        CellThreads.wrapperCells(index -> {
            SnippetOrigins.Origin o = origins.find(Integer.toString(index));
            return o == null ? 0 : o.cell();
        });
        JdkPatches patches = JdkPatches.install(shell, sca, () -> {
            for (String imp : imports) {
                for (SnippetEvent e : shell.eval(imp)) {
                    if (e.status() == Snippet.Status.REJECTED) {
                        // A missing optional package must not stop the kernel; say so in the log.
                        LOG.warning("start-up import failed: " + imp + ": " + shell.diagnostics(e.snippet())
                                .map(d -> d.getMessage(java.util.Locale.ROOT)).collect(Collectors.joining("; ")));
                    }
                }
            }
            LOG.fine(() -> "imports done at " + (System.nanoTime() - t0) / 1_000_000 + " ms");
        });
        // No warm-up compile here: the first cell is usually already waiting, and it warms javac
        // just as well; a warm-up on this path would make that first cell wait for two compiles.
        LOG.fine(() -> "JShell ready at " + (System.nanoTime() - t0) / 1_000_000 + " ms after engine start, "
                + java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime() + " ms after JVM start");
        return new Session(shell, new CellSplitter(sca), new StatementBatcher(), origins, new ErrorFormatter(origins),
                new CodeAssist(shell), patches, execution);
    }

    private Session session() {
        try {
            return session.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while JShell was starting", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("JShell failed to start: " + e.getCause(), e.getCause());
        }
    }

    /** Runs {@code action} once JShell is ready (on the thread that readied it). */
    public void whenReady(Runnable action) {
        session.thenRun(action);
    }

    /** Blocks until JShell is ready (used by start-up training and tests). */
    public void awaitReady() {
        session();
    }

    /**
     * Runs a cell. {@code cellNumber} is its execution count, used to name earlier cells in stack
     * traces.
     */
    public CellOutcome execute(String code, int cellNumber) {
        return execute(code, cellNumber, cellNumber);
    }

    /**
     * Runs {@code callback}, code that cell {@code ownerCell} defined (a widget's action), as a cell
     * runs: after any running cell, on JShell's execution thread, stopped by {@link #interrupt()};
     * threads it starts belong to {@code ownerCell}. What it throws comes back as a failure whose
     * frames name the cells of the code they are in.
     */
    public CellOutcome runCallback(int ownerCell, Runnable callback) {
        Callbacks.setPending(callback);
        try {
            return execute(Callbacks.CALL, SnippetOrigins.CALLBACK, ownerCell);
        } finally {
            Callbacks.setPending(null);
        }
    }

    /** {@code cellNumber} names the code in tracebacks; {@code threadsCell} owns the threads it starts. */
    private CellOutcome execute(String code, int cellNumber, int threadsCell) {
        Session s = session();
        lock.lock();
        try (JdkPatches.Scope patched = s.patches().cell()) {
            CellThreads.cellStarting(threadsCell);
            return withStopReport(executeLocked(s, code, cellNumber), threadsCell);
        } finally {
            CellThreads.cellEnded();
            lastActivity = System.nanoTime();
            lock.unlock();
        }
    }

    /**
     * An interrupted cell's error also says which threads the interrupt stopped (it waits for
     * them up to {@value #STOP_REPORT_WAIT_MILLIS} ms); a stop that raced with the cell's end is
     * reported to the background listener instead.
     */
    private CellOutcome withStopReport(CellOutcome outcome, int cellNumber) {
        ThreadStopper.Stop stop = pendingStop;
        pendingStop = null;
        if (stop == null) {
            return outcome;
        }
        if (!(outcome instanceof CellOutcome.Failure f) || !INTERRUPTED.equals(f.ename())) {
            reportLater(stop);
            return outcome;
        }
        List<String> lines = stop.await(STOP_REPORT_WAIT_MILLIS).lines(cellNumber);
        if (lines.isEmpty()) {
            return outcome;
        }
        List<String> traceback = new ArrayList<>(f.traceback());
        traceback.addAll(lines);
        return new CellOutcome.Failure(f.ename(), f.evalue(), traceback);
    }

    /** Reports a stop that happened between cells once its threads are gone (to {@link #onBackgroundStop}). */
    private void reportLater(ThreadStopper.Stop stop) {
        Thread t = new Thread(() -> {
            ThreadStopper.Report report = stop.await(2 * STOP_REPORT_WAIT_MILLIS);
            java.util.function.Consumer<List<String>> listener = backgroundStopListener;
            if (!report.isEmpty() && listener != null) {
                listener.accept(report.lines(0));
            }
        }, "javadl-stop-report");
        t.setDaemon(true);
        t.start();
    }

    /**
     * Where the report of a stop goes that no cell's error can carry: an interrupt while no cell
     * runs stops the threads earlier cells left running. Called on a kernel thread.
     */
    public void onBackgroundStop(java.util.function.Consumer<List<String>> listener) {
        backgroundStopListener = listener;
    }

    /**
     * "note: 2 threads started by this cell are still running: ..." for a cell whose threads
     * outlive it, or null.
     */
    public String backgroundThreadsNote(int cellNumber) {
        return CellThreads.stillRunningNote(cellNumber);
    }

    private CellOutcome executeLocked(Session s, String rawCode, int cellNumber) {
        // CR-only and CRLF cells: javac counts a lone CR as a line break, CellText must too.
        String code = CellText.normalizeLineEndings(rawCode);
        CellText cell = new CellText(code);
        CellOutcome.Failure unclosed = s.errors().unclosedComment(cell);
        if (unclosed != null) {
            return unclosed;
        }
        if (!inRequest) {
            clearInterrupt();
        }
        List<SnippetEvent> pendingNotes = new ArrayList<>();
        running = true;
        List<Snippet> scratch = new ArrayList<>();
        try {
            CellOutcome.Success shown = NOTHING_SHOWN;
            List<SnippetSource> snippets = s.splitter().split(code);
            for (StatementBatcher.Unit unit : s.batcher().group(code, snippets)) {
                CellOutcome.Failure failure = null;
                boolean ran = false;
                if (unit.isBatch()) {
                    Attempt a = evalOne(s, unit.block(), cell, cellNumber, scratch, true, pendingNotes);
                    ran = a.ran();
                    failure = a.failure();
                    shown = a.shows() != null ? a.shows() : shown;
                }
                if (!ran) {
                    for (SnippetSource part : unit.parts()) {
                        Attempt a = evalOne(s, part, cell, cellNumber, scratch, false, pendingNotes);
                        failure = a.failure();
                        shown = a.shows() != null ? a.shows() : shown;
                        if (failure != null) {
                            break;
                        }
                    }
                }
                if (failure != null) {
                    return failure;
                }
            }
            return shown;
        } finally {
            warnIfStillUnresolved(s, pendingNotes);
            running = false;
            s.forgetRuns();
            dropScratch(s, scratch);
            s.tidy(scratch);
        }
    }

    private static final CellOutcome.Success NOTHING_SHOWN = new CellOutcome.Success(false, null);

    /**
     * What evaluating one snippet came to: whether it ran (false only for a rejected batch, which
     * is retried piece by piece), its failure, and, for a snippet that ran to its end, what the cell
     * shows if nothing after it shows something else (null: the snippet leaves that as it was).
     */
    private record Attempt(boolean ran, CellOutcome.Failure failure, CellOutcome.Success shows) {
        static final Attempt NOTHING = new Attempt(true, null, null);

        static Attempt failed(CellOutcome.Failure failure) {
            return new Attempt(true, failure, null);
        }
    }

    private Attempt evalOne(Session s, SnippetSource snippet, CellText cell, int cellNumber,
                            List<Snippet> scratch, boolean batch, List<SnippetEvent> notes) {
        if (interruptRequested) {
            return Attempt.failed(interrupted());
        }
        s.forgetRuns();
        // A rejected batch is run again piece by piece, each piece with the safety net.
        List<SnippetEvent> events = batch ? s.shell().eval(snippet.source())
                : s.patches().eval(snippet.source());
        int at = Math.max(0, Math.min(snippet.anchor(), cell.text().length()));
        SnippetOrigins.Origin origin = new SnippetOrigins.Origin(cellNumber, cell, cell.lineOf(at), cell.columnOf(at));
        SnippetEvent main = null;
        for (SnippetEvent e : events) {
            if (e.causeSnippet() == null) {
                s.origins().record(e.snippet().id(), origin);
                if (main == null) {
                    main = e;
                }
            }
        }
        if (interruptRequested) {
            return Attempt.failed(interrupted());
        }
        if (main == null) {
            return Attempt.NOTHING;
        }
        Snippet snip = main.snippet();
        if (snip.kind() == Snippet.Kind.STATEMENT || snip.kind() == Snippet.Kind.EXPRESSION
                || snip.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND || snip.kind() == Snippet.Kind.ERRONEOUS) {
            scratch.add(snip); // nothing can refer to these later: drop them after the cell
        }
        if (main.status() == Snippet.Status.REJECTED) {
            if (batch) {
                return new Attempt(false, null, null);
            }
            List<Diag> diags = s.shell().diagnostics(snip).toList();
            return Attempt.failed(s.errors().compileError(diags, snippet, cell));
        }
        SnippetRun run = s.control() == null ? null : s.control().run(s.patches().wrapperClassOf(snip));
        if (main.exception() != null) {
            if (main.exception() instanceof UnresolvedReferenceException ure) {
                return Attempt.failed(unresolved(s, ure));
            }
            return Attempt.failed(s.errors().exception(main.exception(), cellNumber, run));
        }
        notes.add(main); // said at the end of the cell, if a later snippet did not resolve it
        boolean hasValue = !batch && isValueSnippet(snip) && run != null && run.returned()
                && !StatementEnding.isStatement(snip, snippet, cell.text());
        return new Attempt(true, null, hasValue ? new CellOutcome.Success(true, run.value()) : NOTHING_SHOWN);
    }

    /** Tells the shell's execution control whether a ThreadDeath now is the kernel's stop. */
    private static void stopping(Session s, boolean on) {
        KernelExecutionControl c = s.control();
        if (c != null) {
            c.stopping(on);
        }
    }

    /**
     * Drops a cell's statements, expressions and temporary {@code $N} variables. JShell imports every live
     * snippet into each new compilation, so keeping thousands of them makes every later cell
     * slower; kernels show values, not {@code $N} names, so nobody refers to them.
     */
    private static void dropScratch(Session s, List<Snippet> scratch) {
        for (Snippet snip : scratch) {
            try {
                s.shell().drop(snip); // evalOne collects only snippets nothing can refer to
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "drop failed", e);
            }
        }
    }

    private static boolean isValueSnippet(Snippet snippet) {
        return snippet.kind() == Snippet.Kind.EXPRESSION
                || snippet.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND;
    }

    private static CellOutcome.Failure interrupted() {
        return new CellOutcome.Failure(INTERRUPTED, "the cell was interrupted",
                List.of(ErrorFormatter.HEADING + "Interrupted" + ErrorFormatter.RESET
                        + ": the cell was stopped at your request. Variables keep the values they had when it stopped."));
    }

    private static CellOutcome.Failure unresolved(Session s, UnresolvedReferenceException ure) {
        String missing = s.shell().unresolvedDependencies(ure.getSnippet()).collect(Collectors.joining(", "));
        String what = describe(ure.getSnippet());
        String msg = what + " cannot be used until " + (missing.isEmpty() ? "its errors are fixed" : missing + " is defined");
        return new CellOutcome.Failure("UnresolvedReference", msg,
                List.of(ErrorFormatter.HEADING + "UnresolvedReference" + ErrorFormatter.RESET + ": " + msg));
    }

    /**
     * Notes definitions that cannot be used yet. Checked when the cell ends, not as each snippet
     * is defined: in {@code class A { B b; } class B { A a; }} A is unresolved only until B is
     * defined a line later, and JShell then recompiles it.
     */
    private static void warnIfStillUnresolved(Session s, List<SnippetEvent> events) {
        java.util.Set<Snippet> said = new java.util.HashSet<>();
        for (SnippetEvent e : events) {
            Snippet snippet = e.snippet();
            if (!said.add(snippet)) {
                continue;
            }
            Snippet.Status now;
            try {
                now = s.shell().status(snippet);
            } catch (RuntimeException ex) {
                continue; // dropped or replaced since: nothing to say about it
            }
            if (now == Snippet.Status.RECOVERABLE_DEFINED || now == Snippet.Status.RECOVERABLE_NOT_DEFINED) {
                String missing = snippet instanceof jdk.jshell.DeclarationSnippet d
                        ? s.shell().unresolvedDependencies(d).collect(Collectors.joining(", ")) : "";
                System.err.println("note: " + describe(snippet) + " was defined, but it cannot be used until "
                        + (missing.isEmpty() ? "its errors are fixed" : missing + " is defined") + ".");
            }
        }
    }

    private static String describe(Snippet snippet) {
        if (snippet instanceof jdk.jshell.MethodSnippet m) {
            return "method " + m.name() + "(" + m.parameterTypes() + ")";
        }
        if (snippet instanceof jdk.jshell.TypeDeclSnippet t) {
            return "type " + t.name();
        }
        if (snippet instanceof jdk.jshell.VarSnippet v) {
            return "variable " + v.name();
        }
        return "snippet #" + snippet.id();
    }

    /**
     * How many class files JShell holds for the compiler (all of them wrappers of snippets):
     * with pruning it follows the number of live definitions, not the number of cells run.
     */
    int compiledClassCount() {
        return locked(() -> session().patches().classFileCount());
    }

    /** How many snippets JShell remembers, and how much generated source it keeps for them (for tests). */
    SnippetHistoryTrimmer.History snippetHistory() {
        return locked(() -> session().patches().history());
    }

    /** The session's JDK patches: which are on, and test hooks (waits for JShell to be ready). */
    public JdkPatches patches() {
        return session().patches();
    }

    /** A variable of the session: its name and declared type as JShell reports them. */
    public record Variable(String name, String type) {
    }

    /** The session's variables that can be used now (defined, without unresolved references), in definition order. */
    public List<Variable> variables() {
        return locked(() -> session().shell().variables()
                .filter(v -> session().shell().status(v) == Snippet.Status.VALID)
                .map(v -> new Variable(v.name(), v.typeName()))
                .toList());
    }

    /**
     * Adds jars or class directories to the session: javac compiles later cells against them and
     * their classes load in cells (after the kernel's own, which come first).
     */
    public void addToClasspath(List<java.nio.file.Path> paths) {
        locked(() -> {
            for (java.nio.file.Path p : paths) {
                session().shell().addToClasspath(p.toString());
            }
            return null;
        });
    }

    /**
     * Stops the running cell, if any, and every thread cells started (the running cell's and those
     * earlier cells left running). Safe to call from any thread; returns at once.
     */
    public void interrupt() {
        boolean cellRunning = running && session.isDone();
        boolean forRequest = cellRunning || inRequest;
        // The flags first, the plan of threads to stop after: a snippet thread that starts in
        // between either sees the flags (SnippetRun.run) or is in the plan.
        interruptRequested = true;
        if (session.isDone()) {
            stopping(session(), true); // the ThreadDeath that follows is the kernel's, not the cell's
        }
        ThreadStopper.Stop stop = ThreadStopper.plan(true);
        if (forRequest) {
            pendingStop = stop; // before anything stops: the cell's end (or the request's) reports it
        }
        stop.start();
        if (cellRunning) {
            try {
                session().shell().stop();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "JShell.stop failed", e);
            }
        } else if (!forRequest) {
            reportLater(stop);
        }
    }

    /** A request that runs code begins: interrupts from now on are its own (see {@link #inRequest}). */
    public void requestStarting() {
        clearInterrupt();
        inRequest = true;
    }

    public void requestEnded() {
        inRequest = false;
        ThreadStopper.Stop stop = pendingStop;
        if (stop != null) {
            pendingStop = null; // the request ran no code that could report it
            reportLater(stop);
        }
    }

    private void clearInterrupt() {
        interruptRequested = false;
        if (session.isDone()) {
            stopping(session(), false);
        }
    }

    /** True once {@link #interrupt()} was called during the current cell. */
    public boolean interruptRequested() {
        return running && interruptRequested;
    }

    public boolean isRunning() {
        return running;
    }

    public CodeAssist.Completion complete(String code, int cursor) {
        return locked(() -> {
            session().patches().indexing().resumeAndAwaitOnce(3000); // package names come from the index
            return session().assist().complete(code, cursor);
        });
    }

    public CodeAssist.Documentation inspect(String code, int cursor) {
        return locked(() -> session().assist().inspect(code, cursor));
    }

    public CodeAssist.IsComplete isComplete(String code) {
        if (!session.isDone()) {
            return CodeAssist.roughIsComplete(code);
        }
        return locked(() -> session().assist().isComplete(code));
    }

    private <T> T locked(java.util.function.Supplier<T> action) {
        session();
        lock.lock();
        try {
            return action.get();
        } finally {
            lastActivity = System.nanoTime();
            lock.unlock();
        }
    }

    @Override
    public void close() {
        if (session.isDone()) {
            session().patches().close();
            session().shell().close();
        }
    }
}

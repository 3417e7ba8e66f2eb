package org.javadl.kernel.engine;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Timer;
import java.util.WeakHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.function.IntUnaryOperator;
import java.util.stream.Collectors;

/**
 * Which threads cells started, and what they are doing.
 *
 * <p>JShell runs each snippet on a new thread in a new thread group, and a thread belongs to the
 * group of the thread that created it; so every thread a cell's code creates, directly or through
 * an executor's thread factory or a thread it started, is in the group (or a subgroup) of one of
 * that cell's snippets. {@link #runSnippet()}, which JShell calls on the snippet's thread, records
 * the group with the cell's number. Shared pools are the exception: a worker of the common
 * {@link ForkJoinPool} (parallel streams, {@code CompletableFuture.runAsync}) belongs to nobody,
 * and its current task is told apart by the cell code on its stack.
 *
 * <p>Everything here is static: the woven calls in cell code ({@link #adopt}, {@link #start}) and
 * the notebook's {@code threads()} reach it without a reference, and one kernel runs one engine.
 */
public final class CellThreads {
    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(CellThreads.class.getName());
    /** JShell's snippet groups (and nothing else), with the cell each ran for. Weak: JDK 19+ lets unused groups go. */
    private static final Map<ThreadGroup, Integer> GROUPS = Collections.synchronizedMap(new WeakHashMap<>());
    /** JShell's own snippet threads: they are the cell, not threads the cell started. */
    private static final Set<Thread> RUNNERS = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));
    /** Executors and timers cell code created ({@link StopCheckWeaver}), with their cell. */
    private static final List<Adopted> ADOPTED = Collections.synchronizedList(new ArrayList<>());
    private static volatile int runningCell;
    /** JShell wrapper index ({@code REPL.$JShell$12} → 12) to the cell that defined it; 0 if unknown. */
    private static volatile IntUnaryOperator wrapperCell = index -> 0;
    /** Per thread: the cell its group belongs to (a group never changes), or, for pool workers, a recent answer. */
    private static final ThreadLocal<long[]> WRITER = new ThreadLocal<>();
    /** How long a pool worker's cell (found on its stack) is trusted: tasks rarely change faster. */
    private static final long POOL_WORKER_CACHE_NANOS = 50_000_000L;
    private static final String WRAPPER_PREFIX = "REPL.$JShell$";

    private CellThreads() {
    }

    /** A live thread that cell code started. */
    public record CellThread(Thread thread, int cell) {
        public String name() {
            return thread.getName();
        }

        public Thread.State state() {
            return thread.getState();
        }

        public boolean daemon() {
            return thread.isDaemon();
        }

        /** CPU time the thread used so far, in milliseconds (-1 where the JVM cannot say). */
        public double cpuMillis() {
            ThreadMXBean mx = ManagementFactory.getThreadMXBean();
            try {
                long ns = mx.isThreadCpuTimeSupported() ? mx.getThreadCpuTime(CellStop.threadId(thread)) : -1;
                return ns < 0 ? -1 : ns / 1e6;
            } catch (UnsupportedOperationException e) {
                return -1;
            }
        }

        /** True while the thread runs cell code (or JDK code that cell code called). */
        public boolean inCellCode() {
            return CellThreads.inCellCode(thread);
        }

        /** "worker-1 (runnable)", with the cell when it is not {@code currentCell}. */
        String label(int currentCell) {
            String where = cell == currentCell || cell == 0 ? "" : ", cell [" + cell + "]";
            return name() + " (" + state().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + where + ")";
        }
    }

    private record Adopted(WeakReference<Object> ref, int cell) {
    }

    // ---------------------------------------------------------------- wiring (JavaEngine)

    static void cellStarting(int cell) {
        ThreadStopper.releaseIdleMarks();
        CellStop.clearStoppedCells();
        runningCell = cell;
    }

    static void cellEnded() {
        runningCell = 0;
    }

    /** The cell number of the cell now running, 0 between cells. */
    public static int runningCell() {
        return runningCell;
    }

    static void wrapperCells(IntUnaryOperator indexToCell) {
        wrapperCell = indexToCell;
    }

    /**
     * What JShell runs on a snippet's thread (in place of the snippet's {@code do_it$}): records the
     * thread and its group for the running cell, then runs the snippet. Public only for JShell.
     */
    public static Object runSnippet() throws Throwable {
        Thread me = Thread.currentThread();
        RUNNERS.add(me);
        ThreadGroup group = me.getThreadGroup();
        if (group != null) {
            GROUPS.put(group, runningCell);
        }
        SnippetRun run = SnippetRun.handedOver();
        awaitInvokerJoining(run.invoker());
        return run.run();
    }

    /**
     * Waits until JShell's invoking thread {@code t} (which handed the snippet to JShell) is joining this one. JShell starts the snippet's thread,
     * then lists the threads of its group and joins every one it finds: a thread the snippet
     * starts before that listing (a {@code new Timer()}, a pool's first worker, on a busy machine
     * anything) would be joined too, and the cell would never end. Once the invoker waits in
     * {@code join}, it has made its list.
     */
    private static void awaitInvokerJoining(Thread t) {
        if (t == null || t == Thread.currentThread()) {
            return;
        }
        long deadline = System.nanoTime() + 2_000_000_000L;
        for (int spins = 0; System.nanoTime() < deadline; spins++) {
            Thread.State state = t.getState();
            if (state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING || state == Thread.State.TERMINATED) {
                return;
            }
            if (spins < 200) {
                Thread.onSpinWait();
            } else {
                java.util.concurrent.locks.LockSupport.parkNanos(20_000);
            }
        }
    }

    // ---------------------------------------------------------------- woven calls (StopCheckWeaver)

    /**
     * Called by cell code right after it created an executor or a timer: remembered (weakly), so
     * a stop can shut it down. A thread pool's factory is wrapped so its threads report an
     * exception that ends them. Public only for woven code.
     */
    public static void adopt(Object executorOrTimer) {
        if (executorOrTimer == null) {
            return;
        }
        if (executorOrTimer instanceof ThreadPoolExecutor pool) {
            ThreadFactory inner = pool.getThreadFactory();
            pool.setThreadFactory(r -> reportingUncaught(inner.newThread(r)));
        }
        LOG.fine(() -> "adopted " + executorOrTimer + " on " + Thread.currentThread());
        synchronized (ADOPTED) {
            ADOPTED.removeIf(a -> a.ref().get() == null);
            ADOPTED.add(new Adopted(new WeakReference<>(executorOrTimer), runningCellOrWriter()));
        }
    }

    /** {@code thread.start()} in cell code: as it, and an exception that ends the thread is printed. Public only for woven code. */
    public static void start(Thread thread) {
        reportingUncaught(thread).start();
    }

    private static int runningCellOrWriter() {
        int w = writerCell();
        return w != 0 ? w : runningCell;
    }

    /**
     * JShell's thread groups drop an exception that ends one of their threads without a word.
     * A thread with no handler of its own gets one that prints it, as Java does elsewhere, to
     * System.err (which the kernel routes to the cell that started the thread).
     */
    private static Thread reportingUncaught(Thread t) {
        if (t != null && t.getUncaughtExceptionHandler() == t.getThreadGroup()) {
            t.setUncaughtExceptionHandler(CellThreads::printUncaught);
        }
        return t;
    }

    private static void printUncaught(Thread t, Throwable e) {
        if (e instanceof ThreadDeath) {
            return; // stopped by the kernel (or by itself): nothing to report, as in plain Java
        }
        int cell = cellOf(t);
        StringBuilder text = new StringBuilder("Exception in thread \"").append(t.getName()).append('"');
        if (cell > 0) {
            text.append(" (started by cell [").append(cell).append("])");
        }
        text.append(": ").append(ErrorFormatter.className(e));
        String message = ThrowableText.message(e);
        if (message != null) {
            text.append(": ").append(message);
        }
        text.append('\n');
        for (String frame : FrameCollapser.collapse(userFrames(e), "    ")) {
            text.append(frame).append('\n');
        }
        PrintStream err = System.err;
        if (err != null) {
            err.print(text);
            err.flush();
        }
    }

    /** The frames a user wants to see: cell code by its method name, kernel and JShell machinery left out. */
    private static List<String> userFrames(Throwable e) {
        List<String> out = new ArrayList<>();
        for (StackTraceElement f : ThrowableText.stackTrace(e)) {
            String cls = f.getClassName();
            if (cls.startsWith(WRAPPER_PREFIX)) {
                int cell = cellOfWrapper(cls);
                out.add("at " + f.getMethodName() + (cell > 0 ? " (cell [" + cell + "])" : " (cell code)"));
            } else if (!cls.startsWith("jdk.jshell.") && !cls.startsWith("org.javadl.kernel.engine.")
                    && !cls.startsWith("jdk.internal.reflect.") && !cls.startsWith("java.lang.reflect.")) {
                out.add("at " + f);
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- attribution

    /**
     * The cell on whose behalf the current thread runs: its group's cell; for a shared worker
     * (common pool, virtual thread), the running cell if any cell code on its stack is that cell's
     * (a parallel stream over a method an earlier cell defined is still the running cell's work),
     * else the cell of the outermost cell code on its stack; 0 for the kernel's own threads.
     * Cheap enough for every write to System.out.
     */
    public static int writerCell() {
        long[] cached = WRITER.get();
        int running = runningCell;
        if (cached != null && (cached[1] == 0
                || (cached[2] == running && System.nanoTime() - cached[1] < POOL_WORKER_CACHE_NANOS))) {
            return (int) cached[0]; // a group's cell never changes; a pool worker's is trusted briefly
        }
        Thread me = Thread.currentThread();
        boolean shared = isSharedWorker(me);
        int cell = shared ? cellOnStack(running) : groupCell(me);
        WRITER.set(new long[]{cell, shared ? Math.max(1, System.nanoTime()) : 0, running});
        return cell;
    }

    /** The cell a thread belongs to by its group; 0 if none (kernel threads, shared pools). */
    static int cellOf(Thread t) {
        return isSharedWorker(t) ? 0 : groupCell(t);
    }

    private static int groupCell(Thread t) {
        for (ThreadGroup g = t.getThreadGroup(); g != null; g = g.getParent()) {
            Integer cell = GROUPS.get(g);
            if (cell != null) {
                return cell;
            }
        }
        return 0;
    }

    /** Threads that run anybody's tasks: the common pool's workers and virtual threads. */
    static boolean isSharedWorker(Thread t) {
        return (t instanceof ForkJoinWorkerThread w && w.getPool() == ForkJoinPool.commonPool()) || CellStop.isVirtual(t);
    }

    private static int cellOnStack(int running) {
        // Hidden frames too: a lambda's or method reference's frame is named after the class that made it.
        return StackWalker.getInstance(StackWalker.Option.SHOW_HIDDEN_FRAMES).walk(frames -> {
            int outermost = 0;
            for (StackWalker.StackFrame f : (Iterable<StackWalker.StackFrame>) frames::iterator) {
                if (f.getClassName().startsWith(WRAPPER_PREFIX)) {
                    int cell = cellOfWrapper(f.getClassName());
                    if (cell != 0 && cell == running) {
                        return cell;
                    }
                    outermost = cell != 0 ? cell : outermost;
                }
            }
            return outermost;
        });
    }

    /** {@code REPL.$JShell$12B$Inner} → the cell that defined snippet 12. */
    static int cellOfWrapper(String className) {
        int i = WRAPPER_PREFIX.length();
        int index = 0;
        while (i < className.length() && Character.isDigit(className.charAt(i)) && index < 100_000_000) {
            index = index * 10 + (className.charAt(i++) - '0');
        }
        return i == WRAPPER_PREFIX.length() ? 0 : wrapperCell.applyAsInt(index);
    }

    /** The cells whose code is on a thread's stack. */
    static java.util.Set<Integer> cellsOnStack(Thread t) {
        java.util.Set<Integer> cells = new java.util.TreeSet<>();
        for (StackTraceElement f : t.getStackTrace()) {
            if (f.getClassName().startsWith(WRAPPER_PREFIX)) {
                cells.add(cellOfWrapper(f.getClassName()));
            }
        }
        return cells;
    }

    static boolean inCellCode(Thread t) {
        for (StackTraceElement f : t.getStackTrace()) {
            if (f.getClassName().startsWith(WRAPPER_PREFIX)) {
                return true;
            }
        }
        return false;
    }

    /** The kernel's own helper threads, which may be created while a cell runs (a live plot's flusher). */
    private static boolean isKernelThread(Thread t) {
        return t.getName().startsWith("javadl-");
    }

    // ---------------------------------------------------------------- listing

    /** Every live thread cell code started, oldest cell first; not the cells' own snippet threads. */
    public static List<CellThread> live() {
        List<CellThread> out = new ArrayList<>();
        Thread me = Thread.currentThread();
        for (Thread t : allThreads()) {
            if (t == me || !t.isAlive() || RUNNERS.contains(t) || isKernelThread(t)) {
                continue;
            }
            int cell = cellOf(t);
            if (cell > 0) {
                out.add(new CellThread(t, cell));
            }
        }
        out.sort(java.util.Comparator.comparingInt(CellThread::cell).thenComparingLong(c -> CellStop.threadId(c.thread())));
        return out;
    }

    /** The live threads a given cell started. */
    static List<CellThread> liveOf(int cell) {
        return live().stream().filter(c -> c.cell() == cell).toList();
    }

    /** JShell's snippet threads that are still running (an interrupted cell's own thread). */
    static List<Thread> liveRunners() {
        synchronized (RUNNERS) {
            return RUNNERS.stream().filter(Thread::isAlive).toList();
        }
    }

    /** Live platform threads of the JVM (virtual threads cannot be listed). */
    static List<Thread> allThreads() {
        ThreadGroup root = Thread.currentThread().getThreadGroup();
        while (root.getParent() != null) {
            root = root.getParent();
        }
        Thread[] buf;
        int n;
        do {
            buf = new Thread[root.activeCount() + 16];
            n = root.enumerate(buf, true);
        } while (n == buf.length);
        List<Thread> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(buf[i]);
        }
        return out;
    }

    /** Executors and timers that cells created and that are not shut down yet. */
    static List<Object> liveAdopted() {
        synchronized (ADOPTED) {
            List<Object> out = new ArrayList<>();
            for (Adopted a : ADOPTED) {
                Object o = a.ref().get();
                if (o instanceof ExecutorService e && !e.isShutdown() || o instanceof Timer) {
                    out.add(o);
                }
            }
            return out;
        }
    }

    /** Forgets an adopted executor or timer (it was shut down). */
    static void forget(Object adopted) {
        synchronized (ADOPTED) {
            ADOPTED.removeIf(a -> a.ref().get() == adopted || a.ref().get() == null);
        }
    }

    /**
     * Stops every thread cells started except the calling one (see {@link ThreadStopper}), waits
     * up to {@code waitMillis} for them, and says what happened; an empty list if nothing ran.
     */
    public static List<String> stopAll(long waitMillis) {
        return ThreadStopper.plan(false).start().await(waitMillis).lines(runningCell);
    }

    /**
     * The note after a cell whose threads outlive it, or null: "note: 2 threads started by this
     * cell are still running: worker-1 (runnable), ...". Threads that end within a few
     * milliseconds of the cell (most short jobs) are given that moment first.
     */
    static String stillRunningNote(int cell) {
        if (cell <= 0) {
            return null;
        }
        List<CellThread> mine = liveOf(cell);
        for (int i = 0; i < 4 && !mine.isEmpty(); i++) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            mine = liveOf(cell);
        }
        if (mine.isEmpty()) {
            return null;
        }
        String names = mine.stream().limit(8).map(c -> c.label(cell)).collect(Collectors.joining(", "));
        if (mine.size() > 8) {
            names += String.format(", and %d more", mine.size() - 8);
        }
        return String.format("note: %s started by this cell %s still running: %s. threads() lists them, "
                        + "stopThreads() (or interrupt) stops them.",
                mine.size() == 1 ? "1 thread" : mine.size() + " threads", mine.size() == 1 ? "is" : "are", names);
    }
}

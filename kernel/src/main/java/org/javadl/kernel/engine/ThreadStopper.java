package org.javadl.kernel.engine;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.Timer;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Stops the threads cells started (on interrupt, or {@code stopThreads()}), and says what it did.
 *
 * <p>How: every such thread is marked in {@link CellStop}, so the check woven into cell code
 * throws in it; it is interrupted, so one that sleeps or waits inside cell code wakes up and
 * reaches a check; the executors and timers cells created are shut down, so their idle workers
 * end too; and a task of the common pool that is running cell code is marked the same way (the
 * pool's worker survives it, only the task ends). On JDK 17, where {@code Thread.stop} still
 * works, a cell thread still inside JDK code after {@link #COOPERATIVE_MILLIS} (a long
 * {@code BigInteger} product, say) is stopped with it; on JDK 20+ it is reported instead, and it
 * stops as soon as that JDK call returns into cell code.
 *
 * <p>A mark is dropped when its thread has ended or is no longer in cell code (a pool worker whose
 * task ended), checked by a reaper thread that runs only while marks exist; the woven checks are
 * free again afterwards.
 */
final class ThreadStopper {
    private static final Logger LOG = Logger.getLogger(ThreadStopper.class.getName());
    /** How long marked threads get to reach a woven check before JDK 17's Thread.stop helps. */
    static final long COOPERATIVE_MILLIS = 150;
    /** A mark lives at least this long, so a worker between two tasks of a stopped cell does not slip out. */
    private static final long MIN_MARK_NANOS = 100_000_000L;
    /** Virtual threads cannot be listed: those that existed at the stop are marked for this long. */
    private static final long VIRTUAL_MARK_NANOS = 2_000_000_000L;
    private static final boolean THREAD_STOP_WORKS = Runtime.version().feature() < 20;
    private static Thread reaper;

    private ThreadStopper() {
    }

    /** What a stop did. Names are of threads cells started, with the cell each came from. */
    record Report(List<CellThreads.CellThread> stopped, List<String> tasksStopped, List<String> stillRunning,
                  List<CellThreads.CellThread> leftWaiting, int shutDown) {
        boolean isEmpty() {
            return stopped.isEmpty() && tasksStopped.isEmpty() && stillRunning.isEmpty() && leftWaiting.isEmpty()
                    && shutDown == 0;
        }

        /** Sentences for the user; {@code currentCell} is the cell whose threads are "this cell's". */
        List<String> lines(int currentCell) {
            List<String> out = new ArrayList<>();
            if (!stopped.isEmpty()) {
                boolean allMine = stopped.stream().allMatch(c -> c.cell() == currentCell);
                out.add(String.format("Stopped %s started by %s: %s.", count(stopped.size(), "thread"),
                        allMine ? "this cell" : "cells", names(stopped, currentCell)));
            }
            if (!tasksStopped.isEmpty()) {
                out.add(String.format("Stopped cell code running on %s of a shared pool: %s.",
                        count(tasksStopped.size(), "thread"), String.join(", ", tasksStopped)));
            }
            if (shutDown > 0) {
                out.add(String.format("Shut down %s that cells created (they reject new tasks now).",
                        count(shutDown, "executor or timer", "executors or timers")));
            }
            if (!stillRunning.isEmpty()) {
                out.add(String.format("Still running: %s. %s", String.join("; ", stillRunning),
                        "Each stops when it next runs cell code: it is inside a JDK call that ignores interrupts, "
                                + "or waits for a lock that another thread holds."));
            }
            if (!leftWaiting.isEmpty()) {
                out.add(String.format("Left waiting (not running cell code): %s.", names(leftWaiting, currentCell)));
            }
            return out;
        }

        private static String names(List<CellThreads.CellThread> threads, int currentCell) {
            String s = threads.stream().limit(10).map(c -> c.cell() == currentCell ? c.name() : c.name() + " (cell [" + c.cell() + "])")
                    .collect(Collectors.joining(", "));
            return threads.size() > 10 ? s + String.format(" and %d more", threads.size() - 10) : s;
        }

        private static String count(int n, String one) {
            return count(n, one, one + "s");
        }

        private static String count(int n, String one, String many) {
            return n == 1 ? "1 " + one : n + " " + many;
        }
    }

    /** A stop under way: {@link #await} waits for its threads and reports. */
    static final class Stop {
        private final List<CellThreads.CellThread> owned;
        private final List<Thread> runners;
        private final List<Thread> sharedWorkers;
        private int shutDown;
        private long started = System.nanoTime();
        private boolean forced;
        /** Open once {@link #start()} is done: the cell it stops may end (and report) while it still runs. */
        private final java.util.concurrent.CountDownLatch begun = new java.util.concurrent.CountDownLatch(1);

        private Stop(List<CellThreads.CellThread> owned, List<Thread> runners, List<Thread> sharedWorkers) {
            this.owned = new ArrayList<>(owned);
            this.runners = runners;
            this.sharedWorkers = sharedWorkers;
        }

        /** Marks the threads, shuts the cells' executors and timers down, interrupts the threads; returns at once. */
        Stop start() {
            List<Thread> marked = new ArrayList<>();
            owned.forEach(c -> marked.add(c.thread()));
            marked.addAll(runners);
            marked.addAll(sharedWorkers);
            started = System.nanoTime();
            Set<Integer> cells = new java.util.TreeSet<>();
            cells.add(CellThreads.runningCell());
            owned.forEach(c -> cells.add(c.cell()));
            sharedWorkers.forEach(t -> cells.addAll(CellThreads.cellsOnStack(t)));
            CellStop.stopCells(cells);
            CellStop.mark(marked, true);
            shutDown = shutDownAdopted();
            for (Thread t : marked) {
                t.interrupt();
            }
            ensureReaper();
            LOG.fine(() -> "stop: marked " + marked + ", shut down " + shutDown + " executors/timers");
            begun.countDown();
            return this;
        }

        /** Waits up to {@code millis} for the stopped threads to end (or leave cell code), then reports. */
        Report await(long millis) {
            try {
                if (!begun.await(millis, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                    return report();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return report();
            }
            long deadline = started + millis * 1_000_000L;
            while (true) {
                absorbLateThreads();
                if (settled() || System.nanoTime() >= deadline) {
                    break;
                }
                if (THREAD_STOP_WORKS && !forced && System.nanoTime() - started > COOPERATIVE_MILLIS * 1_000_000L) {
                    forced = true;
                    forceStragglers();
                }
                sleep(5);
            }
            return report();
        }

        /**
         * Threads that cell code started after the plan was made (the interrupted cell's thread
         * between its plan and its mark, a dying thread's last act) are stopped too.
         */
        private void absorbLateThreads() {
            Set<Thread> known = new java.util.HashSet<>();
            owned.forEach(c -> known.add(c.thread()));
            List<Thread> late = new ArrayList<>();
            for (CellThreads.CellThread c : CellThreads.live()) {
                if (known.add(c.thread())) {
                    owned.add(c);
                    late.add(c.thread());
                }
            }
            if (!late.isEmpty()) {
                CellStop.mark(late, false);
                late.forEach(Thread::interrupt);
            }
        }

        private boolean settled() {
            for (CellThreads.CellThread c : owned) {
                if (c.thread().isAlive() && CellStop.isMarked(c.thread())) {
                    return false;
                }
            }
            for (Thread t : runners) {
                if (t.isAlive()) {
                    return false;
                }
            }
            for (Thread t : sharedWorkers) {
                if (t.isAlive() && CellStop.isMarked(t)) {
                    return false;
                }
            }
            return true;
        }

        /** JDK 17 only: Thread.stop for cell threads still inside JDK code that ignores interrupts. */
        @SuppressWarnings({"deprecation", "removal"})
        private void forceStragglers() {
            List<Thread> threads = new ArrayList<>(runners);
            owned.forEach(c -> threads.add(c.thread()));
            for (Thread t : threads) {
                if (t.isAlive() && CellStop.isMarked(t) && CellThreads.inCellCode(t)) {
                    try {
                        t.stop();
                    } catch (UnsupportedOperationException | SecurityException e) {
                        return;
                    }
                }
            }
        }

        private Report report() {
            List<CellThreads.CellThread> stopped = new ArrayList<>();
            List<CellThreads.CellThread> waiting = new ArrayList<>();
            List<String> still = new ArrayList<>();
            for (CellThreads.CellThread c : owned) {
                Thread t = c.thread();
                if (!t.isAlive()) {
                    stopped.add(c);
                } else if (CellStop.isMarked(t) && CellThreads.inCellCode(t)) {
                    still.add(c.name() + " (cell [" + c.cell() + "]) " + where(t));
                } else {
                    waiting.add(c);
                }
            }
            List<String> tasks = new ArrayList<>();
            for (Thread t : sharedWorkers) {
                if (t.isAlive() && CellStop.isMarked(t) && CellThreads.inCellCode(t)) {
                    still.add(t.getName() + " " + where(t));
                } else {
                    tasks.add(t.getName());
                }
            }
            for (Thread t : runners) {
                if (t.isAlive()) {
                    still.add("the cell's own thread " + where(t));
                }
            }
            return new Report(stopped, tasks, still, waiting, shutDown);
        }
    }

    /**
     * What stopping every thread cells started means now: those threads, except the calling one;
     * with {@code includeRunners}, JShell's snippet threads too (an interrupt: the running cell
     * itself). Nothing is stopped until {@link Stop#start()}.
     */
    static Stop plan(boolean includeRunners) {
        Thread me = Thread.currentThread();
        List<CellThreads.CellThread> owned = CellThreads.live();
        List<Thread> runners = includeRunners
                ? CellThreads.liveRunners().stream().filter(t -> t != me).toList() : List.of();
        Set<Thread> ownedThreads = new LinkedHashSet<>();
        owned.forEach(c -> ownedThreads.add(c.thread()));
        List<Thread> shared = new ArrayList<>();
        for (Thread t : CellThreads.allThreads()) {
            if (t != me && t instanceof ForkJoinWorkerThread && !ownedThreads.contains(t) && CellThreads.inCellCode(t)) {
                shared.add(t);
            }
        }
        return new Stop(owned, runners, shared);
    }

    /** Shuts down the executors and timers cells created; returns how many were still running. */
    private static int shutDownAdopted() {
        int n = 0;
        LOG.fine(() -> "stop: adopted " + CellThreads.liveAdopted());
        for (Object o : CellThreads.liveAdopted()) {
            try {
                if (o instanceof ExecutorService e) {
                    e.shutdownNow();
                    n++;
                } else if (o instanceof Timer timer) {
                    timer.cancel();
                    n++;
                }
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "could not shut down " + o, e);
            }
            CellThreads.forget(o);
        }
        return n;
    }

    /** "in java.math.BigInteger.pow", "waiting for a lock in work (cell code)": what holds a thread up. */
    private static String where(Thread t) {
        StackTraceElement[] frames = t.getStackTrace();
        String prefix = t.getState() == Thread.State.BLOCKED ? "waiting for a lock in " : "in ";
        if (frames.length == 0) {
            return prefix + "native code";
        }
        StackTraceElement f = frames[0];
        return prefix + (f.getClassName().startsWith("REPL.") ? f.getMethodName() + " (cell code)"
                : f.getClassName() + "." + f.getMethodName());
    }

    /** Drops marks whose thread ended or left cell code; runs while any mark exists. */
    private static synchronized void ensureReaper() {
        if (reaper != null && reaper.isAlive()) {
            return;
        }
        reaper = new Thread(ThreadStopper::reap, "javadl-thread-reaper");
        reaper.setDaemon(true);
        reaper.start();
    }

    /**
     * When a cell starts: drops the marks of threads that are not in cell code now. The reaper
     * would drop them a little later anyway; meanwhile a marked pool worker would kill the new
     * cell's first task on it (a {@code supplyAsync} right after an interrupt).
     */
    static void releaseIdleMarks() {
        CellStop.Mark[] marks = CellStop.marks();
        if (marks.length == 0) {
            return;
        }
        List<CellStop.Mark> done = new ArrayList<>();
        for (CellStop.Mark m : marks) {
            if (releasable(m, true)) {
                done.add(m);
            }
        }
        CellStop.unmark(done, false);
    }

    /**
     * Whether a mark has done its work: the thread ended, or it is out of cell code for good. A
     * cell's own thread counts as out only while it waits inside JDK code (an idle pool worker);
     * one that is merely not in cell code yet (just started) stays marked. A shared pool's worker
     * is out once its stopped task is off its stack (after {@link #MIN_MARK_NANOS}, unless
     * {@code ignoreAge}).
     */
    private static boolean releasable(CellStop.Mark m, boolean ignoreAge) {
        Thread t = m.thread;
        if (!t.isAlive()) {
            return true;
        }
        if (CellThreads.inCellCode(t)) {
            return false;
        }
        if (CellThreads.cellOf(t) > 0) {
            Thread.State state = t.getState();
            return state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING;
        }
        return ignoreAge || System.nanoTime() - m.since >= MIN_MARK_NANOS;
    }

    private static void reap() {
        while (true) {
            CellStop.Mark[] marks = CellStop.marks();
            boolean endVirtual = CellStop.virtualMarkActive() && CellStop.virtualMarkAge() > VIRTUAL_MARK_NANOS;
            List<CellStop.Mark> done = new ArrayList<>();
            long oldest = System.nanoTime();
            for (CellStop.Mark m : marks) {
                if (releasable(m, false)) {
                    done.add(m);
                }
                oldest = Math.min(oldest, m.since);
            }
            if (!done.isEmpty() || endVirtual) {
                CellStop.unmark(done, endVirtual);
            }
            synchronized (ThreadStopper.class) {
                if (CellStop.marks().length == 0 && !CellStop.virtualMarkActive()) {
                    reaper = null;
                    return;
                }
            }
            // Quick while a stop is fresh; a thread stuck in a long JDK call is looked at less often.
            sleep(System.nanoTime() - oldest < 2_000_000_000L ? 20 : 200);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

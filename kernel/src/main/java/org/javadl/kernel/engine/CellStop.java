package org.javadl.kernel.engine;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.List;

/**
 * The stop check woven into every cell class ({@link StopCheckWeaver}): a call to {@link #check(int)}
 * at each method's start and before each backward branch. While threads are marked for stopping,
 * a marked thread that reaches one throws {@link Stopped} (a {@link ThreadDeath}, so that thread
 * groups stay quiet about it), however it got there: its own loop, a lambda run by a pool, a
 * method of an earlier cell.
 *
 * <p>Why not {@code Thread.stop}: it throws {@code UnsupportedOperationException} since JDK 20,
 * and JShell's own replacement (its woven {@code REPL.$Cancel$.stopCheck}) stops every thread at
 * once and only until the next snippet runs. Marks here are per thread, last as long as the thread
 * is inside cell code, and cost one volatile read per check while nothing is marked.
 */
public final class CellStop {
    /** True while any thread is marked: the only thing the fast path reads. */
    private static volatile boolean armed;
    /** Marked threads; replaced, never changed in place, so that {@link #check()} reads without locks. */
    private static volatile Mark[] marks = new Mark[0];
    /** Virtual threads (which cannot be listed) with an id up to this one are marked too; 0: none. */
    private static volatile long virtualUpTo;
    private static volatile long virtualSince;
    /** Cells whose code dies on shared pool threads until the next cell starts; empty: none. */
    private static volatile int[] stoppedCells = new int[0];
    private static final MethodHandle IS_VIRTUAL = isVirtualHandle();

    private CellStop() {
    }

    /** A thread marked for stopping, and whether it has thrown {@link Stopped} yet. */
    static final class Mark {
        final Thread thread;
        final long since = System.nanoTime();
        volatile boolean hit;

        Mark(Thread thread) {
            this.thread = thread;
        }
    }

    /** Thrown in a stopped thread by the woven check. */
    public static final class Stopped extends ThreadDeath {
        private static final long serialVersionUID = 1L;

        Stopped() {
            // ThreadDeath has no message constructor; the stack trace points at the cell code.
        }

        @Override
        public String getMessage() {
            return "the thread was stopped by the kernel (interrupt or stopThreads())";
        }
    }

    /**
     * Called by woven cell code; public only for that reason. {@code cell} is the cell that
     * defined the calling code (the woven constant).
     */
    public static void check(int cell) {
        if (armed) {
            checkMarked(cell);
        }
    }

    private static void checkMarked(int cell) {
        Thread me = Thread.currentThread();
        for (Mark m : marks) {
            if (m.thread == me) {
                m.hit = true;
                throw new Stopped();
            }
        }
        if (cell != 0 && isStoppedCell(cell) && CellThreads.isSharedWorker(me)) {
            throw new Stopped(); // more of a stopped cell's work on a shared pool (the rest of a parallel stream)
        }
        long upTo = virtualUpTo;
        if (upTo != 0 && isVirtual(me) && threadId(me) <= upTo) {
            throw new Stopped();
        }
    }

    /** Marks {@code threads} (adding to the marks there are) and, with {@code virtualToo}, the virtual threads that exist now. */
    static synchronized void mark(List<Thread> threads, boolean virtualToo) {
        List<Mark> next = new ArrayList<>(List.of(marks));
        for (Thread t : threads) {
            if (next.stream().noneMatch(m -> m.thread == t)) {
                next.add(new Mark(t));
            }
        }
        marks = next.toArray(Mark[]::new);
        if (virtualToo && IS_VIRTUAL != null) {
            virtualUpTo = threadId(new Thread(() -> { })); // ids grow: every existing thread has a smaller one
            virtualSince = System.nanoTime();
        }
        armed = isArmed();
    }

    private static boolean isArmed() {
        return marks.length > 0 || virtualUpTo != 0 || stoppedCells.length > 0;
    }

    private static boolean isStoppedCell(int cell) {
        for (int c : stoppedCells) {
            if (c == cell) {
                return true;
            }
        }
        return false;
    }

    /**
     * Until {@link #clearStoppedCells()}, code of these cells dies on threads of shared pools: a
     * pool worker cannot be marked for good (its next task is somebody else's), but a stopped
     * cell's tasks queued behind the one it ran must not run either.
     */
    static synchronized void stopCells(java.util.Set<Integer> cells) {
        java.util.Set<Integer> all = new java.util.TreeSet<>(cells);
        for (int c : stoppedCells) {
            all.add(c);
        }
        all.remove(0);
        stoppedCells = all.stream().mapToInt(Integer::intValue).toArray();
        armed = isArmed();
    }

    /** A new cell starts: the code of earlier, stopped cells may run on shared pools again. */
    static synchronized void clearStoppedCells() {
        stoppedCells = new int[0];
        armed = isArmed();
    }

    /** The current marks (for the reaper and reports). */
    static Mark[] marks() {
        return marks;
    }

    /** Removes the marks of {@code done}; ends the virtual-thread mark if {@code endVirtual}. */
    static synchronized void unmark(List<Mark> done, boolean endVirtual) {
        List<Mark> next = new ArrayList<>(List.of(marks));
        next.removeIf(done::contains);
        marks = next.toArray(Mark[]::new);
        if (endVirtual) {
            virtualUpTo = 0;
        }
        armed = isArmed();
    }

    static boolean isMarked(Thread t) {
        for (Mark m : marks) {
            if (m.thread == t) {
                return true;
            }
        }
        return false;
    }

    static boolean virtualMarkActive() {
        return virtualUpTo != 0;
    }

    /** Nanoseconds since virtual threads were last marked. */
    static long virtualMarkAge() {
        return System.nanoTime() - virtualSince;
    }

    @SuppressWarnings("deprecation") // Thread.threadId() is JDK 19+; getId() is the same number
    static long threadId(Thread t) {
        return t.getId();
    }

    static boolean isVirtual(Thread t) {
        if (IS_VIRTUAL == null) {
            return false;
        }
        try {
            return (boolean) IS_VIRTUAL.invokeExact(t);
        } catch (Throwable e) {
            return false;
        }
    }

    /** {@code Thread.isVirtual()} on JDK 21+, null on 17 (which has no virtual threads). */
    private static MethodHandle isVirtualHandle() {
        try {
            return MethodHandles.publicLookup().findVirtual(Thread.class, "isVirtual", MethodType.methodType(boolean.class));
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }
}

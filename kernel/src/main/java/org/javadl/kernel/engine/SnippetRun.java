package org.javadl.kernel.engine;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * One run of a snippet's {@code do_it$} method, with the real object it returned or the
 * throwable it threw, as {@link KernelExecutionControl} hands it back to the engine.
 *
 * <p>JShell's execution control turns every result into a String with {@code toString()} before the
 * kernel sees it, which would lose tables, charts and tensors. {@link KernelExecutionControl} hands
 * JShell {@link CellThreads#runSnippet()} instead of the snippet's own {@code do_it$} method, so
 * JShell's thread handling and stop machinery (Thread.stop on JDK 17, woven stop checks on JDK 21+)
 * stay in charge, while the value is kept here untouched.
 */
final class SnippetRun {
    /**
     * The run the snippet's thread is to execute. JShell calls a static method without arguments
     * ({@code LocalExecutionControl.invoke(Method)} invokes it with no receiver), so the run cannot
     * be passed to it; the snippet's thread is created by the thread that calls {@code invoke}
     * (checked on JDK 17.0.15 and 25.0.3), so it inherits the run from there. Threads the cell's
     * code starts do not: a run that has started is not handed on.
     */
    private static final InheritableThreadLocal<SnippetRun> HANDED_OVER = new InheritableThreadLocal<>() {
        @Override
        protected SnippetRun childValue(SnippetRun parent) {
            return parent == null || parent.started ? null : parent;
        }
    };

    private final Method doit;
    /** The thread that handed the snippet to JShell (it then waits for the snippet's thread). */
    private final Thread invoker;
    /** Whether the kernel is stopping the cell: the ThreadDeath JShell's stop() raises is then its own. */
    private final BooleanSupplier stopping;
    private volatile boolean started;
    private volatile boolean returned;
    private volatile Object value;
    /** What the snippet threw, as thrown (JShell's copy loses suppressed exceptions and loops on cycles). */
    private volatile Throwable thrown;
    private volatile List<Throwable> thrownRelated = List.of();

    /** A run of {@code doit}, handed to JShell by the current thread. */
    SnippetRun(Method doit, BooleanSupplier stopping) {
        this.doit = doit;
        this.invoker = Thread.currentThread();
        this.stopping = stopping;
    }

    /** Hands this run to the thread JShell is about to start (or to this one) until the scope closes. */
    AutoCloseable handOver() {
        HANDED_OVER.set(this);
        return HANDED_OVER::remove;
    }

    /** The run handed to this thread (called on JShell's snippet thread). */
    static SnippetRun handedOver() {
        SnippetRun run = HANDED_OVER.get();
        if (run == null) {
            throw new IllegalStateException("no snippet was handed to " + Thread.currentThread());
        }
        return run;
    }

    Thread invoker() {
        return invoker;
    }

    /** Runs the snippet on this thread, keeping what it returns or throws. */
    Object run() throws Throwable {
        if (stopping.getAsBoolean()) {
            // An interrupt came while the snippet was compiled: JShell's stop() found nothing running
            // then (and JDK 21+ clears its stop flag as it invokes), so the snippet stops here, before
            // any of its code runs, the way JShell's own stop would have ended it.
            throw new CellStop.Stopped();
        }
        started = true;
        long[] mark = RunMeter.start();
        try {
            value = doit.invoke(null);
            returned = true;
            return null; // JShell stringifies this; the real value stays in this run
        } catch (InvocationTargetException e) {
            Throwable t = e.getCause();
            if (isJShellSignal(t)) {
                throw t; // unwrap once: JShell wraps our frame again and unwraps that
            }
            // JShell copies the throwable into its own exceptions by recursing over getCause()
            // (a cycle of causes overflows the stack), calls getMessage() unguarded, and takes a
            // ThreadDeath for its stop(). The kernel formats the original itself and hands
            // JShell only a plain marker.
            List<Throwable> related = ThrowableText.related(t);
            thrown = t;
            thrownRelated = related;
            throw CellThrew.chainOf(related);
        } finally {
            RunMeter.stop(mark);
        }
    }

    /** Throwables JShell must see as they are: unresolved references, and its own stop. */
    private boolean isJShellSignal(Throwable t) {
        return t instanceof jdk.jshell.spi.SPIResolutionException
                || (t instanceof ThreadDeath && stopping.getAsBoolean());
    }

    /** Whether the snippet returned (its value, possibly null, is {@link #value()}). */
    boolean returned() {
        return returned;
    }

    Object value() {
        return value;
    }

    /** What the snippet threw, if it threw. */
    Throwable thrown() {
        return thrown;
    }

    /** The throwables related to the thrown one, in the order of JShell's chain of copies. */
    List<Throwable> thrownRelated() {
        return thrownRelated;
    }

    /** Lets go of the value and throwables (a thread the cell started may keep this run reachable). */
    void forget() {
        value = null;
        thrown = null;
        thrownRelated = List.of();
    }

    /**
     * Stands in for the cell's throwables inside JShell: a plain chain, one link per related
     * throwable (see {@link ThrowableText#related}), each with that throwable's stack trace, so
     * that JShell translates every stack into snippet lines; nothing in it can loop or throw.
     */
    static final class CellThrew extends RuntimeException {
        CellThrew(int index, StackTraceElement[] frames, CellThrew next) {
            super("related throwable " + index, next, false, true);
            setStackTrace(frames);
        }

        static CellThrew chainOf(List<Throwable> related) {
            CellThrew next = null;
            for (int i = related.size() - 1; i >= 0; i--) {
                next = new CellThrew(i, ThrowableText.stackTrace(related.get(i)), next);
            }
            return next;
        }
    }
}

package org.javadl.kernel.engine;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;

/**
 * Keeps the real object a snippet evaluates to.
 *
 * <p>JShell's execution control turns every result into a String with {@code toString()} before the
 * kernel sees it, which would lose tables, charts and tensors. {@link KernelExecutionControl} hands
 * JShell {@link #invokePending()} (through {@link CellThreads#runSnippet()}) instead of the snippet's
 * own {@code do_it$} method, so JShell's
 * thread handling and stop machinery (Thread.stop on JDK 17, woven stop checks on JDK 21+) stay in
 * charge, while the value is stored here untouched. One cell runs at a time, so static state is
 * enough; the fields are volatile because the snippet runs on JShell's execution thread.
 */
public final class ResultCapture {
    private static volatile Method pending;
    private static volatile Object value;
    private static volatile boolean invoked;
    /** What the snippet threw, as thrown (JShell's copy loses suppressed exceptions and loops on cycles). */
    private static volatile Throwable thrown;
    /** Set while the kernel is stopping the cell: the ThreadDeath JShell's stop() raises is its own. */
    private static volatile boolean stopping;
    private static volatile List<Throwable> thrownRelated = List.of();

    private ResultCapture() {
    }

    static void prepare(Method doit) {
        pending = doit;
        value = null;
        invoked = false;
        thrown = null;
        thrownRelated = List.of();
    }

    /** Called reflectively by JShell on its execution thread; public only for that reason. */
    public static Object invokePending() throws Throwable {
        if (stopping) {
            // An interrupt came while the snippet was compiled: JShell's stop() found nothing running
            // then (and JDK 21+ clears its stop flag as it invokes), so the snippet stops here, before
            // any of its code runs, the way JShell's own stop would have ended it.
            throw new CellStop.Stopped();
        }
        Method m = pending;
        long[] mark = RunMeter.start();
        try {
            Object result = m.invoke(null);
            value = result;
            invoked = true;
            return null; // JShell stringifies this; the real value stays in 'value'
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
    private static boolean isJShellSignal(Throwable t) {
        return t instanceof jdk.jshell.spi.SPIResolutionException || (t instanceof ThreadDeath && stopping);
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

    /** The kernel is about to stop the running cell (see {@link #isJShellSignal}). */
    static void stopping(boolean on) {
        stopping = on;
    }

    /** What the last snippet threw, if it threw; cleared by this call. */
    static Throwable takeThrown() {
        Throwable t = thrown;
        thrown = null;
        return t;
    }

    /** The throwables related to the last thrown one, in the order of JShell's chain of copies. */
    static List<Throwable> thrownRelated() {
        return thrownRelated;
    }

    /** Clears the captured value before a snippet is evaluated. */
    static void reset() {
        value = null;
        invoked = false;
        pending = null;
        thrown = null;
        thrownRelated = List.of();
    }

    static boolean invoked() {
        return invoked;
    }

    static Object value() {
        return value;
    }
}

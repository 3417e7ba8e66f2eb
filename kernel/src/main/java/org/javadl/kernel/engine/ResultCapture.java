package org.javadl.kernel.engine;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * Keeps the real object a snippet evaluates to.
 *
 * <p>JShell's execution control turns every result into a String with {@code toString()} before the
 * kernel sees it, which would lose tables, charts and tensors. {@link KernelExecutionControl} hands
 * JShell {@link #invokePending()} instead of the snippet's own {@code do_it$} method, so JShell's
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

    private ResultCapture() {
    }

    static Method invoker() {
        try {
            return ResultCapture.class.getMethod("invokePending");
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }

    static void prepare(Method doit) {
        pending = doit;
        value = null;
        invoked = false;
        thrown = null;
    }

    /** Called reflectively by JShell on its execution thread; public only for that reason. */
    public static Object invokePending() throws Throwable {
        Method m = pending;
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
            thrown = t;
            throw new CellThrew();
        }
    }

    /** Throwables JShell must see as they are: unresolved references, and its own stop. */
    private static boolean isJShellSignal(Throwable t) {
        return t instanceof jdk.jshell.spi.SPIResolutionException || (t instanceof ThreadDeath && stopping);
    }

    /** Stands in for the cell's throwable inside JShell; no stack trace, no cause, a fixed message. */
    static final class CellThrew extends RuntimeException {
        CellThrew() {
            super("the cell threw", null, false, false);
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

    /** Clears the captured value before a snippet is evaluated. */
    static void reset() {
        value = null;
        invoked = false;
        pending = null;
        thrown = null;
    }

    static boolean invoked() {
        return invoked;
    }

    static Object value() {
        return value;
    }
}

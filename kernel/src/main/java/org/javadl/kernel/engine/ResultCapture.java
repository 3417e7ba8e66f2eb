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
            throw e.getCause(); // unwrap once: JShell wraps our frame again and unwraps that
        }
    }

    /** Clears the captured value before a snippet is evaluated. */
    static void reset() {
        value = null;
        invoked = false;
        pending = null;
    }

    static boolean invoked() {
        return invoked;
    }

    static Object value() {
        return value;
    }
}

package org.javadl.kernel.engine.internals;

import jdk.jshell.Snippet;

import java.lang.reflect.Method;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The wrapper class JShell compiled a snippet into ({@code REPL.$JShell$12}), through
 * {@code jdk.jshell.Snippet.classFullName()} (package-private; checked on JDK 17.0.15 and 25.0.3).
 * Without access to it every name is null: callers then do without (the pruner is off, the
 * engine takes the last snippet run instead of the one named).
 */
final class WrapperClasses {
    private static final Logger LOG = Logger.getLogger(WrapperClasses.class.getName());
    private static final Method CLASS_FULL_NAME = find();

    private WrapperClasses() {
    }

    private static Method find() {
        try {
            return Reflect.method(Snippet.class, "classFullName");
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.log(Level.FINE, "JShell's wrapper class names cannot be read", e);
            return null;
        }
    }

    /** Whether the names can be read at all. */
    static boolean available() {
        return CLASS_FULL_NAME != null;
    }

    /** {@code s}'s wrapper class, or null (never wrapped, or the name is out of reach). */
    static String of(Snippet s) {
        if (CLASS_FULL_NAME == null) {
            return null;
        }
        try {
            return (String) CLASS_FULL_NAME.invoke(s);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}

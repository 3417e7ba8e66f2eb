package org.javadl.kernel.engine.internals;

import jdk.jshell.JShell;

import java.lang.reflect.Field;

/**
 * The reflective steps into JShell's and javac's internals that the kernel's long-session fixes
 * share. They work where the kernel jar's manifest (or {@code --add-opens}) opens the packages;
 * callers turn themselves off, with a log line, when a step throws.
 */
public final class JdkInternals {
    private JdkInternals() {
    }

    /** A declared field of {@code owner}, made accessible. */
    public static Field field(Class<?> owner, String name) throws NoSuchFieldException {
        Field f = owner.getDeclaredField(name);
        f.setAccessible(true);
        return f;
    }

    /**
     * Replaces the object in {@code owner}'s final field {@code f} (a map or list of JShell's that
     * a patch swaps for its own). JDK 26 (JEP 500) warns about such a write, and a later release
     * refuses it with an {@link IllegalAccessException}, unless the JVM runs with
     * {@code --enable-final-field-mutation=ALL-UNNAMED}: the kernel's launcher passes it where the
     * JDK knows the option, and the jar's manifest says it for {@code java -jar}. A refusal leaves
     * the caller's patch off.
     */
    static void replaceFinal(Field f, Object owner, Object value) throws IllegalAccessException {
        f.set(owner, value);
    }

    /** JShell's {@code TaskFactory}, which runs every javac task of the shell. */
    public static Object taskFactory(JShell shell) throws ReflectiveOperationException {
        return field(JShell.class, "taskFactory").get(shell);
    }

    /** JShell's in-memory file manager (its class files and its view of the class path). */
    public static Object fileManager(JShell shell) throws ReflectiveOperationException {
        Object taskFactory = taskFactory(shell);
        return field(taskFactory.getClass(), "fileManager").get(taskFactory);
    }
}

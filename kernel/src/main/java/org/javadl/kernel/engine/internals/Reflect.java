package org.javadl.kernel.engine.internals;

import jdk.jshell.JShell;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;

/**
 * The one way the patches of this package step into {@code jdk.jshell} and {@code jdk.compiler}:
 * look up a member by name and make it accessible. It works where the kernel jar's manifest (or
 * {@code --add-opens}) opens the packages; each patch catches what these throw and turns itself
 * off with a log line.
 */
final class Reflect {
    private Reflect() {
    }

    /** A class of JShell ({@code jdk.jshell.Wrap}) or of javac ({@code com.sun.tools.javac.util.Context}). */
    static Class<?> type(String name) throws ClassNotFoundException {
        ClassLoader loader = name.startsWith("jdk.jshell.") ? JShell.class.getClassLoader()
                : com.sun.source.tree.Tree.class.getClassLoader();
        return Class.forName(name, false, loader);
    }

    /** A declared field of {@code owner}, made accessible. */
    static Field field(Class<?> owner, String name) throws NoSuchFieldException {
        Field f = owner.getDeclaredField(name);
        f.setAccessible(true);
        return f;
    }

    /** A declared method of {@code owner}, made accessible. */
    static Method method(Class<?> owner, String name, Class<?>... params) throws NoSuchMethodException {
        Method m = owner.getDeclaredMethod(name, params);
        m.setAccessible(true);
        return m;
    }

    /**
     * A public method of {@code owner} or of its supertypes, made accessible: public members of
     * javac's and JShell's internal classes are still unreachable until their package is opened.
     */
    static Method publicMethod(Class<?> owner, String name, Class<?>... params) throws NoSuchMethodException {
        return accessible(owner.getMethod(name, params));
    }

    /** {@code m}, made accessible (for methods found by a search rather than by name and parameters). */
    static Method accessible(Method m) {
        m.setAccessible(true);
        return m;
    }

    /** A declared constructor of {@code owner}, made accessible. */
    static Constructor<?> constructor(Class<?> owner, Class<?>... params) throws NoSuchMethodException {
        Constructor<?> c = owner.getDeclaredConstructor(params);
        c.setAccessible(true);
        return c;
    }

    /**
     * Replaces the object in {@code owner}'s final field {@code f} (a map or list of JShell's or
     * javac's that a patch swaps for its own). JDK 26 (JEP 500) warns about such a write, and a later
     * release refuses it with an {@link IllegalAccessException}, unless the JVM runs with
     * {@code --enable-final-field-mutation=ALL-UNNAMED}: the kernel's launcher passes it where the
     * JDK knows the option, and the jar's manifest says it for {@code java -jar}. A refusal leaves
     * the caller's patch off.
     */
    static void replaceFinal(Field f, Object owner, Object value) throws IllegalAccessException {
        f.set(owner, value);
    }

    /** JShell's {@code TaskFactory}, which runs every javac task of the shell. */
    static Object taskFactory(JShell shell) throws ReflectiveOperationException {
        return field(JShell.class, "taskFactory").get(shell);
    }

    /** JShell's in-memory file manager (its class files and its view of the class path). */
    static Object fileManager(JShell shell) throws ReflectiveOperationException {
        Object taskFactory = taskFactory(shell);
        return field(taskFactory.getClass(), "fileManager").get(taskFactory);
    }
}

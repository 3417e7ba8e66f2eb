package org.javadl.kernel.engine.javac;

import jdk.jshell.JShell;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The class tables ({@code Symtab.classes}: flat name → module → class symbol) of the javac contexts
 * that JShell's task pool keeps between compilations, reached by reflection. {@link ReplSymbolSweeper}
 * and {@link ReplClassIndex} work on them.
 *
 * <p>Needs {@code jdk.jshell/jdk.jshell}, {@code jdk.compiler/com.sun.tools.javac.api} and
 * {@code jdk.compiler/com.sun.tools.javac.code} opened to this code, as the kernel jar's manifest does.
 */
final class SymbolTables {
    private final Object taskFactory;
    private final Object taskPool;
    private final Field contextsByOptions;
    private final Method symtabOf;
    private final Field classes;

    private SymbolTables(Object taskFactory, Object taskPool, Field contextsByOptions, Method symtabOf, Field classes) {
        this.taskFactory = taskFactory;
        this.taskPool = taskPool;
        this.contextsByOptions = contextsByOptions;
        this.symtabOf = symtabOf;
        this.classes = classes;
    }

    /**
     * A patch ({@code make}) over {@code shell}'s tables, run once right away ({@code firstRun}) so
     * that a JDK it does not fit fails here rather than in the middle of a session; null, with a
     * log line saying {@code withoutIt}, when the tables cannot be reached or the run fails.
     */
    static <T> T patch(JShell shell, Function<SymbolTables, T> make, ToIntFunction<T> firstRun, Logger log,
                       String withoutIt) {
        try {
            T patch = make.apply(of(shell));
            firstRun.applyAsInt(patch);
            return patch;
        } catch (ReflectiveOperationException | RuntimeException e) {
            log.log(Level.INFO, "javac's class tables cannot be reached (" + e + "); " + withoutIt
                    + ". Run with --add-opens for jdk.compiler/com.sun.tools.javac.api and com.sun.tools.javac.code.");
            return null;
        }
    }

    private static SymbolTables of(JShell shell) throws ReflectiveOperationException {
        Object taskFactory = JdkInternals.taskFactory(shell);
        Object pool = JdkInternals.field(taskFactory.getClass(), "javacTaskPool").get(taskFactory);
        Field contexts = JdkInternals.field(pool.getClass(), "options2Contexts");
        ClassLoader javac = pool.getClass().getClassLoader();
        Class<?> symtab = Class.forName("com.sun.tools.javac.code.Symtab", false, javac);
        Class<?> context = Class.forName("com.sun.tools.javac.util.Context", false, javac);
        Method instance = symtab.getMethod("instance", context);
        instance.setAccessible(true);
        return new SymbolTables(taskFactory, pool, contexts, instance, JdkInternals.field(symtab, "classes"));
    }

    /**
     * The lock to hold while reading or changing the tables: JShell's TaskFactory runs every javac
     * task in a method synchronized on itself, and the pool hands out contexts only from there, so
     * holding it keeps completion requests on other threads out of the tables meanwhile.
     */
    Object lock() {
        return taskFactory;
    }

    /** One pooled context's symbol table, with the options the context was made for. */
    record Table(Object symtab, List<?> options) {
    }

    /** What {@link #sum} does with one table: a count. */
    interface Visitor {
        int visit(Table table, Map<?, ?> classes) throws ReflectiveOperationException;
    }

    /** Runs {@code visitor} on each pooled table under {@link #lock()} and adds up what it returns. */
    int sum(Visitor visitor) {
        synchronized (lock()) {
            try {
                int total = 0;
                for (Table t : tables()) {
                    total += visitor.visit(t, classes(t));
                }
                return total;
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("javac's class tables are not what they were", e);
            }
        }
    }

    /** The symbol tables of the contexts in the pool now (call with {@link #lock()} held). */
    private List<Table> tables() throws ReflectiveOperationException {
        List<Table> out = new ArrayList<>();
        for (Map.Entry<?, ?> e : ((Map<?, ?>) contextsByOptions.get(taskPool)).entrySet()) {
            List<?> options = e.getKey() instanceof List<?> l ? l : List.of();
            for (Object context : (Collection<?>) e.getValue()) {
                out.add(new Table(symtabOf.invoke(null, context), options));
            }
        }
        return out;
    }

    /** The table's map of classes. */
    private Map<?, ?> classes(Table table) throws IllegalAccessException {
        return (Map<?, ?>) classes.get(table.symtab());
    }

    /** Puts {@code replacement} in place of the table's map of classes (a final field). */
    void replaceClasses(Table table, Map<?, ?> replacement) throws IllegalAccessException {
        JdkInternals.replaceFinal(classes, table.symtab(), replacement);
    }
}

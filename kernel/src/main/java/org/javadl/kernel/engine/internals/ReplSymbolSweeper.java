package org.javadl.kernel.engine.internals;

import jdk.jshell.JShell;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.Collection;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Removes the empty entries that JShell's clean-up leaves in javac's table of classes after every
 * compilation, one per wrapper class name the session ever used.
 *
 * <p>Why: JShell reuses javac's contexts from compilation to compilation and, after each, removes
 * the classes of its {@code REPL} package from the context's symbol table. javac's
 * {@code Symtab.removeClass} removes the class but keeps its name as a key with an empty map, and
 * JShell's clean-up walks the whole table to find the {@code REPL} classes. Every cell brings new
 * wrapper names ({@code $JShell$1234} for its expressions and temporaries), so that walk grew with
 * every cell ever run: a quarter of a cell's time after 2,000 cells of the soak mix, growing still.
 * Dropping the empty entries keeps the table at the classes javac really has; javac creates an
 * entry again when it meets the name again.
 *
 * <p>The tables are reached by reflection ({@code jdk.jshell/jdk.jshell},
 * {@code jdk.compiler/com.sun.tools.javac.api} and {@code jdk.compiler/com.sun.tools.javac.code}
 * opened to this code, as the kernel jar's manifest does). Without that the sweeper logs once and
 * is not created.
 *
 * <p>JDK members it touches (checked on JDK 17.0.15 and 25.0.3): {@code jdk.jshell.JShell.taskFactory}, {@code TaskFactory.javacTaskPool}, {@code com.sun.tools.javac.api.JavacTaskPool.options2Contexts}, {@code com.sun.tools.javac.code.Symtab.instance(Context)} and {@code Symtab.classes} (entries removed).
 */
public final class ReplSymbolSweeper {
    private static final Logger LOG = Logger.getLogger(ReplSymbolSweeper.class.getName());

    private final Object taskFactory;
    private final Object taskPool;
    private final Field contextsByOptions;
    private final Method symtabOf;
    private final Field classes;

    private ReplSymbolSweeper(Object taskFactory, Object taskPool, Field contextsByOptions, Method symtabOf,
                              Field classes) {
        this.taskFactory = taskFactory;
        this.taskPool = taskPool;
        this.contextsByOptions = contextsByOptions;
        this.symtabOf = symtabOf;
        this.classes = classes;
    }

    /** A sweeper for {@code shell}'s javac contexts, or null when they cannot be reached. */
    public static ReplSymbolSweeper forShell(JShell shell) {
        try {
            Object taskFactory = Reflect.taskFactory(shell);
            Object pool = Reflect.field(taskFactory.getClass(), "javacTaskPool").get(taskFactory);
            Field contexts = Reflect.field(pool.getClass(), "options2Contexts");
            Class<?> symtab = Reflect.type("com.sun.tools.javac.code.Symtab");
            Method instance = Reflect.publicMethod(symtab, "instance", Reflect.type("com.sun.tools.javac.util.Context"));
            ReplSymbolSweeper sweeper = new ReplSymbolSweeper(taskFactory, pool, contexts, instance,
                    Reflect.field(symtab, "classes"));
            sweeper.sweep(); // fail here, not in the middle of a session
            return sweeper;
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.log(Level.INFO, "javac's class tables cannot be swept (" + e + "); every compilation gets a "
                    + "little slower as a session goes on. Run with --add-opens for jdk.compiler/"
                    + "com.sun.tools.javac.api and com.sun.tools.javac.code.");
            return null;
        }
    }

    /** Drops the empty class entries of every pooled javac context; returns how many. */
    public int sweep() {
        // JShell's TaskFactory runs every javac task in a method synchronized on itself, and the
        // pool hands out contexts only from there: holding the same lock keeps completion requests
        // on other threads out of the tables while they are swept.
        synchronized (taskFactory) {
            try {
                int removed = 0;
                for (Object queue : ((Map<?, ?>) contextsByOptions.get(taskPool)).values()) {
                    for (Object context : (Collection<?>) queue) {
                        Map<?, ?> table = (Map<?, ?>) classes.get(symtabOf.invoke(null, context));
                        int before = table.size();
                        // entrySet, not values(): ReplClassTable narrows values() while a cell runs
                        table.entrySet().removeIf(e -> ((Map<?, ?>) e.getValue()).isEmpty());
                        removed += before - table.size();
                        ReplClassTable.check(table); // walking the table anyway: is its REPL index complete?
                    }
                }
                return removed;
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("javac's class tables changed under the sweeper", e);
            }
        }
    }
}

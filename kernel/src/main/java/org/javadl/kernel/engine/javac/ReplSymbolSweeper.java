package org.javadl.kernel.engine.javac;

import jdk.jshell.JShell;

import java.util.Map;
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
 */
public final class ReplSymbolSweeper {
    private static final Logger LOG = Logger.getLogger(ReplSymbolSweeper.class.getName());

    private final SymbolTables tables;

    private ReplSymbolSweeper(SymbolTables tables) {
        this.tables = tables;
    }

    /** A sweeper for {@code shell}'s javac contexts, or null when they cannot be reached. */
    public static ReplSymbolSweeper forShell(JShell shell) {
        return SymbolTables.patch(shell, ReplSymbolSweeper::new, ReplSymbolSweeper::sweep, LOG,
                "every compilation gets a little slower as a session goes on");
    }

    /** Drops the empty class entries of every pooled javac context; returns how many. */
    public int sweep() {
        return tables.sum((table, classes) -> {
            if (classes instanceof ReplClassIndex.IndexedClasses indexed) {
                return indexed.removeEmptyEntries();
            }
            int before = classes.size();
            classes.values().removeIf(byModule -> ((Map<?, ?>) byModule).isEmpty());
            return before - classes.size();
        });
    }
}

package org.javadl.kernel.engine.internals;

import jdk.jshell.JShell;
import jdk.jshell.Snippet;

import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Forgets the compiled classes of snippets that are gone, so a long session stays as fast as a
 * new one.
 *
 * <p>Why: JShell keeps the class file of every wrapper class it ever compiled (dropped
 * statements, replaced methods, each cell's temporary {@code $N}) in its in-memory file manager,
 * and javac lists all of them whenever it enters the {@code REPL} package, which is three or four
 * times per cell. After 800 cells that listing was a quarter of the time of a {@code 1+1}; after
 * 3,000 it made a trivial cell four times slower. Only the classes of active snippets can be
 * named by later code (JShell recompiles dependents when a definition is replaced, and the
 * running classes live in the execution engine's own loader), so the others are removed.
 *
 * <p>JShell has no API for this; the fields are reached by reflection, which needs
 * {@code jdk.jshell/jdk.jshell} opened to this code (the kernel jar's manifest does that for
 * {@code java -jar}; tests pass {@code --add-opens}). Where that is not possible the pruner turns
 * itself off and says so once in the log: the kernel works as before, only slower over time.
 *
 * <p>JDK members it touches (checked on JDK 17.0.15 and 25.0.3): {@code jdk.jshell.JShell.taskFactory}, {@code TaskFactory.fileManager}, {@code MemoryFileManager.classObjects} (entries removed), {@code Snippet.classFullName()} (through {@link WrapperClasses}).
 */
public final class ReplClassPruner {
    private static final Logger LOG = Logger.getLogger(ReplClassPruner.class.getName());
    private static final String REPL_PREFIX = "REPL.";

    private final JShell shell;
    private final Map<String, ?> classFiles;

    private ReplClassPruner(JShell shell, Map<String, ?> classFiles) {
        this.shell = shell;
        this.classFiles = classFiles;
    }

    /** A pruner for {@code shell}, or null when JShell's internals cannot be reached. */
    public static ReplClassPruner forShell(JShell shell) {
        try {
            Object fileManager = Reflect.fileManager(shell);
            Object classObjects = Reflect.field(fileManager.getClass(), "classObjects").get(fileManager);
            if (!WrapperClasses.available()) {
                throw new NoSuchMethodException("jdk.jshell.Snippet.classFullName()");
            }
            @SuppressWarnings("unchecked")
            Map<String, ?> map = (Map<String, ?>) classObjects;
            return new ReplClassPruner(shell, map);
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.log(Level.INFO, "JShell's compiled classes cannot be pruned (" + e
                    + "); long sessions will slow down. Run with --add-opens jdk.jshell/jdk.jshell=ALL-UNNAMED.");
            return null;
        }
    }

    /**
     * Removes the class files of those of {@code touched} (the snippets whose status changed in a
     * cell) that are no longer active, unless {@code sharesClassWithActive} says an active snippet
     * was compiled into the same wrapper class. Returns how many class files were removed. This
     * costs what the cell changed, not what the session holds; {@link #prune()} is the full pass.
     */
    public int prune(Collection<Snippet> touched, Predicate<Snippet> sharesClassWithActive) {
        if (!(classFiles instanceof NavigableMap<String, ?> byName)) {
            return prune();
        }
        int before = classFiles.size();
        // A snippet that replaces another can be compiled into a wrapper class of the same name
        // (a variable declared again as it was): that name is live again and must stay.
        Set<String> live = new HashSet<>();
        for (Snippet s : touched) {
            if (shell.status(s).isActive()) {
                String name = liveClass(s);
                if (name != null) {
                    live.add(name);
                }
            }
        }
        for (Snippet s : touched) {
            if (!shell.status(s).isActive() && !sharesClassWithActive.test(s)) {
                String wrapper = liveClass(s);
                if (wrapper != null && wrapper.startsWith(REPL_PREFIX) && !live.contains(wrapper)) {
                    ReplClassListing.classesOf(byName, wrapper).clear();
                }
            }
        }
        return before - classFiles.size();
    }

    /** Removes the class files of inactive snippets; returns how many were removed. */
    public int prune() {
        Set<String> live = new HashSet<>();
        shell.snippets().forEach(s -> {
            if (shell.status(s).isActive()) {
                String name = liveClass(s);
                if (name != null) {
                    live.add(name);
                }
            }
        });
        int removed = 0;
        for (Iterator<String> it = classFiles.keySet().iterator(); it.hasNext(); ) {
            String name = it.next();
            if (name.startsWith(REPL_PREFIX) && !live.contains(outerClass(name))) {
                it.remove();
                removed++;
            }
        }
        return removed;
    }

    public int classFileCount() {
        return classFiles.size();
    }

    private String liveClass(Snippet s) {
        return WrapperClasses.of(s); // null for a snippet that was never wrapped
    }

    /** {@code REPL.$JShell$12$Foo} belongs to the wrapper {@code REPL.$JShell$12}. */
    private static String outerClass(String name) {
        int inner = name.indexOf('$', name.indexOf("$JShell$") + "$JShell$".length());
        return inner < 0 ? name : name.substring(0, inner);
    }
}

package org.javadl.kernel.engine.internals;

import com.sun.source.util.JavacTask;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.AbstractCollection;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * javac's table of classes ({@code Symtab.classes}) in each of JShell's pooled javac contexts,
 * replaced by one that also knows which of its entries are classes of JShell's {@code REPL}
 * package, so that JShell's clean-up after each javac task of a cell looks at those only.
 *
 * <p>Why: after every javac task JShell removes the {@code REPL} package's classes from the
 * context's symbol table by walking all of it ({@code TaskFactory.runTask}, through
 * {@code Symtab.getAllClasses()}), and the table holds every JDK and library class javac has
 * seen: after the default imports, thousands. A cell takes several tasks, so in a warm {@code 1+1}
 * that walk was a third of JShell's time (JFR, JDK 17). {@code getAllClasses()} lists the table
 * through its {@code values()}, which nothing else in javac's symbol table uses; while a cell runs
 * (in a {@link CellScope} that trims imports), this table's {@code values()} answers with the entries whose
 * flat name is in {@code REPL} (all JShell's wrapper classes and their members), which are exactly
 * the ones the walk removes, so the clean-up does the same work on a few entries instead of all.
 * Completion, documentation and other compilations see the whole table.
 *
 * <p>The only other caller of {@code getAllClasses()} in the JDK (checked on 17 and 25) is annotation
 * processing, which JShell does not run. Entries are indexed when they are added (every way a map
 * can be added to is overridden); {@link #check()} compares the index with the table, and a
 * mismatch turns narrowing off for good for that table, with a log line.
 *
 * <p>Installed per pooled context when a task starts ({@link ReplImportPlugin}); reached by
 * reflection ({@code jdk.compiler/com.sun.tools.javac.api} and {@code .code} opened). The field is
 * final (see {@link Reflect#replaceFinal}); if any step is refused this is off and JShell walks
 * the whole table as before.
 *
 * <p>JDK members it touches (checked on JDK 17.0.15 and 25.0.3): {@code com.sun.tools.javac.api.BasicJavacTask.getContext()}, {@code com.sun.tools.javac.code.Symtab.instance(Context)}, {@code Symtab.classes} (a final {@code HashMap}, replaced; {@code Symtab.getAllClasses()} reads its {@code values()}).
 */
public final class ReplClassTable {
    private static final Logger LOG = Logger.getLogger(ReplClassTable.class.getName());
    private static final String REPL_PREFIX = "REPL.";
    private static final Access ACCESS = Access.find();
    private static final AtomicLong CONTEXTS = new AtomicLong();
    private static final AtomicLong NARROWED = new AtomicLong();
    /** Set when this JVM refuses a step (the same for every context and every JShell in it). */
    private static volatile boolean refused;
    /** Tables found with an unindexed REPL class, in this JVM: each is then off, and the patch counts as off. */
    private static final AtomicLong UNINDEXED = new AtomicLong();

    private ReplClassTable() {
    }

    /** Whether javac's class tables are being replaced (reflection works and a context was seen). */
    public static boolean active() {
        return ACCESS != null && !refused && CONTEXTS.get() > 0 && UNINDEXED.get() == 0;
    }

    /** Narrowed listings of a table so far, in this JVM (for tests). */
    public static long narrowedSoFar() {
        return NARROWED.get();
    }

    /** Gives the context of {@code task} the indexed table, once per context. */
    static void attach(JavacTask task) {
        if (ACCESS == null || refused) {
            return;
        }
        try {
            Object symtab = ACCESS.symtab(task);
            Object table = ACCESS.classes.get(symtab);
            if (!(table instanceof IndexedClasses)) {
                @SuppressWarnings("unchecked")
                Map<Object, Object> old = (Map<Object, Object>) table;
                IndexedClasses replacement = new IndexedClasses();
                replacement.putAll(old);
                Reflect.replaceFinal(ACCESS.classes, symtab, replacement);
                CONTEXTS.incrementAndGet();
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            refused = true;
            LOG.log(Level.INFO, "javac's class table cannot be indexed (" + e + "); JShell walks all of it "
                    + "after every javac task. Run with --add-opens for jdk.compiler/com.sun.tools.javac.api and .code.");
        }
    }

    /**
     * Whether every {@code REPL} entry of {@code table} (one of javac's class tables) is indexed;
     * turns narrowing off, with a log line, when one is not. For tests and the kernel's periodic
     * housekeeping.
     */
    static boolean check(Map<?, ?> table) {
        if (!(table instanceof IndexedClasses indexed)) {
            return true;
        }
        for (Object key : indexed.keySet()) {
            if (isRepl(key) && !indexed.repl.contains(key)) {
                indexed.disabled = true;
                UNINDEXED.incrementAndGet();
                LOG.warning("javac's class table has a REPL class the kernel did not index (" + key
                        + "); JShell walks the whole table again from now on");
                return false;
            }
        }
        return true;
    }

    /** javac's class table of {@code task}'s context (for tests and {@link ReplSymbolSweeper}). */
    static Map<?, ?> tableOf(JavacTask task) throws ReflectiveOperationException {
        return (Map<?, ?>) ACCESS.classes.get(ACCESS.symtab(task));
    }

    private static boolean isRepl(Object flatName) {
        return flatName != null && flatName.toString().startsWith(REPL_PREFIX);
    }

    /**
     * {@code Symtab.classes}: flat name to (module to class). {@code values()} is the one view
     * {@code getAllClasses()} reads; every insertion keeps {@link #repl} up to date.
     */
    private static final class IndexedClasses extends HashMap<Object, Object> {
        /** The keys in REPL, in insertion order (keys since removed are dropped when listed). */
        final Set<Object> repl = new LinkedHashSet<>();
        /** Set when {@link #check} found a REPL class missing from {@link #repl}: the whole table is listed again. */
        volatile boolean disabled;

        private Object added(Object key) {
            if (isRepl(key)) {
                repl.add(key);
            }
            return key;
        }

        @Override
        public Object put(Object key, Object value) {
            return super.put(added(key), value);
        }

        @Override
        public Object putIfAbsent(Object key, Object value) {
            return super.putIfAbsent(added(key), value);
        }

        @Override
        public Object computeIfAbsent(Object key, Function<? super Object, ?> f) {
            return super.computeIfAbsent(added(key), f);
        }

        @Override
        public Object compute(Object key, BiFunction<? super Object, ? super Object, ?> f) {
            return super.compute(added(key), f);
        }

        @Override
        public Object merge(Object key, Object value, BiFunction<? super Object, ? super Object, ?> f) {
            return super.merge(added(key), value, f);
        }

        @Override
        public void putAll(Map<?, ?> m) {
            m.forEach(this::put);
        }

        @Override
        public Collection<Object> values() {
            if (disabled || refused || !CellScope.trimmingHere()) {
                return super.values();
            }
            NARROWED.incrementAndGet();
            // A copy: JShell's walk removes classes while it iterates.
            List<Object> listed = new ArrayList<>(repl.size());
            for (Iterator<Object> it = repl.iterator(); it.hasNext(); ) {
                Object value = get(it.next());
                if (value == null) {
                    it.remove(); // the entry was removed from the table (ReplSymbolSweeper)
                } else {
                    listed.add(value);
                }
            }
            return new AbstractCollection<>() {
                @Override
                public Iterator<Object> iterator() {
                    return listed.iterator();
                }

                @Override
                public int size() {
                    return listed.size();
                }
            };
        }
    }

    /** The reflective route from a task to its context's class table. */
    private record Access(Method getContext, Method symtabOf, Field classes) {
        static Access find() {
            try {
                Class<?> context = Reflect.type("com.sun.tools.javac.util.Context");
                Class<?> symtab = Reflect.type("com.sun.tools.javac.code.Symtab");
                Method getContext = Reflect.publicMethod(Reflect.type("com.sun.tools.javac.api.BasicJavacTask"), "getContext");
                Method instance = Reflect.publicMethod(symtab, "instance", context);
                Field classes = Reflect.field(symtab, "classes");
                if (!Map.class.isAssignableFrom(classes.getType())) {
                    throw new IllegalStateException("Symtab.classes is a " + classes.getType().getName());
                }
                return new Access(getContext, instance, classes);
            } catch (ReflectiveOperationException | RuntimeException e) {
                LOG.log(Level.INFO, "javac's class table cannot be reached (" + e + "); JShell walks all of it "
                        + "after every javac task. Run with --add-opens for jdk.compiler/com.sun.tools.javac.api and .code.");
                return null;
            }
        }

        Object symtab(JavacTask task) throws ReflectiveOperationException {
            return symtabOf.invoke(null, getContext.invoke(task));
        }
    }
}

package org.javadl.kernel.engine.javac;

import jdk.jshell.JShell;

import java.util.AbstractCollection;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * Makes JShell's clean-up after each javac task visit only the classes of its {@code REPL} package
 * instead of every class javac knows.
 *
 * <p>Why: after every parse, analysis and compilation (five or six per cell) JShell walks
 * {@code Symtab.getAllClasses()} to make javac forget the {@code REPL} package's classes. The table
 * holds every class the session's compilations touched: about 1,900 with the default imports
 * ({@code java.util}, {@code java.util.stream}, {@code java.lang.invoke}, XChart, ...), of which a
 * handful are wrappers. Profiled with JFR on a warm {@code 1+1}, that walk was 15–20% of the shell
 * thread's time, the largest single cost after javac's attribution.
 *
 * <p>The table ({@code Symtab.classes}, flat name → module → symbol) is replaced by an
 * {@link IndexedClasses} map that also keeps the entries whose flat name starts with {@code REPL.},
 * and whose {@code values()} lists only those. {@code getAllClasses()} is the only reader of that
 * view, and its other caller, annotation processing, is off in every context JShell makes
 * ({@code -proc:none}); a context made without that option is left alone. Lookups, entering and
 * removal go to the full map as before. Contexts JShell's pool makes later (it drops one that a
 * failed compilation polluted) are indexed by {@link #indexNewContexts()} after each cell.
 *
 * <p>Reached by reflection like {@link ReplSymbolSweeper}; without the opens this logs once and is off.
 */
public final class ReplClassIndex {
    private static final Logger LOG = Logger.getLogger(ReplClassIndex.class.getName());
    private static final String REPL_PREFIX = "REPL.";
    private static final String NO_ANNOTATION_PROCESSING = "-proc:none";

    private final SymbolTables tables;

    private ReplClassIndex(SymbolTables tables) {
        this.tables = tables;
    }

    /** Indexes {@code shell}'s pooled javac contexts; null (logged) when they cannot be reached. */
    public static ReplClassIndex forShell(JShell shell) {
        return SymbolTables.patch(shell, ReplClassIndex::new, ReplClassIndex::indexNewContexts, LOG,
                "every javac task of a cell is followed by a walk over all classes javac knows");
    }

    /** Puts an indexed table into each pooled context that has none yet; returns how many it indexed. */
    public int indexNewContexts() {
        return tables.sum((table, classes) -> {
            if (classes instanceof IndexedClasses || !table.options().contains(NO_ANNOTATION_PROCESSING)) {
                return 0;
            }
            tables.replaceClasses(table, new IndexedClasses(classes));
            return 1;
        });
    }

    /**
     * For tests, over the pooled tables: how many entries the index lists, how many entries there
     * are in all, and how many {@code REPL} classes are still entered (JShell's clean-up must have
     * removed them all after each task, as it does without the index).
     */
    record Counts(int indexed, int all, int replClassesLeft) {
    }

    Counts counts() {
        int[] indexed = {0};
        int[] all = {0};
        int left = tables.sum((table, classes) -> {
            indexed[0] += classes instanceof IndexedClasses ? classes.values().size() : 0;
            all[0] += classes.size();
            int replClasses = 0;
            for (Map.Entry<?, ?> e : classes.entrySet()) {
                if (isRepl(e.getKey())) {
                    replClasses += ((Map<?, ?>) e.getValue()).size();
                }
            }
            return replClasses;
        });
        return new Counts(indexed[0], all[0], left);
    }

    static boolean isRepl(Object flatName) {
        return flatName != null && flatName.toString().startsWith(REPL_PREFIX);
    }

    /**
     * javac's class table with an index of its {@code REPL} entries. {@link #values()} is the index
     * (see the class comment for why that is what its one reader needs); everything else is the
     * whole table. The index holds the very inner maps of the table, so JShell's removal of a
     * class from one is seen in both. Entries are indexed where javac adds them
     * ({@code computeIfAbsent}, and the other ways a map can gain an entry); an indexed entry that
     * the table no longer maps to the same inner map is dropped from the index when met.
     */
    static final class IndexedClasses extends HashMap<Object, Object> {
        private static final long serialVersionUID = 1L;
        private final transient Map<Object, Object> repl = new HashMap<>();
        private final transient Collection<Object> replValues = new ReplValues();

        IndexedClasses(Map<?, ?> classes) {
            super(classes);
            classes.forEach(this::index);
        }

        private Object index(Object key, Object value) {
            if (value != null && isRepl(key)) {
                repl.put(key, value);
            }
            return value;
        }

        @Override
        public Object computeIfAbsent(Object key, Function<? super Object, ?> mapping) {
            return index(key, super.computeIfAbsent(key, mapping));
        }

        @Override
        public Object put(Object key, Object value) {
            Object old = super.put(key, value);
            index(key, value);
            return old;
        }

        @Override
        public void putAll(Map<?, ?> m) {
            super.putAll(m);
            m.forEach(this::index);
        }

        @Override
        public Object putIfAbsent(Object key, Object value) {
            Object old = super.putIfAbsent(key, value);
            index(key, get(key));
            return old;
        }

        @Override
        public Object compute(Object key, BiFunction<? super Object, ? super Object, ?> remapping) {
            return index(key, super.compute(key, remapping));
        }

        @Override
        public Object merge(Object key, Object value, BiFunction<? super Object, ? super Object, ?> remapping) {
            return index(key, super.merge(key, value, remapping));
        }

        @Override
        public void clear() {
            repl.clear();
            super.clear();
        }

        /** The {@code REPL} package's entries only: what JShell's clean-up walks after every task. */
        @Override
        public Collection<Object> values() {
            return replValues;
        }

        /** Removes the entries whose inner map is empty, from the table and the index; returns how many. */
        int removeEmptyEntries() {
            int before = size();
            super.values().removeIf(byModule -> ((Map<?, ?>) byModule).isEmpty());
            repl.entrySet().removeIf(e -> super.get(e.getKey()) != e.getValue());
            return before - size();
        }

        /**
         * The index as a collection, iterated over a copy (a few entries, and the purge removes
         * classes while it walks); an entry the table dropped or replaced is skipped and forgotten.
         */
        private final class ReplValues extends AbstractCollection<Object> {
            @Override
            public Iterator<Object> iterator() {
                List<Map.Entry<Object, Object>> live = new ArrayList<>(repl.size());
                for (Iterator<Map.Entry<Object, Object>> it = repl.entrySet().iterator(); it.hasNext(); ) {
                    Map.Entry<Object, Object> e = it.next();
                    if (IndexedClasses.super.get(e.getKey()) == e.getValue()) {
                        live.add(Map.entry(e.getKey(), e.getValue()));
                    } else {
                        it.remove();
                    }
                }
                Iterator<Map.Entry<Object, Object>> entries = live.iterator();
                return new Iterator<>() {
                    private Object lastKey;

                    @Override
                    public boolean hasNext() {
                        return entries.hasNext();
                    }

                    @Override
                    public Object next() {
                        Map.Entry<Object, Object> e = entries.next();
                        lastKey = e.getKey();
                        return e.getValue();
                    }

                    @Override
                    public void remove() {
                        if (lastKey == null) {
                            throw new IllegalStateException();
                        }
                        repl.remove(lastKey);
                        IndexedClasses.this.remove(lastKey);
                        lastKey = null;
                    }
                };
            }

            @Override
            public int size() {
                return repl.size();
            }
        }
    }
}

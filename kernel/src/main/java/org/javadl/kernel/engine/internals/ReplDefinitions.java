package org.javadl.kernel.engine.internals;

import jdk.jshell.DeclarationSnippet;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.VarSnippet;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * JShell's table of current snippets by key, replaced by one that can leave the session's
 * definitions out of the import lines JShell writes, and that answers which definitions import a
 * given name, so that {@link ReplImportTrimmer} adds, after parsing, exactly the imports a
 * compilation unit names.
 *
 * <p>Why: JShell starts every wrapper it compiles with one {@code import static
 * REPL.$JShell$N.name;} per live definition, built as text from this table, two to four times per
 * cell. With a thousand definitions that text (building it, and javac parsing it) was 40% of a
 * cell, even after the unused imports were removed from the parsed tree. JShell builds the text by
 * iterating this table and nothing else does, so while a cell runs (its {@link CellScope}) the iteration
 * skips definitions; the imports a unit needs are then exactly those of the definitions whose name
 * (or anonymous class name) occurs in it, which is what JShell's own text would have kept after
 * trimming: a name the unit declares itself, or already imports from a snippet compiled with it
 * (JShell's {@code plus}), is skipped, as JShell leaves those out ({@code except}).
 *
 * <p>Reached by reflection ({@code jdk.jshell/jdk.jshell} opened); without it this logs once and
 * is off (JShell writes every import and the trimmer removes the unused ones).
 *
 * <p>JDK members it touches (checked on JDK 17.0.15 and 25.0.3): {@code jdk.jshell.JShell.maps}, {@code SnippetMaps.keyIndexToSnippet} (a final {@code ArrayList}, replaced; JShell changes it only by {@code set} and {@code add} and builds import text by iterating it), {@code Snippet.importLine(JShell)}, {@code VarSnippet.anonymousClasses}.
 */
public final class ReplDefinitions {
    private static final Logger LOG = Logger.getLogger(ReplDefinitions.class.getName());
    private static final Pattern IMPORT = Pattern.compile("import static REPL\\.([^.;\\s]+)\\.([^;\\s]+)\\s*;");

    private final JShell shell;
    private final Method importLine;
    private final Field anonymousClasses;
    private final IndexedSnippets table;

    private ReplDefinitions(JShell shell, Method importLine, Field anonymousClasses, List<Snippet> current) {
        this.shell = shell;
        this.importLine = importLine;
        this.anonymousClasses = anonymousClasses;
        this.table = new IndexedSnippets(current);
    }

    /**
     * Replaces {@code shell}'s table (before anything else holds on to the old one) and returns
     * the index, or null when JShell's internals or javac's trees cannot be reached.
     */
    public static ReplDefinitions install(JShell shell) {
        if (!ReplImportTrimmer.canAddImports()) {
            return null;
        }
        try {
            Object maps = Reflect.field(JShell.class, "maps").get(shell);
            Field tableField = Reflect.field(maps.getClass(), "keyIndexToSnippet");
            @SuppressWarnings("unchecked")
            List<Snippet> old = (List<Snippet>) tableField.get(maps);
            Method importLine = Reflect.method(Snippet.class, "importLine", JShell.class);
            Field anonymous = Reflect.field(VarSnippet.class, "anonymousClasses");
            ReplDefinitions definitions = new ReplDefinitions(shell, importLine, anonymous, old);
            Reflect.replaceFinal(tableField, maps, definitions.table);
            return definitions;
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.log(Level.INFO, "JShell's snippet table cannot be replaced (" + e + "); it writes every "
                    + "definition's import into every compilation. Run with --add-opens jdk.jshell/jdk.jshell=ALL-UNNAMED.");
            return null;
        }
    }

    /**
     * The wrapper classes ({@code $JShell$12}) of the current definitions whose import lines
     * import {@code name}: the same definitions, and the same lines, as JShell's own text.
     */
    List<String> wrappersImporting(String name) {
        List<DeclarationSnippet> candidates = table.named(name);
        if (candidates.isEmpty()) {
            return List.of();
        }
        List<String> wrappers = new ArrayList<>(1);
        for (DeclarationSnippet s : candidates) {
            // JShell's own condition for writing a snippet's import line
            if (shell.status(s).isDefined() && s.name() != null && !s.name().isEmpty()) {
                Matcher m = IMPORT.matcher(importLineOf(s));
                while (m.find()) {
                    if (m.group(2).equals(name)) {
                        wrappers.add(m.group(1));
                    }
                }
            }
        }
        return wrappers;
    }

    private String importLineOf(Snippet s) {
        try {
            return (String) importLine.invoke(s, shell);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("JShell's import line of " + s.id(), e);
        }
    }

    /** The names a snippet's import line can import: its own and its anonymous classes'. */
    private Collection<String> importedNames(DeclarationSnippet s) {
        List<String> names = new ArrayList<>(1);
        if (s.name() != null && !s.name().isEmpty()) {
            names.add(s.name());
        }
        if (s instanceof VarSnippet) {
            try {
                Object anon = anonymousClasses.get(s);
                if (anon instanceof Collection<?> c) {
                    c.forEach(n -> names.add(String.valueOf(n)));
                }
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
        return names;
    }

    /**
     * JShell's list of the current snippet of each key, indexed by the names their import lines
     * import, and iterated without definitions while a cell runs on this thread.
     */
    private final class IndexedSnippets extends ArrayList<Snippet> {
        private final Map<String, List<DeclarationSnippet>> byName = new HashMap<>();
        /** The snippets in the table that are not definitions (imports, mostly), by slot. */
        private final TreeMap<Integer, Snippet> others = new TreeMap<>();

        IndexedSnippets(List<Snippet> from) {
            super(from);
            for (int i = 0; i < from.size(); i++) {
                index(i, from.get(i));
            }
        }

        @Override
        public Snippet set(int i, Snippet s) {
            Snippet old = super.set(i, s);
            unindex(i, old);
            index(i, s);
            return old;
        }

        @Override
        public boolean add(Snippet s) {
            index(size(), s);
            return super.add(s);
        }

        private void index(int slot, Snippet s) {
            if (s != null && !(s instanceof DeclarationSnippet)) {
                others.put(slot, s);
            }
            index(s);
        }

        private void unindex(int slot, Snippet s) {
            if (s != null && !(s instanceof DeclarationSnippet)) {
                others.remove(slot, s);
            }
            unindex(s);
        }

        private void index(Snippet s) {
            if (s instanceof DeclarationSnippet d) {
                for (String n : importedNames(d)) {
                    byName.computeIfAbsent(n, k -> new ArrayList<>(1)).add(d);
                }
            }
        }

        private void unindex(Snippet s) {
            if (s instanceof DeclarationSnippet d) {
                for (String n : importedNames(d)) {
                    List<DeclarationSnippet> list = byName.get(n);
                    if (list != null) {
                        list.removeIf(x -> x == d);
                        if (list.isEmpty()) {
                            byName.remove(n);
                        }
                    }
                }
            }
        }

        List<DeclarationSnippet> named(String name) {
            List<DeclarationSnippet> list = byName.get(name);
            return list == null ? List.of() : List.copyOf(list);
        }

        @Override
        public Iterator<Snippet> iterator() {
            CellScope cell = CellScope.current();
            if (cell == null || cell.definitions != ReplDefinitions.this) {
                return super.iterator();
            }
            // Only what is not a definition, without walking the (mostly empty) slots of every
            // key the session ever used.
            return List.copyOf(others.values()).iterator();
        }
    }
}

package org.javadl.kernel.engine.internals;

import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;

import javax.tools.JavaFileObject;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.WeakHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Lets javac see, in a compilation that runs a cell, only the wrapper classes that compilation
 * can reach, instead of every class the session has defined.
 *
 * <p>Why: javac learns which classes a package has by listing it, and JShell makes javac forget
 * its {@code REPL} package after every compilation; so each of the two to four compilations of a
 * cell listed, and made a symbol for, every live wrapper class (two class files per class or
 * record defined). With 2,000 of them that was a sixth of a cell's time at cell 5,000 of the soak
 * mix, and most of JShell's clean-up walk afterwards.
 *
 * <p>What a compilation can reach is known exactly once its sources are parsed and
 * {@link ReplImportTrimmer} has removed the imports they do not use: the wrappers of the imports
 * that are left, the wrappers the source names itself ({@code REPL.$JShell$12.x} in code JShell
 * generates), and, transitively, every {@code REPL} class named in the class files of those (a
 * method's return type, a superclass, a field's type; javac reads nothing else). The class files
 * are scanned for the bytes {@code REPL/$JShell$}, which over-approximates, as it should. javac has
 * no other way to reach a {@code REPL} class, so the listing is narrowed to exactly those, and
 * only on the thread and for the compilation that computed them ({@link CellScope#reachable}); every other
 * listing (completion, documentation, JShell's own start-up) sees everything.
 *
 * <p>The listing is JShell's map of class files (in its file manager), replaced by reflection
 * with a map that narrows {@code values()}, the one view JShell lists from. It needs
 * {@code jdk.jshell/jdk.jshell} opened to this code; without it this logs once and is off.
 *
 * <p>JDK members it touches (checked on JDK 17.0.15 and 25.0.3): {@code jdk.jshell.JShell.taskFactory}, {@code TaskFactory.fileManager}, {@code MemoryFileManager.classObjects} (a final {@code TreeMap}, replaced); JShell lists the package through that map's {@code values()}.
 */
public final class ReplClassListing {
    private static final Logger LOG = Logger.getLogger(ReplClassListing.class.getName());
    private static final String REPL_PREFIX = "REPL.";
    private static final String CLASS_FILE_PACKAGE = "REPL/";
    private static final byte[] CLASS_FILE_MARK = (CLASS_FILE_PACKAGE + "$JShell$").getBytes(StandardCharsets.US_ASCII);

    private static final AtomicLong NARROWED = new AtomicLong();
    private static final AtomicLong LISTED = new AtomicLong();

    private final ClassFileMap classFiles;
    private volatile boolean disabled;
    /** Tests only: class files whose name ends so are left out of narrowed listings, to make javac miss one. */
    volatile String hiddenForTests;

    private ReplClassListing(SortedMap<String, Object> from) {
        this.classFiles = new ClassFileMap(from);
    }

    /**
     * Installs the narrowing map in {@code shell}'s file manager (before anything else holds on to
     * the old one) and returns it, or null when JShell's internals cannot be reached.
     */
    public static ReplClassListing install(JShell shell) {
        try {
            Object fileManager = Reflect.fileManager(shell);
            Field mapField = Reflect.field(fileManager.getClass(), "classObjects");
            Object old = mapField.get(fileManager);
            if (!(old instanceof TreeMap<?, ?> tree)) {
                throw new IllegalStateException("JShell's class files are a " + old.getClass().getName());
            }
            @SuppressWarnings("unchecked")
            ReplClassListing listing = new ReplClassListing((SortedMap<String, Object>) tree);
            Reflect.replaceFinal(mapField, fileManager, listing.classFiles);
            return listing;
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.log(Level.INFO, "JShell's class listing cannot be narrowed (" + e + "); each compilation "
                    + "lists every class the session defined. Run with --add-opens jdk.jshell/jdk.jshell=ALL-UNNAMED.");
            return null;
        }
    }

    /** Whether narrowing is on (a missed class file turns it off for the session). */
    boolean on() {
        return !disabled;
    }

    /**
     * Adds to {@code reach} the wrappers {@code wrappers} (simple names, {@code $JShell$12}) and,
     * transitively, every wrapper their class files name.
     */
    void addReachable(Set<String> reach, Collection<String> wrappers) {
        Deque<String> todo = new ArrayDeque<>();
        for (String w : wrappers) {
            todo.add(REPL_PREFIX + w);
        }
        while (!todo.isEmpty()) {
            String wrapper = todo.pop();
            if (reach.add(wrapper)) {
                for (Object file : classesOf(classFiles, wrapper).values()) {
                    todo.addAll(classFiles.referencedWrappers(file));
                }
            }
        }
    }

    /**
     * Whether javac, given a narrowed listing, failed to find a class file for a snippet it then
     * rejected: the reachability above should make that impossible, so it turns narrowing off for
     * the session (with a log line) and says the snippet should be evaluated again; a rejected
     * snippet ran nothing. Diagnostics are JShell's ({@code compiler.err.cant.access}: "class file
     * for ... not found").
     */
    public boolean missedAClass(JShell shell, List<SnippetEvent> events) {
        CellScope cell = CellScope.current();
        if (disabled || cell == null || cell.listing != this) {
            return false;
        }
        for (SnippetEvent e : events) {
            if (e.causeSnippet() == null && e.status() == Snippet.Status.REJECTED
                    && shell.diagnostics(e.snippet()).anyMatch(d -> d.getCode().contains("cant.access"))) {
                disabled = true;
                LOG.warning("javac missed a class file with the narrowed REPL listing; listing everything from "
                        + "now on. Snippet: " + e.snippet().source());
                return true;
            }
        }
        return false;
    }

    /**
     * The class files of one wrapper ({@code REPL.$JShell$12}) in a map of class files by binary
     * name: the wrapper's own and its nested classes' ({@code REPL.$JShell$12$Foo}), not those of
     * {@code $JShell$120} or {@code $JShell$12B}. A view: clearing it removes them.
     */
    public static <V> SortedMap<String, V> classesOf(NavigableMap<String, V> classFiles, String wrapper) {
        return classFiles.subMap(wrapper, true, wrapper + "$\uffff", true);
    }

    /** Narrowed listings so far and the class files they listed, in this JVM (for tests and benchmarks). */
    public static long[] narrowedSoFar() {
        return new long[] {NARROWED.get(), LISTED.get()};
    }

    /** {@code REPL.$JShell$N} for every {@code REPL/$JShell$N} in the class file's bytes. */
    private static Set<String> scan(Object file) {
        byte[] b;
        try (InputStream in = ((JavaFileObject) file).openInputStream()) {
            b = in.readAllBytes();
        } catch (IOException | RuntimeException e) {
            return Set.of();
        }
        Set<String> found = new HashSet<>();
        outer:
        for (int i = 0; i + CLASS_FILE_MARK.length <= b.length; i++) {
            for (int j = 0; j < CLASS_FILE_MARK.length; j++) {
                if (b[i + j] != CLASS_FILE_MARK[j]) {
                    continue outer;
                }
            }
            // A wrapper's name is $JShell$ and its snippets' key numbers and version letters,
            // joined by '_' ($JShell$12, $JShell$12B, $JShell$12_13C); a nested class's
            // name goes on after a '$'.
            int end = i + CLASS_FILE_MARK.length;
            while (end < b.length && isWrapperNameByte(b[end])) {
                end++;
            }
            if (end > i + CLASS_FILE_MARK.length) {
                int name = i + CLASS_FILE_PACKAGE.length();
                found.add(REPL_PREFIX + new String(b, name, end - name, StandardCharsets.US_ASCII));
            }
            i = end - 1;
        }
        return found;
    }

    private static boolean isWrapperNameByte(byte c) {
        return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
    }

    /**
     * JShell's map from binary class name to class file, whose {@code values()} (what JShell
     * lists) leaves out the wrappers the current compilation cannot reach.
     */
    private final class ClassFileMap extends TreeMap<String, Object> {
        /** Wrappers named in each class file, by class file (JShell writes a new object each time). */
        private final Map<Object, Set<String>> references = new WeakHashMap<>();

        ClassFileMap(SortedMap<String, Object> from) {
            super(from);
        }

        synchronized Set<String> referencedWrappers(Object file) {
            return references.computeIfAbsent(file, ReplClassListing::scan);
        }

        @Override
        public Collection<Object> values() {
            CellScope cell = CellScope.current();
            Set<String> reach = cell == null ? null : cell.reachableIn(ReplClassListing.this);
            if (reach == null) {
                return super.values();
            }
            // Only the reachable wrappers, each looked up by name: the cost is what the
            // compilation uses, not what the session holds.
            List<Object> listed = new ArrayList<>();
            for (String wrapper : reach) {
                for (Map.Entry<String, Object> e : classesOf(this, wrapper).entrySet()) {
                    String hidden = hiddenForTests;
                    if (hidden == null || !e.getKey().endsWith(hidden)) {
                        listed.add(e.getValue());
                    }
                }
            }
            NARROWED.incrementAndGet();
            LISTED.addAndGet(listed.size());
            return listed;
        }
    }
}

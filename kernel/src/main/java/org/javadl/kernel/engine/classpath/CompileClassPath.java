package org.javadl.kernel.engine.classpath;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;

/**
 * The class path cells compile against, in order, with javac's rules: the first entry that has a
 * class wins, and a jar's manifest {@code Class-Path} adds entries right after that jar. Jars are
 * read when javac first asks for a package, not when the path is set.
 */
final class CompileClassPath implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(CompileClassPath.class.getName());

    private final List<Path> declared;
    private List<ClassPathEntry> entries;

    CompileClassPath(List<Path> declared) {
        this.declared = List.copyOf(declared);
    }

    /** Parses a class path string ({@code File.pathSeparator}-separated); empty elements are skipped. */
    static CompileClassPath parse(String classPath) {
        List<Path> paths = new ArrayList<>();
        for (String element : classPath.split(File.pathSeparator)) {
            if (element.isBlank()) {
                continue;
            }
            try {
                paths.add(Path.of(element));
            } catch (InvalidPathException e) {
                LOG.warning("class path element is not a path: " + element);
            }
        }
        return new CompileClassPath(paths);
    }

    /** The paths as given, without manifest expansion (what {@code getLocation(CLASS_PATH)} reports). */
    List<Path> declared() {
        return declared;
    }

    /**
     * Opens the jars on a background thread now, so the index is ready (or nearly) when javac
     * first asks: on the kernel's start path javac has ~100 ms of its own set-up to do before that.
     */
    void openInBackground() {
        Thread t = new Thread(this::entries, "javadl-classpath-index");
        t.setDaemon(true);
        t.start();
    }

    /** All entries in search order, jars opened on first use. */
    synchronized List<ClassPathEntry> entries() {
        if (entries == null) {
            entries = open(declared, java.util.Map.of());
        }
        return entries;
    }

    /**
     * Takes over the entries of {@code previous} that this path has too, and closes the rest of them.
     * JShell's {@code addToClasspath} hands javac the whole path again with one element more; without
     * this, the kernel's own jar (~25,000 entries) would be read again for every jar a session adds.
     * Only jars are taken over: a directory's classes may have been recompiled since.
     */
    synchronized void takeOver(CompileClassPath previous) {
        java.util.Map<Path, ClassPathEntry> open = new java.util.HashMap<>();
        synchronized (previous) {
            if (previous.entries != null) {
                for (ClassPathEntry e : previous.entries) {
                    open.put(e.path().toAbsolutePath().normalize(), e);
                }
                previous.entries = List.of();
            }
        }
        if (open.isEmpty()) {
            return;
        }
        entries = open(declared, open);
        java.util.Set<ClassPathEntry> kept = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        kept.addAll(entries);
        open.values().stream().filter(e -> !kept.contains(e)).forEach(ClassPathEntry::close);
    }

    private static List<ClassPathEntry> open(List<Path> declared, java.util.Map<Path, ClassPathEntry> reuse) {
        List<ClassPathEntry> out = new ArrayList<>();
        Set<Path> seen = new LinkedHashSet<>();
        Deque<Path> todo = new ArrayDeque<>(declared);
        while (!todo.isEmpty()) {
            Path p = todo.removeFirst();
            Path key = p.toAbsolutePath().normalize();
            if (!seen.add(key)) {
                continue;
            }
            ClassPathEntry known = reuse.get(key);
            if (known instanceof JarEntries jar) {
                out.add(jar);
                List<Path> extra = manifestEntries(p, jar.manifestClassPath());
                for (int i = extra.size() - 1; i >= 0; i--) {
                    todo.addFirst(extra.get(i));
                }
                continue;
            }
            if (Files.isDirectory(p)) {
                out.add(new ClassDirectory(p));
            } else if (Files.isRegularFile(p)) {
                try {
                    JarEntries jar = JarEntries.open(p);
                    out.add(jar);
                    // Class-Path entries come right after their jar, before the rest of the path.
                    List<Path> extra = manifestEntries(p, jar.manifestClassPath());
                    for (int i = extra.size() - 1; i >= 0; i--) {
                        todo.addFirst(extra.get(i));
                    }
                } catch (IOException e) {
                    LOG.warning("not a readable jar on the class path, skipped: " + p + " (" + e.getMessage() + ")");
                }
            }
            // a missing element is not an error for javac either
        }
        return out;
    }

    private static List<Path> manifestEntries(Path jar, List<String> urls) {
        List<Path> out = new ArrayList<>();
        Path dir = jar.toAbsolutePath().getParent();
        for (String url : urls) {
            try {
                URI u = new URI(url);
                Path p = u.isAbsolute() ? Path.of(u) : dir.resolve(Path.of(u.getPath()));
                out.add(p);
            } catch (URISyntaxException | IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
                LOG.fine("ignoring Class-Path entry " + url + " of " + jar);
            }
        }
        return out;
    }

    /** Every class file in {@code pkg}, earlier entries first. */
    List<ClassPathFile> list(String pkg, boolean recurse) {
        List<ClassPathFile> out = new ArrayList<>();
        for (ClassPathEntry e : entries()) {
            out.addAll(e.list(pkg, recurse));
        }
        return out;
    }

    ClassPathFile find(String binaryName) {
        for (ClassPathEntry e : entries()) {
            ClassPathFile f = e.find(binaryName);
            if (f != null) {
                return f;
            }
        }
        return null;
    }

    @Override
    public synchronized void close() {
        if (entries != null) {
            entries.forEach(ClassPathEntry::close);
            entries = List.of();
        }
    }
}

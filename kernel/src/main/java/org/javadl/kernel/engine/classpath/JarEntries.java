package org.javadl.kernel.engine.classpath;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The class files of one jar, grouped by package, read from the jar's central directory.
 *
 * <p>Why not let javac open the jar: javac opens every jar on its class path as a zip file system
 * and walks all of it before it answers its first question. The kernel's own jar holds ~25,000
 * entries (Tablesaw brings fastutil and ICU), and that walk was ~100 ms of the first compile on
 * two cores. {@link ZipFile} shares the central directory the JVM already read to load the
 * kernel's classes from the same jar, so one pass over the entry names is all this costs.
 *
 * <p>Multi-release jars are read as javac reads them for the running release: an entry under
 * {@code META-INF/versions/N/} with N at most the running feature version replaces the base entry.
 */
final class JarEntries implements ClassPathEntry {
    private static final String VERSIONS = "META-INF/versions/";

    private final Path path;
    private final ZipFile zip;
    private final List<String> manifestClassPath;
    /**
     * Package directory ({@code a/b}) to its class files: simple binary name ({@code Outer$Inner}
     * included) to entry name. A versioned entry of a multi-release jar replaces the base one.
     */
    private final Map<String, Map<String, String>> packages = new HashMap<>();

    private JarEntries(Path path, ZipFile zip, List<String> manifestClassPath) {
        this.path = path;
        this.zip = zip;
        this.manifestClassPath = manifestClassPath;
    }

    /** Reads the jar's entry names; throws if it is not a readable zip file. */
    static JarEntries open(Path jar) throws IOException {
        ZipFile zip = new ZipFile(jar.toFile());
        try {
            Manifest manifest = manifest(zip);
            Attributes main = manifest == null ? null : manifest.getMainAttributes();
            String mr = main == null ? null : main.getValue(Attributes.Name.MULTI_RELEASE);
            String cp = main == null ? null : main.getValue(Attributes.Name.CLASS_PATH);
            JarEntries entries = new JarEntries(jar, zip, cp == null || cp.isBlank() ? List.of() : List.of(cp.strip().split("\\s+")));
            entries.index("true".equalsIgnoreCase(mr == null ? null : mr.strip()) ? Runtime.version().feature() : 0);
            return entries;
        } catch (IOException | RuntimeException e) {
            zip.close();
            throw e;
        }
    }

    private static Manifest manifest(ZipFile zip) throws IOException {
        ZipEntry m = zip.getEntry(JarFile.MANIFEST_NAME);
        if (m == null) {
            return null;
        }
        try (InputStream in = zip.getInputStream(m)) {
            return new Manifest(in);
        }
    }

    /**
     * {@code release}: the feature version to read a multi-release jar for, or 0 for a plain jar.
     * Only names are kept here; file objects are made for the few packages javac asks about.
     */
    private void index(int release) {
        Map<String, Integer> chosenVersion = new HashMap<>();
        Enumeration<? extends ZipEntry> all = zip.entries();
        while (all.hasMoreElements()) {
            String name = all.nextElement().getName();
            if (!name.endsWith(".class")) {
                continue;
            }
            String relative = name;
            if (name.startsWith("META-INF/")) {
                relative = versioned(name, release, chosenVersion);
                if (relative == null) {
                    continue;
                }
            } else if (chosenVersion.containsKey(name)) {
                continue; // a versioned entry for this class came first
            }
            int slash = relative.lastIndexOf('/');
            String dir = slash < 0 ? "" : relative.substring(0, slash);
            String simple = relative.substring(slash + 1, relative.length() - ".class".length());
            if (simple.equals("module-info")) {
                continue; // a jar on the class path is part of the unnamed module
            }
            packages.computeIfAbsent(dir, k -> new HashMap<>()).put(simple, name);
        }
    }

    /** The class's path without the version prefix, or null when this entry is not to be used. */
    private static String versioned(String name, int release, Map<String, Integer> chosenVersion) {
        if (release == 0 || !name.startsWith(VERSIONS)) {
            return null;
        }
        int slash = name.indexOf('/', VERSIONS.length());
        int version;
        try {
            version = slash < 0 ? Integer.MAX_VALUE : Integer.parseInt(name.substring(VERSIONS.length(), slash));
        } catch (NumberFormatException notAVersion) {
            return null;
        }
        String relative = name.substring(slash + 1);
        Integer had = chosenVersion.get(relative);
        if (version > release || had != null && had > version) {
            return null;
        }
        chosenVersion.put(relative, version);
        return relative;
    }

    private ClassPathFile file(String dir, String simple, String entryName) {
        String binary = dir.isEmpty() ? simple : dir.replace('/', '.') + "." + simple;
        return new ClassPathFile(binary, URI.create("jar:" + path.toUri() + "!/" + entryName),
                path + "(" + entryName + ")", () -> time(entryName), () -> open(entryName));
    }

    private long time(String entryName) {
        ZipEntry e = zip.getEntry(entryName);
        return e == null ? 0 : e.getTime();
    }

    private InputStream open(String entryName) throws IOException {
        ZipEntry e = zip.getEntry(entryName);
        if (e == null) {
            throw new IOException(entryName + " is no longer in " + path);
        }
        return zip.getInputStream(e);
    }

    /** The jar's manifest {@code Class-Path}: relative URLs that javac also puts on the class path. */
    List<String> manifestClassPath() {
        return manifestClassPath;
    }

    @Override
    public Path path() {
        return path;
    }

    @Override
    public List<ClassPathFile> list(String pkg, boolean recurse) {
        String dir = pkg.replace('.', '/');
        List<ClassPathFile> out = new ArrayList<>();
        if (!recurse) {
            Map<String, String> in = packages.get(dir);
            if (in != null) {
                in.forEach((simple, entry) -> out.add(file(dir, simple, entry)));
            }
            return out;
        }
        String prefix = dir.isEmpty() ? "" : dir + "/";
        packages.forEach((name, files) -> {
            if (name.equals(dir) || name.startsWith(prefix)) {
                files.forEach((simple, entry) -> out.add(file(name, simple, entry)));
            }
        });
        return out;
    }

    @Override
    public ClassPathFile find(String binaryName) {
        int dot = binaryName.lastIndexOf('.');
        String dir = dot < 0 ? "" : binaryName.substring(0, dot).replace('.', '/');
        String simple = binaryName.substring(dot + 1);
        Map<String, String> in = packages.get(dir);
        String entry = in == null ? null : in.get(simple);
        return entry == null ? null : file(dir, simple, entry);
    }

    @Override
    public void close() {
        try {
            zip.close();
        } catch (IOException ignored) {
            // nothing was written; a failed close leaves nothing to undo
        }
    }
}

package org.javadl.kernel.engine;

import org.junit.jupiter.api.Test;

import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every name a notebook gets from the default imports must mean one thing: two star-imported
 * packages with a public class of the same simple name make that name a compile error in every
 * cell (this once hid Tablesaw's {@code Table} behind the library's own table class), unless a
 * single-type import among the defaults names one of them, which then wins (JLS 6.4.1).
 */
class DefaultImportsTest {
    private static List<String> starPackages() {
        List<String> out = new ArrayList<>();
        for (String imp : JavaEngine.DEFAULT_IMPORTS) {
            if (imp.startsWith("import ") && !imp.startsWith("import static ") && imp.endsWith(".*;")) {
                out.add(imp.substring("import ".length(), imp.length() - ".*;".length()));
            }
        }
        return out;
    }

    /** Classes imported by name ({@code import a.b.C;}). */
    private static java.util.Set<String> singleTypeImports() {
        java.util.Set<String> out = new java.util.HashSet<>();
        for (String imp : JavaEngine.DEFAULT_IMPORTS) {
            if (imp.startsWith("import ") && !imp.startsWith("import static ") && !imp.endsWith(".*;")) {
                out.add(imp.substring("import ".length(), imp.length() - 1));
            }
        }
        return out;
    }

    private static List<String> staticClasses() {
        List<String> out = new ArrayList<>();
        for (String imp : JavaEngine.DEFAULT_IMPORTS) {
            if (imp.startsWith("import static ") && imp.endsWith(".*;")) {
                out.add(imp.substring("import static ".length(), imp.length() - ".*;".length()));
            }
        }
        return out;
    }

    @Test
    void noSimpleClassNameIsAmbiguous() throws IOException {
        Map<String, java.util.Set<String>> owners = new TreeMap<>();
        ClassLoader loader = getClass().getClassLoader();
        try (StandardJavaFileManager fm = ToolProvider.getSystemJavaCompiler().getStandardFileManager(null, null, null)) {
            for (String pkg : starPackages()) {
                List<JavaFileObject> files = new ArrayList<>();
                for (StandardLocation loc : List.of(StandardLocation.PLATFORM_CLASS_PATH, StandardLocation.CLASS_PATH)) {
                    fm.list(loc, pkg, EnumSet.of(JavaFileObject.Kind.CLASS), false).forEach(files::add);
                }
                for (JavaFileObject f : files) {
                    String binary = fm.inferBinaryName(StandardLocation.CLASS_PATH, f);
                    if (binary == null) {
                        binary = fm.inferBinaryName(StandardLocation.PLATFORM_CLASS_PATH, f);
                    }
                    if (binary == null || binary.contains("$")) {
                        continue;
                    }
                    addIfPublic(owners, binary, loader);
                }
                if (pkg.startsWith("java.")) {
                    // JDK packages live in the module image, which the class path listing does not cover.
                    for (String binary : jdkClasses(pkg)) {
                        addIfPublic(owners, binary, loader);
                    }
                }
            }
        }
        // The scan itself must see every kind of package, or an empty result would prove nothing.
        assertEquals(java.util.Set.of("java.util.List"), owners.get("List"));
        assertEquals(java.util.Set.of("java.util.function.Function"), owners.get("Function"));
        assertEquals(java.util.Set.of("tech.tablesaw.api.Table"), owners.get("Table"));
        assertEquals(java.util.Set.of("org.knowm.xchart.XYChart"), owners.get("XYChart"));
        assertEquals(java.util.Set.of("org.javadl.tensor.Tensor"), owners.get("Tensor"));
        Map<String, java.util.Set<String>> clashes = new TreeMap<>();
        java.util.Set<String> named = singleTypeImports();
        assertEquals(java.util.Set.of("org.javadl.nn.Conv2d", "org.javadl.nn.MaxPool2d"), named);
        owners.forEach((simple, classes) -> {
            if (classes.size() > 1 && classes.stream().noneMatch(named::contains)) {
                clashes.put(simple, classes);
            }
        });
        assertEquals(Map.of(), clashes, "simple names that mean two classes under the default imports");
    }

    /** Public top-level classes of a JDK package, from the running JDK's module image. */
    private static List<String> jdkClasses(String pkg) throws IOException {
        List<String> out = new ArrayList<>();
        java.nio.file.FileSystem jrt = java.nio.file.FileSystems.getFileSystem(java.net.URI.create("jrt:/"));
        java.nio.file.Path dir = jrt.getPath("packages", pkg);
        if (!java.nio.file.Files.exists(dir)) {
            return out;
        }
        try (var modules = java.nio.file.Files.list(dir)) {
            for (java.nio.file.Path link : modules.toList()) {
                java.nio.file.Path classes = jrt.getPath("modules", link.getFileName().toString(), pkg.replace('.', '/'));
                try (var files = java.nio.file.Files.list(classes)) {
                    files.map(p -> p.getFileName().toString())
                            .filter(n -> n.endsWith(".class") && !n.contains("$") && !n.equals("package-info.class"))
                            .forEach(n -> out.add(pkg + "." + n.substring(0, n.length() - 6)));
                }
            }
        }
        return out;
    }

    private static void addIfPublic(Map<String, java.util.Set<String>> owners, String binary, ClassLoader loader) {
        try {
            Class<?> c = Class.forName(binary, false, loader);
            if (Modifier.isPublic(c.getModifiers())) {
                owners.computeIfAbsent(c.getSimpleName(), k -> new java.util.TreeSet<>()).add(c.getName());
            }
        } catch (ClassNotFoundException | LinkageError notLoadable) {
            // not usable from a cell either
        }
    }

    @Test
    void noStaticallyImportedMethodIsAmbiguous() throws ClassNotFoundException {
        Map<String, String> seen = new HashMap<>();
        List<String> clashes = new ArrayList<>();
        for (String cls : staticClasses()) {
            for (Method m : Class.forName(cls).getMethods()) {
                if (!Modifier.isStatic(m.getModifiers())) {
                    continue;
                }
                String key = m.getName() + Arrays.toString(m.getParameterTypes());
                String before = seen.putIfAbsent(key, cls);
                if (before != null && !before.equals(cls)) {
                    clashes.add(key + " in " + before + " and " + cls);
                }
            }
        }
        assertEquals(List.of(), clashes);
    }
}

package org.javadl.kernel.engine.classpath;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The compile class path served from jar indexes: javac must see exactly what it would see with
 * its own jar handling (classes, nested classes, multi-release entries, manifest Class-Path, the
 * first entry winning), and real compilations against it must succeed or fail as they would.
 */
class IndexedFileManagerTest {
    private static final JavaCompiler JAVAC = ToolProvider.getSystemJavaCompiler();

    @TempDir
    Path tmp;

    /** Compiles sources (name -> text) into class files (binary name -> bytes), failing loudly. */
    private static Map<String, byte[]> compile(Map<String, String> sources) throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        try (StandardJavaFileManager std = JAVAC.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
            var fm = new javax.tools.ForwardingJavaFileManager<>(std) {
                @Override
                public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind,
                                                           javax.tools.FileObject sibling) {
                    return new SimpleJavaFileObject(URI.create("mem:///" + className.replace('.', '/') + ".class"), kind) {
                        @Override
                        public OutputStream openOutputStream() {
                            return new java.io.ByteArrayOutputStream() {
                                @Override
                                public void close() {
                                    out.put(className, toByteArray());
                                }
                            };
                        }
                    };
                }
            };
            DiagnosticCollector<JavaFileObject> diags = new DiagnosticCollector<>();
            boolean ok = JAVAC.getTask(null, fm, diags, List.of("--release", "17"), null, sources(sources)).call();
            assertTrue(ok, () -> "test sources did not compile: " + diags.getDiagnostics());
        }
        return out;
    }

    private static List<JavaFileObject> sources(Map<String, String> sources) {
        List<JavaFileObject> list = new ArrayList<>();
        sources.forEach((name, text) -> list.add(new SimpleJavaFileObject(
                URI.create("string:///" + name.replace('.', '/') + ".java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return text;
            }
        }));
        return list;
    }

    private Path jar(String name, Map<String, byte[]> entries, Manifest manifest) throws IOException {
        Path jar = tmp.resolve(name);
        try (JarOutputStream out = manifest == null ? new JarOutputStream(Files.newOutputStream(jar))
                : new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                out.putNextEntry(new JarEntry(e.getKey()));
                out.write(e.getValue());
                out.closeEntry();
            }
        }
        return jar;
    }

    private static Map<String, byte[]> asEntries(Map<String, byte[]> classes, String prefix) {
        Map<String, byte[]> entries = new TreeMap<>();
        classes.forEach((binary, bytes) -> entries.put(prefix + binary.replace('.', '/') + ".class", bytes));
        return entries;
    }

    private static Manifest manifest(String... attributes) {
        Manifest m = new Manifest();
        m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        for (int i = 0; i < attributes.length; i += 2) {
            m.getMainAttributes().put(new Attributes.Name(attributes[i]), attributes[i + 1]);
        }
        return m;
    }

    private static List<String> names(Iterable<JavaFileObject> files, IndexedFileManager fm) {
        List<String> names = new ArrayList<>();
        files.forEach(f -> names.add(fm.inferBinaryName(StandardLocation.CLASS_PATH, f)));
        names.sort(null);
        return names;
    }

    private static String read(JavaFileObject f) throws IOException {
        try (InputStream in = f.openInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    @Test
    void listsPackagesOfAJarLikeJavac() throws IOException {
        Map<String, byte[]> classes = compile(Map.of(
                "p.A", "package p; public class A { public static class In {} public int twice(int x) { return 2 * x; } }",
                "p.q.B", "package p.q; public class B {}"));
        Path jar = jar("lib.jar", asEntries(classes, ""), null);
        try (IndexedFileManager fm = new IndexedFileManager(JAVAC.getStandardFileManager(null, null, null), jar.toString())) {
            Set<JavaFileObject.Kind> kinds = EnumSet.of(JavaFileObject.Kind.CLASS, JavaFileObject.Kind.SOURCE);
            assertEquals(List.of("p.A", "p.A$In"), names(fm.list(StandardLocation.CLASS_PATH, "p", kinds, false), fm));
            assertEquals(List.of("p.A", "p.A$In", "p.q.B"), names(fm.list(StandardLocation.CLASS_PATH, "p", kinds, true), fm));
            assertEquals(List.of(), names(fm.list(StandardLocation.CLASS_PATH, "nope", kinds, false), fm));
            assertEquals(List.of(), names(fm.list(StandardLocation.CLASS_PATH, "p", EnumSet.of(JavaFileObject.Kind.SOURCE), false), fm));
            JavaFileObject a = fm.getJavaFileForInput(StandardLocation.CLASS_PATH, "p.A", JavaFileObject.Kind.CLASS);
            assertNotNull(a);
            assertTrue(a.isNameCompatible("A", JavaFileObject.Kind.CLASS));
            assertFalse(a.isNameCompatible("B", JavaFileObject.Kind.CLASS));
            assertTrue(a.getName().endsWith("lib.jar(p/A.class)"), a.getName());
            assertEquals("jar", a.toUri().getScheme());
            assertTrue(read(a).startsWith("\u00ca\u00fe\u00ba\u00be"), "class file bytes");
            assertTrue(fm.isSameFile(a, fm.getJavaFileForInput(StandardLocation.CLASS_PATH, "p.A", JavaFileObject.Kind.CLASS)));
            assertTrue(fm.contains(StandardLocation.CLASS_PATH, a));
            assertNull(fm.getJavaFileForInput(StandardLocation.CLASS_PATH, "p.Missing", JavaFileObject.Kind.CLASS));
            assertEquals(List.of(jar), fm.getLocationAsPaths(StandardLocation.CLASS_PATH));
        }
    }

    @Test
    void javacCompilesAgainstTheIndexedPathAndReportsMissingClasses() throws IOException {
        Map<String, byte[]> classes = compile(Map.of(
                "p.A", "package p; public class A { public static class In { public String hi() { return \"hi\"; } } public int twice(int x) { return 2 * x; } }"));
        Path jar = jar("lib.jar", asEntries(classes, ""), null);
        try (IndexedFileManager fm = new IndexedFileManager(JAVAC.getStandardFileManager(null, null, null), jar.toString())) {
            DiagnosticCollector<JavaFileObject> diags = new DiagnosticCollector<>();
            boolean ok = JAVAC.getTask(null, fm, diags, List.of("-d", tmp.resolve("out").toString()), null, sources(Map.of(
                    "u.Use", "package u; import p.*; public class Use { int f() { return new A().twice(3) + new A.In().hi().length(); } }"))).call();
            assertTrue(ok, () -> diags.getDiagnostics().toString());

            DiagnosticCollector<JavaFileObject> bad = new DiagnosticCollector<>();
            boolean compiled = JAVAC.getTask(null, fm, bad, List.of("-d", tmp.resolve("out").toString()), null, sources(Map.of(
                    "u.Bad", "package u; public class Bad { p.Nope n; }"))).call();
            assertFalse(compiled);
            assertTrue(bad.getDiagnostics().toString().contains("Nope"), bad.getDiagnostics()::toString);
        }
    }

    @Test
    void growingThePathKeepsTheJarsAlreadyOpen() throws IOException {
        Path first = jar("first.jar", asEntries(compile(Map.of("p.A", "package p; public class A {}")), ""), null);
        Path second = jar("second.jar", asEntries(compile(Map.of("q.B", "package q; public class B {}")), ""), null);
        try (IndexedFileManager fm = new IndexedFileManager(JAVAC.getStandardFileManager(null, null, null), first.toString())) {
            JavaFileObject a = fm.getJavaFileForInput(StandardLocation.CLASS_PATH, "p.A", JavaFileObject.Kind.CLASS);
            // What JShell.addToClasspath does: the whole path again, one element longer.
            assertTrue(fm.handleOption("-classpath", List.of(first + java.io.File.pathSeparator + second).iterator()));
            // The first jar was taken over, not closed and read again: what javac holds from it still reads.
            assertTrue(read(a).startsWith("\u00ca\u00fe\u00ba\u00be"));
            assertNotNull(fm.getJavaFileForInput(StandardLocation.CLASS_PATH, "q.B", JavaFileObject.Kind.CLASS));
            assertNotNull(fm.getJavaFileForInput(StandardLocation.CLASS_PATH, "p.A", JavaFileObject.Kind.CLASS));
            assertTrue(fm.handleOption("-classpath", List.of(second.toString()).iterator()));
            assertNull(fm.getJavaFileForInput(StandardLocation.CLASS_PATH, "p.A", JavaFileObject.Kind.CLASS));
        }
    }

    @Test
    void firstEntryWinsAndManifestClassPathFollowsItsJar() throws IOException {
        Map<String, byte[]> one = compile(Map.of("p.A", "package p; public class A { public static final String WHO = \"one\"; }"));
        Map<String, byte[]> two = compile(Map.of("p.A", "package p; public class A { public static final String WHO = \"two\"; }",
                "p.OnlyInTwo", "package p; public class OnlyInTwo {}"));
        Files.createDirectories(tmp.resolve("lib"));
        jar("lib/two.jar", asEntries(two, ""), null);
        Path first = jar("first.jar", asEntries(one, ""), manifest("Class-Path", "lib/two.jar missing.jar"));
        try (IndexedFileManager fm = new IndexedFileManager(JAVAC.getStandardFileManager(null, null, null),
                first + java.io.File.pathSeparator + tmp.resolve("does-not-exist.jar"))) {
            Set<JavaFileObject.Kind> kinds = EnumSet.of(JavaFileObject.Kind.CLASS);
            List<JavaFileObject> listed = new ArrayList<>();
            fm.list(StandardLocation.CLASS_PATH, "p", kinds, false).forEach(listed::add);
            assertEquals(3, listed.size(), listed::toString);
            assertTrue(listed.get(0).getName().contains("first.jar"), "the declared jar comes before its Class-Path");
            JavaFileObject a = fm.getJavaFileForInput(StandardLocation.CLASS_PATH, "p.A", JavaFileObject.Kind.CLASS);
            assertTrue(read(a).contains("one"), "first entry wins");
            assertNotNull(fm.getJavaFileForInput(StandardLocation.CLASS_PATH, "p.OnlyInTwo", JavaFileObject.Kind.CLASS));
        }
    }

    @Test
    void multiReleaseJarsReadTheEntryForTheRunningRelease() throws IOException {
        Map<String, byte[]> base = compile(Map.of("p.A", "package p; public class A { public static final String V = \"base\"; }"));
        Map<String, byte[]> v11 = compile(Map.of("p.A", "package p; public class A { public static final String V = \"v11\"; }"));
        Map<String, byte[]> future = compile(Map.of("p.A", "package p; public class A { public static final String V = \"future\"; }"));
        Map<String, byte[]> entries = new TreeMap<>();
        entries.putAll(asEntries(v11, "META-INF/versions/11/"));
        entries.putAll(asEntries(future, "META-INF/versions/999/"));
        entries.putAll(asEntries(base, ""));
        entries.put("module-info.class", base.get("p.A")); // never listed: a class path jar is unnamed
        Path mr = jar("mr.jar", entries, manifest("Multi-Release", "true"));
        Path plain = jar("plain.jar", entries, null);
        try (IndexedFileManager fm = new IndexedFileManager(JAVAC.getStandardFileManager(null, null, null), mr.toString())) {
            JavaFileObject a = fm.getJavaFileForInput(StandardLocation.CLASS_PATH, "p.A", JavaFileObject.Kind.CLASS);
            assertTrue(read(a).contains("v11"), a.getName());
            assertEquals(List.of("p.A"), names(fm.list(StandardLocation.CLASS_PATH, "p", EnumSet.of(JavaFileObject.Kind.CLASS), false), fm));
            assertEquals(List.of(), names(fm.list(StandardLocation.CLASS_PATH, "", EnumSet.of(JavaFileObject.Kind.CLASS), false), fm));
        }
        try (IndexedFileManager fm = new IndexedFileManager(JAVAC.getStandardFileManager(null, null, null), plain.toString())) {
            JavaFileObject a = fm.getJavaFileForInput(StandardLocation.CLASS_PATH, "p.A", JavaFileObject.Kind.CLASS);
            assertTrue(read(a).contains("base"), "without Multi-Release the versioned entries are ignored");
        }
    }

    @Test
    void directoriesAreListedOnDemandAndTheClassPathOptionReplacesThePath() throws IOException {
        Map<String, byte[]> classes = compile(Map.of("d.C", "package d; public class C {}"));
        Path dir = tmp.resolve("classes/d");
        Files.createDirectories(dir);
        Files.write(dir.resolve("C.class"), classes.get("d.C"));
        Files.writeString(dir.resolve("notes.txt"), "not a class");
        Map<String, byte[]> other = compile(Map.of("e.E", "package e; public class E {}"));
        Path jar = jar("e.jar", asEntries(other, ""), null);
        try (IndexedFileManager fm = new IndexedFileManager(JAVAC.getStandardFileManager(null, null, null),
                tmp.resolve("classes").toString())) {
            Set<JavaFileObject.Kind> kinds = EnumSet.of(JavaFileObject.Kind.CLASS);
            assertEquals(List.of("d.C"), names(fm.list(StandardLocation.CLASS_PATH, "d", kinds, false), fm));
            assertEquals(List.of("d.C"), names(fm.list(StandardLocation.CLASS_PATH, "", kinds, true), fm));
            assertTrue(fm.isSupportedOption("-classpath") >= 0);
            assertTrue(fm.handleOption("-classpath", List.of(jar.toString()).iterator()));
            assertEquals(List.of(), names(fm.list(StandardLocation.CLASS_PATH, "d", kinds, false), fm));
            assertEquals(List.of("e.E"), names(fm.list(StandardLocation.CLASS_PATH, "e", kinds, false), fm));
            fm.setLocationFromPaths(StandardLocation.CLASS_PATH, List.of(tmp.resolve("classes")));
            assertEquals(List.of("d.C"), names(fm.list(StandardLocation.CLASS_PATH, "d", kinds, false), fm));
        }
    }

    @Test
    void otherLocationsStillComeFromJavac() throws IOException {
        try (IndexedFileManager fm = new IndexedFileManager(JAVAC.getStandardFileManager(null, null, null), "")) {
            assertTrue(fm.hasLocation(StandardLocation.CLASS_PATH));
            assertFalse(fm.getLocationAsPaths(StandardLocation.CLASS_PATH).iterator().hasNext());
            DiagnosticCollector<JavaFileObject> diags = new DiagnosticCollector<>();
            boolean ok = JAVAC.getTask(null, fm, diags, List.of("-d", tmp.resolve("out").toString()), null, sources(Map.of(
                    "u.Jdk", "package u; import java.util.*; public class Jdk { List<String> l = new ArrayList<>(); }"))).call();
            assertTrue(ok, () -> diags.getDiagnostics().toString());
            assertTrue(Files.exists(tmp.resolve("out/u/Jdk.class")));
        }
    }
}

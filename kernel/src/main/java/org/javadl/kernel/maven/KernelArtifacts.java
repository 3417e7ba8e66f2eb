package org.javadl.kernel.maven;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The Maven artifacts the kernel itself is made of (group:artifact → version), from the
 * {@code META-INF/maven/.../pom.properties} that every jar on its class path (the shaded kernel jar
 * keeps those of all it contains) carries. A {@code %maven} artifact among them is never added again.
 */
final class KernelArtifacts {
    private KernelArtifacts() {
    }

    static Map<String, String> read(String classPath) {
        Map<String, String> out = new HashMap<>();
        for (String element : classPath.split(File.pathSeparator)) {
            Path p = Path.of(element);
            if (!Files.isRegularFile(p)) {
                continue;
            }
            try (ZipFile zip = new ZipFile(p.toFile())) {
                Enumeration<? extends ZipEntry> entries = zip.entries();
                while (entries.hasMoreElements()) {
                    ZipEntry e = entries.nextElement();
                    String n = e.getName();
                    if (n.startsWith("META-INF/maven/") && n.endsWith("/pom.properties")) {
                        Properties props = new Properties();
                        try (InputStream in = zip.getInputStream(e)) {
                            props.load(in);
                        }
                        String g = props.getProperty("groupId");
                        String a = props.getProperty("artifactId");
                        String v = props.getProperty("version");
                        if (g != null && a != null && v != null) {
                            out.putIfAbsent(g + ":" + a, v);
                        }
                    }
                }
            } catch (IOException ignored) {
                // not a jar: nothing of Maven's in it
            }
        }
        return out;
    }
}

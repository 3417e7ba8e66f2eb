package org.javadl.kernel.maven;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Loads Maven Resolver on the first {@code %maven}. The kernel jar carries it as one nested jar
 * ({@value #NESTED}); it is copied out once to a cache directory and loaded in a class loader whose
 * parent is the platform loader, so its own Gson, SLF4J and ASM never meet the kernel's or a cell's,
 * and a plain session never loads a class of it.
 */
final class ResolverLoader {
    static final String NESTED = "javadl-maven/javadl-maven-resolver.jar";
    private static Method resolve;

    private ResolverLoader() {
    }

    /** {@code org.javadl.resolver.Resolution.resolve}, loaded on the first call. */
    static synchronized Method resolver() throws IOException {
        if (resolve == null) {
            Path jar = nestedJar();
            URLClassLoader loader = new URLClassLoader("javadl-maven", new URL[]{jar.toUri().toURL()},
                    ClassLoader.getPlatformClassLoader());
            try {
                Class<?> c = Class.forName("org.javadl.resolver.Resolution", true, loader);
                resolve = c.getMethod("resolve", List.class, Map.class, String.class, int.class);
            } catch (ReflectiveOperationException e) {
                throw new IOException("the Maven resolver in " + jar + " is broken: " + e, e);
            }
        }
        return resolve;
    }

    @SuppressWarnings("unchecked")
    static List<String> resolve(List<String> coordinates, Map<String, String> repositories, Path local, int timeoutMillis)
            throws IOException {
        try {
            return (List<String>) resolver().invoke(null, coordinates, repositories, local.toString(), timeoutMillis);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IOException(e.getCause());
        } catch (IllegalAccessException e) {
            throw new IOException(e);
        }
    }

    /** The resolver jar on disk: beside the classes when running from a build directory, else copied out of the kernel jar. */
    private static Path nestedJar() throws IOException {
        Path home;
        try {
            home = Path.of(ResolverLoader.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | RuntimeException e) {
            throw new IOException("cannot tell where the kernel's classes are: " + e);
        }
        if (Files.isDirectory(home)) {
            Path jar = home.resolve(NESTED);
            if (!Files.isRegularFile(jar)) {
                throw new IOException("no Maven resolver in " + jar + " (build the kernel with mvn package)");
            }
            return jar;
        }
        try (ZipFile zip = new ZipFile(home.toFile())) {
            ZipEntry entry = zip.getEntry(NESTED);
            if (entry == null) {
                throw new IOException("the kernel jar " + home + " has no " + NESTED);
            }
            // Keyed by the entry's CRC: a new kernel with another resolver gets its own copy.
            Path dir = cacheDirectory().resolve("resolver-" + Long.toHexString(entry.getCrc()));
            Path jar = dir.resolve("javadl-maven-resolver.jar");
            if (Files.isRegularFile(jar) && Files.size(jar) == entry.getSize()) {
                return jar;
            }
            Files.createDirectories(dir);
            Path part = Files.createTempFile(dir, "resolver", ".part");
            try (InputStream in = zip.getInputStream(entry)) {
                Files.copy(in, part, StandardCopyOption.REPLACE_EXISTING);
            }
            Files.move(part, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return jar;
        }
    }

    private static Path cacheDirectory() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("javadl");
    }
}

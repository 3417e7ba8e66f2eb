package org.javadl.kernel.engine.classpath;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** A directory of class files (a build's {@code target/classes}); listed when javac asks, never indexed ahead. */
final class ClassDirectory implements ClassPathEntry {
    private final Path root;

    ClassDirectory(Path root) {
        this.root = root;
    }

    @Override
    public Path path() {
        return root;
    }

    @Override
    public List<ClassPathFile> list(String pkg, boolean recurse) {
        Path dir = pkg.isEmpty() ? root : root.resolve(pkg.replace('.', '/'));
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<ClassPathFile> out = new ArrayList<>();
        if (recurse) {
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.filter(p -> p.getFileName().toString().endsWith(".class") && Files.isRegularFile(p))
                        .map(this::file).forEach(out::add);
            } catch (IOException | UncheckedIOException e) {
                return out; // a directory that changes under us lists what could be read
            }
            return out;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.class")) {
            for (Path p : files) {
                if (Files.isRegularFile(p)) {
                    out.add(file(p));
                }
            }
        } catch (NoSuchFileException gone) {
            return List.of();
        } catch (IOException e) {
            return out;
        }
        return out;
    }

    @Override
    public ClassPathFile find(String binaryName) {
        Path p = root.resolve(binaryName.replace('.', '/') + ".class");
        return Files.isRegularFile(p) ? file(p) : null;
    }

    private ClassPathFile file(Path p) {
        String rel = root.relativize(p).toString().replace(p.getFileSystem().getSeparator(), "/");
        String binary = rel.substring(0, rel.length() - ".class".length()).replace('/', '.');
        return new ClassPathFile(binary, p.toUri(), p.toString(), () -> modified(p), () -> Files.newInputStream(p));
    }

    private static long modified(Path p) {
        try {
            return Files.getLastModifiedTime(p).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }

    @Override
    public void close() {
        // nothing held open
    }
}

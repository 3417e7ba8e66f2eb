package org.javadl.kernel.magic;

import java.io.File;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** File arguments of magics and {@code JAVADL_CLASSPATH}: {@code ~}, quotes, and globs ({@code lib/*.jar}, {@code **}). */
public final class PathPatterns {
    private PathPatterns() {
    }

    static String unquote(String s) {
        if (s.length() >= 2 && (s.startsWith("\"") && s.endsWith("\"") || s.startsWith("'") && s.endsWith("'"))) {
            return s.substring(1, s.length() - 1);
        }
        return s;
    }

    /** {@code ~/x} from the home directory, anything else from the working directory. */
    static Path resolve(String name) {
        if (name.equals("~") || name.startsWith("~/")) {
            name = System.getProperty("user.home") + name.substring(1);
        }
        return Path.of(name).toAbsolutePath().normalize();
    }

    /**
     * The files a class path text names: elements separated by whitespace or {@code File.pathSeparator};
     * an element with {@code * ? [ {} is a glob and must match at least one file.
     *
     * @throws IllegalArgumentException naming an element that matches nothing or does not exist
     */
    public static List<Path> expand(String text) {
        List<Path> out = new ArrayList<>();
        for (String element : text.strip().split("[\\s" + java.util.regex.Pattern.quote(File.pathSeparator) + "]+")) {
            if (element.isBlank()) {
                continue;
            }
            String e = unquote(element);
            if (e.chars().anyMatch(c -> "*?[{".indexOf(c) >= 0)) {
                List<Path> hits = glob(e);
                if (hits.isEmpty()) {
                    throw new IllegalArgumentException("no file matches " + e);
                }
                out.addAll(hits);
            } else {
                Path p = resolve(e);
                if (!Files.exists(p)) {
                    throw new IllegalArgumentException("no such jar or directory: " + p);
                }
                out.add(p);
            }
        }
        return out;
    }

    private static List<Path> glob(String pattern) {
        String expanded = pattern.startsWith("~/") ? System.getProperty("user.home") + pattern.substring(1) : pattern;
        // The fixed directories before the first wildcard are the root of the walk.
        String[] segments = expanded.split("/", -1);
        StringBuilder base = new StringBuilder(expanded.startsWith("/") ? "/" : "");
        int i = 0;
        for (; i < segments.length - 1; i++) {
            if (segments[i].chars().anyMatch(c -> "*?[{".indexOf(c) >= 0)) {
                break;
            }
            if (!segments[i].isEmpty()) {
                base.append(segments[i]).append('/');
            }
        }
        Path root = resolve(base.length() == 0 ? "." : base.toString());
        String rest = String.join("/", java.util.Arrays.asList(segments).subList(i, segments.length));
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + rest);
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        int depth = rest.contains("**") ? Integer.MAX_VALUE : rest.split("/").length;
        try (Stream<Path> walk = Files.walk(root, depth)) {
            return walk.filter(p -> !p.equals(root) && matcher.matches(root.relativize(p)))
                    .filter(p -> Files.isRegularFile(p) || Files.isDirectory(p)).sorted().toList();
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new IllegalArgumentException("cannot list " + root + ": " + e.getMessage());
        }
    }

    /** File name completion of the last word of {@code args}, keeping entries {@code keep} accepts. */
    static Magic.Suggestions complete(String args, Predicate<Path> keep) {
        int start = Math.max(args.lastIndexOf(' '), args.lastIndexOf(File.pathSeparatorChar)) + 1;
        String word = args.substring(start);
        int slash = word.lastIndexOf('/');
        String dirText = slash < 0 ? "" : word.substring(0, slash + 1);
        String prefix = word.substring(slash + 1);
        Path dir = resolve(dirText.isEmpty() ? "." : dirText);
        List<String> matches = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path p : ds) {
                String n = p.getFileName().toString();
                if (n.startsWith(prefix) && (!n.startsWith(".") || prefix.startsWith(".")) && keep.test(p)) {
                    matches.add(dirText + n + (Files.isDirectory(p) ? "/" : ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            return Magic.Suggestions.NONE;
        }
        matches.sort(null);
        return new Magic.Suggestions(matches, start);
    }
}

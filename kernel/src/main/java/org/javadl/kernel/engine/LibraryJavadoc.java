package org.javadl.kernel.engine;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Javadoc of the javadl library for inspection (Shift-Tab).
 *
 * <p>JShell reads documentation only from the JDK's own {@code src.zip}, so it shows signatures
 * alone for library methods. The kernel jar carries the library's sources under
 * {@value #ROOT}; on first use they are indexed by "Class.member", the doc comment cleaned to text.
 */
final class LibraryJavadoc {
    static final String ROOT = "javadl-sources";
    // Possessive runs: "(?:[^*]|\\*(?!/))*" recursed once per character of a comment and overflowed the stack
    // on long doc comments (an Error that index() does not catch); this form recurses once per '*'.
    private static final Pattern MEMBER = Pattern.compile(
            "/\\*\\*((?:[^*]++|\\*(?!/))*+)\\*/\\s*(?:@\\w+(?:\\([^)]*\\))?\\s*)*"
                    + "(?:public|protected)[^;{=(]*?\\b(\\w+)\\s*[({<]");
    private static final Pattern TYPE = Pattern.compile("\\b(?:class|interface|record|enum)\\s+(\\w+)");

    private Map<String, List<String>> index;

    String lookup(String signature) {
        if (signature == null) {
            return null;
        }
        Map<String, List<String>> idx = index();
        String head = signature;
        int paren = head.indexOf('(');
        if (paren >= 0) {
            head = head.substring(0, paren);
        }
        head = head.strip();
        int space = head.lastIndexOf(' ');
        if (space >= 0) {
            head = head.substring(space + 1);
        }
        String[] parts = head.split("\\.");
        String key = parts.length >= 2 ? parts[parts.length - 2] + "." + parts[parts.length - 1] : head;
        List<String> docs = idx.get(key);
        if (docs == null && parts.length >= 1) {
            docs = idx.get(parts[parts.length - 1]); // a type
        }
        if (docs == null || docs.isEmpty()) {
            return null;
        }
        // Overloads share a name: show the doc whose parameters appear in the signature, else the first.
        return docs.get(0);
    }

    private synchronized Map<String, List<String>> index() {
        if (index == null) {
            index = new HashMap<>();
            try {
                URL root = LibraryJavadoc.class.getClassLoader().getResource(ROOT);
                if (root != null) {
                    scan(root.toURI());
                }
            } catch (IOException | URISyntaxException | RuntimeException e) {
                // documentation is a convenience: without it inspect still shows signatures
            }
        }
        return index;
    }

    private void scan(URI uri) throws IOException {
        if ("jar".equals(uri.getScheme())) {
            try (FileSystem fs = FileSystems.newFileSystem(uri, Map.of())) {
                walk(fs.getPath(ROOT));
            } catch (java.nio.file.FileSystemAlreadyExistsException e) {
                walk(FileSystems.getFileSystem(uri).getPath(ROOT));
            }
        } else {
            walk(Path.of(uri));
        }
    }

    private void walk(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".java"))::iterator) {
                try (InputStream in = Files.newInputStream(p)) {
                    indexFile(p.getFileName().toString().replace(".java", ""),
                            new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        }
    }

    void indexFile(String className, String source) {
        Matcher m = MEMBER.matcher(source);
        while (m.find()) {
            String doc = clean(m.group(1));
            String declaration = m.group(0);
            Matcher type = TYPE.matcher(declaration.substring(declaration.lastIndexOf("*/") + 2));
            String key = type.find() ? type.group(1) : className + "." + m.group(2);
            index.computeIfAbsent(key, k -> new ArrayList<>()).add(doc);
        }
    }

    /** Doc comment → plain text: no leading stars, {@code …} unwrapped, tags dropped. */
    static String clean(String raw) {
        StringBuilder b = new StringBuilder();
        for (String line : raw.split("\n")) {
            String l = line.strip();
            if (l.startsWith("*")) {
                l = l.substring(1).strip();
            }
            b.append(l).append('\n');
        }
        String s = b.toString().strip();
        s = s.replaceAll("\\{@(?:code|link|linkplain|literal)\\s+([^}]*)}", "$1");
        s = s.replaceAll("(?i)<p>", "\n").replaceAll("(?i)</?(?:pre|code|b|i|em|strong|ul|ol|li|br)\\s*/?>", "");
        s = s.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
        return s.replaceAll("\n{3,}", "\n\n");
    }
}

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

    /** One documented member: its doc text and, for a method or constructor, its parameter types. */
    private record Entry(String doc, List<String> parameterTypes) {
    }

    private Map<String, List<Entry>> index;

    String lookup(String signature) {
        if (signature == null) {
            return null;
        }
        Map<String, List<Entry>> idx = index();
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
        List<Entry> docs = idx.get(key);
        if (docs == null && parts.length >= 1) {
            docs = idx.get(parts[parts.length - 1]); // a type
        }
        if (docs == null || docs.isEmpty()) {
            return null;
        }
        // Overloads share a name: the doc of the one with the signature's parameter types, else the first.
        List<String> wanted = paren >= 0 ? parameterTypes(signature.substring(paren + 1, closing(signature, paren))) : null;
        for (Entry e : docs) {
            if (e.parameterTypes() != null && e.parameterTypes().equals(wanted)) {
                return e.doc();
            }
        }
        return docs.get(0).doc();
    }

    /** Index of the ')' that closes the '(' at {@code open} (or the end of {@code s}). */
    private static int closing(String s, int open) {
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        return s.length();
    }

    /**
     * Simple type names of a parameter list as JShell prints it ({@code Tensor x, double... ys}) or
     * as the source declares it ({@code org.javadl.tensor.Tensor x, final double... ys}): type
     * arguments, annotations, modifiers and packages dropped, varargs as arrays.
     */
    static List<String> parameterTypes(String parameters) {
        String flat = parameters;
        String before;
        do {
            before = flat;
            flat = flat.replaceAll("<[^<>]*>", "");
        } while (!flat.equals(before));
        List<String> types = new ArrayList<>();
        for (String p : flat.split(",")) {
            String param = p.replaceAll("@\\w+(\\([^)]*\\))?", "").replace("final ", "").replace("...", "[]").strip();
            if (param.isEmpty()) {
                continue;
            }
            String[] words = param.split("\\s+");
            String type = words.length > 1 ? String.join("", java.util.Arrays.copyOf(words, words.length - 1)) : words[0];
            types.add(type.substring(type.lastIndexOf('.') + 1));
        }
        return types;
    }

    private synchronized Map<String, List<Entry>> index() {
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
            boolean isType = type.find();
            String key = isType ? type.group(1) : className + "." + m.group(2);
            List<String> parameters = null;
            if (!isType && source.charAt(m.end() - 1) == '(') {
                parameters = parameterTypes(source.substring(m.end(), closing(source, m.end() - 1)));
            }
            index.computeIfAbsent(key, k -> new ArrayList<>()).add(new Entry(doc, parameters));
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

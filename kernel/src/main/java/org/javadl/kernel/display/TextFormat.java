package org.javadl.kernel.display;

import java.lang.reflect.Array;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Plain-text forms of values, never throwing.
 *
 * <ul>
 *   <li>Strings are quoted and escaped the way JShell (and IPython) show a value: {@code "a\nb"}, so
 *       {@code ""} and {@code "42"} are told apart from nothing and from {@code 42}; chars as {@code 'c'}.
 *       Text meant to be read as prose is shown with {@code markdown(...)} or printed.</li>
 *   <li>Arrays as {@code Arrays.toString}/{@code deepToString} would, never {@code [D@1a2b}; collections
 *       and maps format their elements the same way (a {@code List<double[]>} shows its numbers).</li>
 *   <li>Long sequences are summarised as numpy does: over {@value #SUMMARY_THRESHOLD} elements only the
 *       first and last {@value #EDGE_ITEMS} are shown, with the length.</li>
 *   <li>A {@code toString()} that throws gives {@code <Type: toString() threw Ex: message>}.</li>
 * </ul>
 */
public final class TextFormat {
    private TextFormat() {
    }

    static final int SUMMARY_THRESHOLD = 1000;
    static final int EDGE_ITEMS = 10;
    /** Strings longer than this many code points are shown cut (the browser chokes on megabytes). */
    static final int MAX_STRING_CODE_POINTS = 100_000;
    /** Containers nested deeper than this are shown as {@code [...]}. */
    static final int MAX_DEPTH = 64;

    /** The text/plain form of any value. */
    public static String format(Object value) {
        StringBuilder b = new StringBuilder();
        append(b, value, new IdentityHashMap<>(), true);
        return b.toString();
    }

    /** {@code value.toString()}, or a note saying it threw; never throws itself. */
    public static String safeToString(Object value) {
        if (value == null) {
            return "null";
        }
        try {
            String s = value.toString();
            return s == null ? "null" : s;
        } catch (Throwable t) {
            return "<" + typeName(value.getClass()) + ": toString() threw " + t.getClass().getSimpleName()
                    + (t.getMessage() == null ? "" : ": " + t.getMessage()) + ">";
        }
    }

    /** A readable type name, also for JShell's wrapper classes ({@code REPL.$JShell$12$Point} → Point). */
    public static String typeName(Class<?> type) {
        if (type.isArray()) {
            return typeName(type.getComponentType()) + "[]";
        }
        String simple = type.getSimpleName();
        return simple.isEmpty() ? type.getName() : simple;
    }

    /** Java string-literal form: quotes and escapes; a very long text is cut (see {@link TextCut}). */
    public static String quote(CharSequence s) {
        int keep = TextCut.cutPoint(s, MAX_STRING_CODE_POINTS);
        StringBuilder b = new StringBuilder(Math.min(keep, s.length()) + 64).append('"');
        for (int i = 0; i < keep; i++) {
            escapeChar(b, s.charAt(i), '"');
        }
        if (keep < s.length()) {
            String total = s instanceof String str ? String.format("%,d", str.codePointCount(0, str.length()))
                    : String.format("%,d", Character.codePointCount(s, 0, s.length()));
            return b.append("\u2026\" (").append(total).append(" characters, the first ")
                    .append(String.format("%,d", Character.codePointCount(s, 0, keep))).append(" shown)").toString();
        }
        return b.append('"').toString();
    }

    private static void escapeChar(StringBuilder b, char c, char quote) {
        switch (c) {
            case '\n' -> b.append("\\n");
            case '\t' -> b.append("\\t");
            case '\r' -> b.append("\\r");
            case '\b' -> b.append("\\b");
            case '\f' -> b.append("\\f");
            case '\\' -> b.append("\\\\");
            default -> {
                if (c == quote) {
                    b.append('\\').append(c);
                } else if (c < 0x20 || c == 0x7f) {
                    b.append(String.format("\\u%04x", (int) c));
                } else {
                    b.append(c);
                }
            }
        }
    }

    private static void append(StringBuilder b, Object value, IdentityHashMap<Object, Boolean> seen, boolean top) {
        // 'seen' holds the containers on the path to this value, so its size is the nesting depth:
        // a list nested 100,000 deep would otherwise overflow the kernel's stack.
        if (seen.size() >= MAX_DEPTH && value != null && (value.getClass().isArray()
                || value instanceof Collection<?> || value instanceof Map<?, ?>) && isPlainJdkType(value)) {
            b.append(value instanceof Map<?, ?> ? "{...}" : "[...]");
            return;
        }
        if (value == null) {
            b.append("null");
        } else if (value instanceof CharSequence cs) {
            b.append(quote(cs));
        } else if (value instanceof Character c) {
            b.append('\'');
            escapeChar(b, c, '\'');
            b.append('\'');
        } else if (value.getClass().isArray()) {
            if (seen.put(value, Boolean.TRUE) != null) {
                b.append("[...]");
                return;
            }
            int n = Array.getLength(value);
            b.append('[');
            for (int i = 0; i < n; i++) {
                if (n > SUMMARY_THRESHOLD && i == EDGE_ITEMS) {
                    b.append(", ...");
                    i = n - EDGE_ITEMS - 1;
                    continue;
                }
                if (i > 0) {
                    b.append(", ");
                }
                append(b, Array.get(value, i), seen, false);
            }
            b.append(']');
            if (n > SUMMARY_THRESHOLD && top) {
                b.append(" (length ").append(n).append(')');
            }
            seen.remove(value);
        } else if (value instanceof Collection<?> c && isPlainJdkType(value)) {
            if (seen.put(value, Boolean.TRUE) != null) {
                b.append("[...]");
                return;
            }
            int n = safeSize(c);
            b.append('[');
            try {
                appendElements(b, c, n, seen);
            } catch (RuntimeException e) {
                b.append(" <iteration failed: ").append(e.getClass().getSimpleName()).append('>');
            }
            b.append(']');
            if (n > SUMMARY_THRESHOLD && top) {
                b.append(" (size ").append(n).append(')');
            }
            seen.remove(value);
        } else if (value instanceof Map<?, ?> m && isPlainJdkType(value)) {
            if (seen.put(value, Boolean.TRUE) != null) {
                b.append("{...}");
                return;
            }
            b.append('{');
            int i = 0;
            try {
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    if (i++ > 0) {
                        b.append(", ");
                    }
                    if (i > SUMMARY_THRESHOLD) {
                        b.append("... (size ").append(m.size()).append(')');
                        break;
                    }
                    append(b, e.getKey(), seen, false);
                    b.append('=');
                    append(b, e.getValue(), seen, false);
                }
            } catch (RuntimeException e) {
                b.append(" <iteration failed: ").append(e.getClass().getSimpleName()).append('>');
            }
            b.append('}');
            seen.remove(value);
        } else {
            b.append(safeToString(value));
        }
    }

    /**
     * The elements of a collection, looking only at those shown: {@code Collections.nCopies(
     * Integer.MAX_VALUE, 1)} has 2³¹−1 of them, and walking them all took 25 s. A list gives its
     * last elements by index (or a list iterator from the end); another collection shows its
     * first elements only, since reaching its last ones would mean walking all of it.
     */
    private static void appendElements(StringBuilder b, Collection<?> c, int n, IdentityHashMap<Object, Boolean> seen) {
        if (n <= SUMMARY_THRESHOLD) {
            int i = 0;
            for (Iterator<?> it = c.iterator(); it.hasNext(); i++) {
                if (i > SUMMARY_THRESHOLD) { // size() said fewer: do not trust it further
                    b.append(", ...");
                    return;
                }
                if (i > 0) {
                    b.append(", ");
                }
                append(b, it.next(), seen, false);
            }
            return;
        }
        Iterator<?> head = c.iterator();
        int shown = c instanceof List<?> ? EDGE_ITEMS : 2 * EDGE_ITEMS;
        for (int i = 0; i < shown && head.hasNext(); i++) {
            if (i > 0) {
                b.append(", ");
            }
            append(b, head.next(), seen, false);
        }
        b.append(", ...");
        if (c instanceof List<?> list) {
            if (list instanceof java.util.RandomAccess) {
                for (int i = n - EDGE_ITEMS; i < n; i++) {
                    b.append(", ");
                    append(b, list.get(i), seen, false);
                }
            } else {
                for (Iterator<?> tail = list.listIterator(n - EDGE_ITEMS); tail.hasNext(); ) {
                    b.append(", ");
                    append(b, tail.next(), seen, false);
                }
            }
        }
    }

    /**
     * Only the JDK's own collections are formatted element by element; a user's collection class may
     * have a toString() of its own that says more.
     */
    private static boolean isPlainJdkType(Object value) {
        String name = value.getClass().getName();
        return name.startsWith("java.") || name.startsWith("jdk.");
    }

    private static int safeSize(Collection<?> c) {
        try {
            return c.size();
        } catch (RuntimeException e) {
            return -1;
        }
    }
}

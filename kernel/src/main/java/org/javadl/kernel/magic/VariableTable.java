package org.javadl.kernel.magic;

import org.javadl.kernel.display.TextFormat;
import org.javadl.show.Html;
import org.javadl.show.Showable;

import java.lang.reflect.Array;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/** What {@code %whos} shows: one row per variable, as a text table and an HTML table. */
public final class VariableTable implements Showable {
    private static final int VALUE_WIDTH = 60;
    /** Elements looked at when estimating a container's size; the rest are assumed alike. */
    private static final int SAMPLE = 1000;

    /** One variable; {@code shape} and {@code bytes} may be empty / -1 where they mean nothing. */
    public record Row(String name, String type, String shape, long bytes, String value) {
    }

    private final List<Row> rows;

    VariableTable(List<Row> rows) {
        this.rows = List.copyOf(rows);
    }

    public List<Row> rows() {
        return rows;
    }

    static Row row(String name, String type, Object value) {
        String text = TextFormat.safeToString(value).replaceAll("\\s+", " ");
        if (text.length() > VALUE_WIDTH) {
            text = text.substring(0, VALUE_WIDTH - 1) + "…";
        }
        return new Row(name, type, shape(value), size(value, 0, new IdentityHashMap<>()), text);
    }

    /** "3×4" for arrays, tensors and tables; "n elements" for collections, "n chars" for strings. */
    static String shape(Object v) {
        if (v == null) {
            return "";
        }
        if (v.getClass().isArray()) {
            StringBuilder b = new StringBuilder();
            Object a = v;
            while (a != null && a.getClass().isArray()) {
                int n = Array.getLength(a);
                b.append(b.length() == 0 ? "" : "×").append(n);
                a = n > 0 ? Array.get(a, 0) : null;
            }
            return b.toString();
        }
        if (v instanceof org.javadl.tensor.Tensor t) {
            int[] s = t.shape();
            StringBuilder b = new StringBuilder();
            for (int d : s) {
                b.append(b.length() == 0 ? "" : "×").append(d);
            }
            return s.length == 0 ? "scalar" : b.toString();
        }
        if (v instanceof tech.tablesaw.api.Table t) {
            return t.rowCount() + " rows × " + t.columnCount() + " columns";
        }
        if (v instanceof Collection<?> c) {
            return c.size() + " elements";
        }
        if (v instanceof Map<?, ?> m) {
            return m.size() + " entries";
        }
        if (v instanceof CharSequence s) {
            return s.length() + " chars";
        }
        return "";
    }

    /** Approximate heap bytes (object headers 16, references 4, as on a 64-bit JVM with compressed oops). */
    static long size(Object v, int depth, IdentityHashMap<Object, Boolean> seen) {
        if (v == null || seen.put(v, Boolean.TRUE) != null) {
            return 0;
        }
        Class<?> c = v.getClass();
        if (v instanceof Number || v instanceof Boolean || v instanceof Character) {
            return 16;
        }
        if (v instanceof String s) {
            return 40 + s.length() * (s.chars().allMatch(ch -> ch < 256) ? 1L : 2L);
        }
        if (c.isArray()) {
            int n = Array.getLength(v);
            Class<?> e = c.getComponentType();
            if (e.isPrimitive()) {
                return 16 + (long) n * primitiveBytes(e);
            }
            return 16 + 4L * n + (depth < 4 ? sampled(n, i -> Array.get(v, i), depth, seen) : 0);
        }
        if (v instanceof org.javadl.tensor.Tensor t) {
            return 64 + 8L * t.size();
        }
        if (v instanceof tech.tablesaw.api.Table t) {
            return 64 + 8L * t.rowCount() * t.columnCount();
        }
        if (v instanceof Collection<?> col && depth < 4) {
            Object[] items = col.stream().limit(SAMPLE).toArray();
            return 48 + 16L * col.size() + sampled(items.length, i -> items[i], depth, seen) * col.size() / Math.max(1, items.length);
        }
        if (v instanceof Map<?, ?> m && depth < 4) {
            Object[] items = m.entrySet().stream().limit(SAMPLE).flatMap(e -> java.util.stream.Stream.of(e.getKey(), e.getValue())).toArray();
            return 48 + 32L * m.size() + sampled(items.length, i -> items[i], depth, seen) * m.size() / Math.max(1, items.length / 2);
        }
        return -1; // an object of unknown layout: no estimate rather than a wrong one
    }

    private static long sampled(int n, java.util.function.IntFunction<Object> get, int depth, IdentityHashMap<Object, Boolean> seen) {
        int k = Math.min(n, SAMPLE);
        long sum = 0;
        for (int i = 0; i < k; i++) {
            sum += Math.max(0, size(get.apply(i), depth + 1, seen));
        }
        return k == 0 ? 0 : sum * n / k;
    }

    private static int primitiveBytes(Class<?> p) {
        if (p == long.class || p == double.class) {
            return 8;
        }
        if (p == int.class || p == float.class) {
            return 4;
        }
        if (p == short.class || p == char.class) {
            return 2;
        }
        return 1;
    }

    @Override
    public String toText() {
        if (rows.isEmpty()) {
            return "No variables defined yet.";
        }
        String[] head = {"Variable", "Type", "Shape", "Size", "Value"};
        int[] w = new int[head.length];
        for (int i = 0; i < head.length; i++) {
            w[i] = head[i].length();
        }
        for (Row r : rows) {
            String[] cells = cells(r);
            for (int i = 0; i < cells.length; i++) {
                w[i] = Math.max(w[i], cells[i].length());
            }
        }
        StringBuilder b = new StringBuilder();
        line(b, head, w);
        b.append("-".repeat(java.util.Arrays.stream(w).sum() + 2 * (w.length - 1))).append('\n');
        for (Row r : rows) {
            line(b, cells(r), w);
        }
        return b.toString().stripTrailing();
    }

    private static String[] cells(Row r) {
        return new String[]{r.name(), r.type(), r.shape(), r.bytes() < 0 ? "" : "≈ " + Durations.bytes(r.bytes()), r.value()};
    }

    private static void line(StringBuilder b, String[] cells, int[] w) {
        for (int i = 0; i < cells.length; i++) {
            b.append(i == cells.length - 1 ? cells[i] : String.format("%-" + w[i] + "s  ", cells[i]));
        }
        b.append('\n');
    }

    @Override
    public String toHtml() {
        if (rows.isEmpty()) {
            return "<p>No variables defined yet.</p>";
        }
        StringBuilder b = new StringBuilder("<table class=\"javadl-whos\"><thead><tr><th>Variable</th><th>Type</th>"
                + "<th>Shape</th><th>Size</th><th>Value</th></tr></thead><tbody>");
        for (Row r : rows) {
            b.append("<tr>");
            for (String c : cells(r)) {
                b.append("<td><code>").append(Html.escape(c)).append("</code></td>");
            }
            b.append("</tr>");
        }
        return b.append("</tbody></table>").toString();
    }

    @Override
    public String toString() {
        return toText();
    }
}

package org.javadl.parity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Just enough JSON for the parity runner's exchange with the Python side: objects, arrays, strings
 * without escapes beyond \" \\ \n, numbers (also Python's NaN / Infinity / -Infinity), true, false, null.
 * Numbers are written with {@link Double#toString}, which round-trips exactly, as Python's repr does.
 */
final class Json {
    private final String s;
    private int i;

    private Json(String s) {
        this.s = s;
    }

    static Object parse(String text) {
        Json p = new Json(text);
        Object v = p.value();
        p.space();
        if (p.i != text.length()) {
            throw p.error("trailing characters");
        }
        return v;
    }

    private IllegalArgumentException error(String what) {
        return new IllegalArgumentException("JSON: " + what + " at offset " + i);
    }

    private void space() {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
    }

    private Object value() {
        space();
        char c = s.charAt(i);
        if (c == '{') {
            return object();
        } else if (c == '[') {
            return array();
        } else if (c == '"') {
            return string();
        } else if (s.startsWith("true", i)) {
            i += 4;
            return Boolean.TRUE;
        } else if (s.startsWith("false", i)) {
            i += 5;
            return Boolean.FALSE;
        } else if (s.startsWith("null", i)) {
            i += 4;
            return null;
        }
        return number();
    }

    private Map<String, Object> object() {
        Map<String, Object> m = new LinkedHashMap<>();
        i++;
        space();
        if (s.charAt(i) == '}') {
            i++;
            return m;
        }
        while (true) {
            space();
            String key = string();
            space();
            if (s.charAt(i++) != ':') {
                throw error("':' expected");
            }
            m.put(key, value());
            space();
            char c = s.charAt(i++);
            if (c == '}') {
                return m;
            }
            if (c != ',') {
                throw error("',' or '}' expected");
            }
        }
    }

    private List<Object> array() {
        List<Object> a = new ArrayList<>();
        i++;
        space();
        if (s.charAt(i) == ']') {
            i++;
            return a;
        }
        while (true) {
            a.add(value());
            space();
            char c = s.charAt(i++);
            if (c == ']') {
                return a;
            }
            if (c != ',') {
                throw error("',' or ']' expected");
            }
        }
    }

    private String string() {
        if (s.charAt(i) != '"') {
            throw error("string expected");
        }
        StringBuilder b = new StringBuilder();
        i++;
        while (s.charAt(i) != '"') {
            char c = s.charAt(i++);
            if (c == '\\') {
                char e = s.charAt(i++);
                b.append(e == 'n' ? '\n' : e);
            } else {
                b.append(c);
            }
        }
        i++;
        return b.toString();
    }

    private Double number() {
        for (String special : new String[] {"NaN", "Infinity", "-Infinity"}) {
            if (s.startsWith(special, i)) {
                i += special.length();
                return Double.valueOf(special);
            }
        }
        int start = i;
        while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) {
            i++;
        }
        if (start == i) {
            throw error("value expected");
        }
        return Double.valueOf(s.substring(start, i));
    }

    /** Writes maps, lists, strings, numbers (NaN and infinities as Python writes them), booleans and null. */
    static void write(Object v, StringBuilder out) {
        if (v == null) {
            out.append("null");
        } else if (v instanceof Map<?, ?> m) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                write(e.getKey().toString(), out);
                out.append(':');
                write(e.getValue(), out);
            }
            out.append('}');
        } else if (v instanceof List<?> l) {
            out.append('[');
            for (int k = 0; k < l.size(); k++) {
                if (k > 0) {
                    out.append(',');
                }
                write(l.get(k), out);
            }
            out.append(']');
        } else if (v instanceof double[] d) {
            out.append('[');
            for (int k = 0; k < d.length; k++) {
                if (k > 0) {
                    out.append(',');
                }
                out.append(Double.isNaN(d[k]) ? "NaN" : Double.isInfinite(d[k]) ? (d[k] > 0 ? "Infinity" : "-Infinity")
                        : Double.toString(d[k]));
            }
            out.append(']');
        } else if (v instanceof int[] d) {
            out.append('[');
            for (int k = 0; k < d.length; k++) {
                out.append(k > 0 ? "," : "").append(d[k]);
            }
            out.append(']');
        } else if (v instanceof String str) {
            out.append('"').append(str.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n")).append('"');
        } else {
            out.append(v);
        }
    }
}

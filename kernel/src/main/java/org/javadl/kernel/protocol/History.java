package org.javadl.kernel.protocol;

import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The cells this kernel session has run, for {@code history_request}: {@code tail}, {@code range}
 * and {@code search} (glob patterns, optionally unique), with or without outputs.
 *
 * <p>Each kernel process is one session, numbered from the time it started so that sessions of
 * successive kernels are distinct positive numbers.
 */
final class History {
    private record Entry(int line, String input, String output) {
    }

    private final int session = (int) (System.currentTimeMillis() / 1000 % 1_000_000_000L);
    private final List<Entry> entries = new ArrayList<>();

    synchronized void add(int line, String input) {
        entries.add(new Entry(line, input, null));
    }

    /** Records the text/plain of a cell's result. */
    synchronized void setOutput(int line, String output) {
        for (int i = entries.size() - 1; i >= 0; i--) {
            if (entries.get(i).line() == line) {
                entries.set(i, new Entry(line, entries.get(i).input(), output));
                return;
            }
        }
    }

    int session() {
        return session;
    }

    synchronized JsonArray answer(JsonObject request) {
        String type = request.has("hist_access_type") ? request.get("hist_access_type").getAsString() : "tail";
        boolean output = request.has("output") && request.get("output").getAsBoolean();
        List<Entry> picked = switch (type) {
            case "range" -> range(request);
            case "search" -> search(request);
            default -> tail(intOr(request, "n", 10));
        };
        JsonArray out = new JsonArray();
        for (Entry e : picked) {
            JsonArray row = new JsonArray();
            row.add(session);
            row.add(e.line());
            if (output) {
                JsonArray io = new JsonArray();
                io.add(e.input());
                if (e.output() == null) {
                    io.add(JsonNull.INSTANCE);
                } else {
                    io.add(e.output());
                }
                row.add(io);
            } else {
                row.add(e.input());
            }
            out.add(row);
        }
        return out;
    }

    private List<Entry> tail(int n) {
        return new ArrayList<>(entries.subList(Math.max(0, entries.size() - Math.max(0, n)), entries.size()));
    }

    private List<Entry> range(JsonObject request) {
        int s = intOr(request, "session", 0);
        if (s != 0 && s != session && !(s < 0 && s == -1)) {
            return List.of(); // only this session's history is kept
        }
        int start = intOr(request, "start", 1);
        int stop = request.has("stop") && !request.get("stop").isJsonNull()
                ? request.get("stop").getAsInt() : Integer.MAX_VALUE;
        List<Entry> out = new ArrayList<>();
        for (Entry e : entries) {
            if (e.line() >= start && e.line() < stop) {
                out.add(e);
            }
        }
        return out;
    }

    private List<Entry> search(JsonObject request) {
        String pattern = request.has("pattern") ? request.get("pattern").getAsString() : "*";
        boolean unique = request.has("unique") && request.get("unique").getAsBoolean();
        int n = intOr(request, "n", Integer.MAX_VALUE);
        Pattern glob = Pattern.compile(globToRegex(pattern), Pattern.DOTALL);
        List<Entry> matches = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (int i = entries.size() - 1; i >= 0 && matches.size() < n; i--) {
            Entry e = entries.get(i);
            if (glob.matcher(e.input()).matches() && (!unique || seen.add(e.input()))) {
                matches.add(0, e);
            }
        }
        return matches;
    }

    static String globToRegex(String glob) {
        StringBuilder b = new StringBuilder();
        for (char c : glob.toCharArray()) {
            switch (c) {
                case '*' -> b.append(".*");
                case '?' -> b.append('.');
                default -> b.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return b.toString();
    }

    private static int intOr(JsonObject o, String key, int fallback) {
        return o.has(key) && !o.get(key).isJsonNull() ? o.get(key).getAsInt() : fallback;
    }
}

package org.javadl.kernel.magic;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The magic commands of the kernel, all registered in {@link #standard()}. */
public final class Magics {
    private final Map<String, Magic> byName = new LinkedHashMap<>();
    private final List<Magic> all = new ArrayList<>();

    /** Every magic the kernel has. */
    public static Magics standard() {
        Magics m = new Magics();
        m.register(new LsMagic());
        m.register(new HelpMagic());
        m.register(new TimeMagic());
        m.register(new TimeitMagic());
        m.register(new WhosMagic());
        m.register(new LoadMagic());
        m.register(new EnvMagic());
        m.register(new ShellMagic("bash"));
        m.register(new ShellMagic("sh"));
        m.register(new ClasspathMagic());
        m.register(new TimeoutMagic());
        m.register(new MavenMagic());
        m.register(new MavenRepoMagic());
        return m;
    }

    public Magics register(Magic magic) {
        for (String name : names(magic)) {
            if (byName.putIfAbsent(name, magic) != null) {
                throw new IllegalArgumentException("two magics named " + name);
            }
        }
        all.add(magic);
        return this;
    }

    private static List<String> names(Magic magic) {
        List<String> names = new ArrayList<>();
        names.add(magic.name());
        names.addAll(magic.aliases());
        return names;
    }

    public Optional<Magic> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** The magics in registration order. */
    public List<Magic> all() {
        return List.copyOf(all);
    }

    /** Names usable as {@code %name} ({@code line}) or {@code %%name}, sorted. */
    public List<String> names(boolean line) {
        return byName.entrySet().stream()
                .filter(e -> line ? e.getValue().isLine() : e.getValue().isCell())
                .map(Map.Entry::getKey).sorted().toList();
    }

    /** The message for an unknown {@code %name}: the nearest known name, then all of them. */
    public String unknown(String name, boolean line) {
        String prefix = line ? "%" : "%%";
        List<String> known = names(line);
        StringBuilder b = new StringBuilder("unknown magic ").append(prefix).append(name).append('.');
        nearest(name, known).ifPresent(n -> b.append(" Did you mean ").append(prefix).append(n).append('?'));
        b.append(" Known ").append(line ? "line" : "cell").append(" magics: ");
        b.append(String.join(", ", known.stream().map(k -> prefix + k).toList()));
        b.append(". %lsmagic lists them, %help NAME explains one.");
        return b.toString();
    }

    /** The known name closest to {@code name} by edit distance, if it is close enough to be a typo. */
    static Optional<String> nearest(String name, List<String> known) {
        String n = name.toLowerCase(Locale.ROOT);
        return known.stream()
                .filter(k -> distance(n, k) <= Math.max(1, Math.min(3, k.length() / 2)) || k.startsWith(n) && !n.isEmpty())
                .min(Comparator.comparingInt((String k) -> distance(n, k)).thenComparing(k -> k));
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}

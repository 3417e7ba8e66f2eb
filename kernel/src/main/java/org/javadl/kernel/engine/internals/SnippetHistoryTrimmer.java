package org.javadl.kernel.engine.internals;

import jdk.jshell.JShell;
import jdk.jshell.Snippet;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Lets JShell forget most of what it keeps about snippets that can no longer run, so that a
 * session of thousands of cells neither slows down nor grows in memory with the number of cells.
 *
 * <p>Why: JShell remembers every snippet it was ever given, dead or alive, and three things about
 * that history grow with every cell:
 * <ul>
 *   <li>Each snippet keeps the whole generated source of its wrapper class, which starts with one
 *       import line per definition that was live when it was compiled. A session that has defined
 *       1,000 classes compiles a 35 KB header into every cell; kept for every snippet (twice:
 *       the header and the whole source), that was 374 MB of strings at cell 4,700 of the soak.
 *   <li>Once per compilation JShell copies its set of all snippets (to find variables whose types
 *       it must patch), so every cell paid for all earlier cells: 13% of the time of a cell by
 *       cell 2,500.
 *   <li>The diagnostics of each snippet hold on to that generated source too.
 * </ul>
 *
 * <p>What is forgotten, after every cell: snippets that are no longer active (the kernel's
 * dropped statements and expressions, replaced methods and variables) leave JShell's set of all
 * snippets, and a dropped statement or expression also leaves its key's slot (nothing can name it
 * again: such keys are never reused). Their wrapper's generated source is replaced by one that has
 * the same lines but no text: JShell still maps a stack frame of a lambda made by such a snippet,
 * which may still run, to its snippet and line; that mapping counts lines and nothing else. The
 * wrapper of a snippet that is still active is left whole (JShell reads its source again for
 * documentation of user-defined methods), and so is one that an active snippet shares.
 *
 * <p>JShell has no API for any of this; its fields are reached by reflection, which needs
 * {@code jdk.jshell/jdk.jshell} opened to this code (as for {@link ReplClassPruner}). When the
 * internals are not what this class expects, it turns itself off and says so once in the log;
 * the kernel then works as before, only growing with the length of the session.
 *
 * <p>JDK members it touches (checked on JDK 17.0.15 and 25.0.3): {@code jdk.jshell.JShell.maps} and {@code outerMap}; {@code SnippetMaps.snippets} and {@code keyIndexToSnippet}; {@code OuterWrapMap.classOuters}; {@code Snippet.outerWrap()}, {@code setOuterWrap(OuterWrap)}, {@code key()}, {@code setDiagnostics(DiagList)}; {@code Key.index()}; {@code DiagList()}; {@code OuterSnippetsClassWrap.wrapToSnippet}, its constructor and {@code wrapLineToSnippet(int)}; {@code OuterWrap.w}, {@code className()}, {@code wrapLineToSnippetLine(int)}; {@code Wrap$CompoundWrap.os} and its constructor; {@code GeneralWrap.wrapped()}.
 */
public final class SnippetHistoryTrimmer {
    private static final Logger LOG = Logger.getLogger(SnippetHistoryTrimmer.class.getName());

    private final JShell shell;
    private final Set<Snippet> allSnippets;
    private final List<Snippet> keyIndexToSnippet;
    private final Map<String, Object> classOuters;
    private final Internals in;
    /** Wrappers already slimmed (they stay in {@code classOuters} for stack traces). */
    private final Set<Object> slimmed = Collections.newSetFromMap(new IdentityHashMap<>());
    /** Inactive snippets kept because their wrapper is shared with an active one. */
    private final Set<Snippet> waiting = Collections.newSetFromMap(new IdentityHashMap<>());
    private boolean disabled;

    /** The JShell members this class uses, looked up once. */
    private record Internals(Method outerWrap, Method setOuterWrap, Method key, Method keyIndex,
                             Method setDiagnostics, Constructor<?> emptyDiagList,
                             Class<?> classWrapType, Field classWrapSnippets, Field outerWrapBody,
                             Class<?> compoundWrapType, Field compoundParts, Constructor<?> compoundWrap,
                             Constructor<?> classWrap, Method className, Method wrapLineToSnippetLine,
                             Method wrapLineToSnippet, Method wrapped) {
    }

    private SnippetHistoryTrimmer(JShell shell, Set<Snippet> allSnippets, List<Snippet> keyIndexToSnippet,
                                  Map<String, Object> classOuters, Internals in) {
        this.shell = shell;
        this.allSnippets = allSnippets;
        this.keyIndexToSnippet = keyIndexToSnippet;
        this.classOuters = classOuters;
        this.in = in;
    }

    /** A trimmer for {@code shell}, or null when JShell's internals cannot be reached. */
    @SuppressWarnings("unchecked")
    public static SnippetHistoryTrimmer forShell(JShell shell) {
        try {
            Object maps = Reflect.field(JShell.class, "maps").get(shell);
            Object outerMap = Reflect.field(JShell.class, "outerMap").get(shell);
            Set<Snippet> all = (Set<Snippet>) Reflect.field(maps.getClass(), "snippets").get(maps);
            List<Snippet> byKey = (List<Snippet>) Reflect.field(maps.getClass(), "keyIndexToSnippet").get(maps);
            Map<String, Object> outers = (Map<String, Object>) Reflect.field(outerMap.getClass(), "classOuters").get(outerMap);

            Class<?> outerWrapType = Reflect.type("jdk.jshell.OuterWrap");
            Class<?> classWrapType = Reflect.type("jdk.jshell.OuterSnippetsClassWrap");
            Class<?> wrapType = Reflect.type("jdk.jshell.Wrap");
            Class<?> compoundType = Reflect.type("jdk.jshell.Wrap$CompoundWrap");
            Class<?> keyType = Reflect.type("jdk.jshell.Key");
            Class<?> diagListType = Reflect.type("jdk.jshell.DiagList");
            Internals in = new Internals(
                    Reflect.method(Snippet.class, "outerWrap"),
                    Reflect.method(Snippet.class, "setOuterWrap", outerWrapType),
                    Reflect.method(Snippet.class, "key"),
                    Reflect.method(keyType, "index"),
                    Reflect.method(Snippet.class, "setDiagnostics", diagListType),
                    Reflect.constructor(diagListType),
                    classWrapType,
                    Reflect.field(classWrapType, "wrapToSnippet"),
                    Reflect.field(outerWrapType, "w"),
                    compoundType,
                    Reflect.field(compoundType, "os"),
                    Reflect.constructor(compoundType, Object[].class),
                    Reflect.constructor(classWrapType, String.class, compoundType, List.class, List.class),
                    Reflect.method(outerWrapType, "className"),
                    Reflect.method(outerWrapType, "wrapLineToSnippetLine", int.class),
                    Reflect.method(classWrapType, "wrapLineToSnippet", int.class),
                    Reflect.method(Reflect.type("jdk.jshell.GeneralWrap"), "wrapped"));
            if (wrapType.isAssignableFrom(compoundType)) {
                return new SnippetHistoryTrimmer(shell, all, byKey, outers, in);
            }
            throw new IllegalStateException("Wrap$CompoundWrap is not a Wrap");
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.log(Level.INFO, "JShell's snippet history cannot be trimmed (" + e
                    + "); memory and cell time will grow with the length of the session. It needs "
                    + "--add-opens jdk.jshell/jdk.jshell=ALL-UNNAMED and JShell's internals of JDK 17 to 25.");
            return null;
        }
    }

    /**
     * Forgets what can be forgotten of inactive snippets (see the class comment). {@code dropped}
     * are the snippets the kernel dropped after this cell: statements, expressions and temporary
     * variables, whose keys are never used again. Returns how many snippets left the history.
     */
    public int trim(Collection<Snippet> dropped) {
        if (disabled) {
            return 0;
        }
        try {
            Set<Snippet> scratch = Collections.newSetFromMap(new IdentityHashMap<>());
            scratch.addAll(dropped);
            return trimOnce(scratch);
        } catch (ReflectiveOperationException | RuntimeException e) {
            disabled = true;
            LOG.log(Level.WARNING, "trimming JShell's snippet history failed; it is off for this session", e);
            return 0;
        }
    }

    /**
     * The same as {@link #trim(Collection)}, looking only at {@code touched} (the snippets whose
     * status changed in this cell) and at those an earlier call had to leave, so that it costs what
     * the cell changed rather than what the session holds.
     */
    public int trim(Collection<Snippet> dropped, Collection<Snippet> touched) {
        if (disabled) {
            return 0;
        }
        try {
            Set<Snippet> scratch = Collections.newSetFromMap(new IdentityHashMap<>());
            scratch.addAll(dropped);
            Set<Snippet> candidates = Collections.newSetFromMap(new IdentityHashMap<>());
            candidates.addAll(waiting);
            candidates.addAll(touched);
            candidates.addAll(dropped);
            waiting.clear();
            int forgotten = 0;
            for (Snippet s : candidates) {
                if (allSnippets.contains(s) && !shell.status(s).isActive()) {
                    if (forget(s, scratch, sharesClassWithActive(s))) {
                        forgotten++;
                    } else {
                        waiting.add(s);
                    }
                }
            }
            return forgotten;
        } catch (ReflectiveOperationException | RuntimeException e) {
            disabled = true;
            LOG.log(Level.WARNING, "trimming JShell's snippet history failed; it is off for this session", e);
            return 0;
        }
    }

    /**
     * Whether an active snippet was compiled into the same wrapper class as {@code s} (JShell
     * compiles some snippets together); such a wrapper must be kept whole.
     */
    public boolean sharesClassWithActive(Snippet s) {
        try {
            Object wrap = in.outerWrap.invoke(s);
            if (!in.classWrapType.isInstance(wrap)) {
                return false;
            }
            @SuppressWarnings("unchecked")
            Map<Object, Snippet> wrapToSnippet = (Map<Object, Snippet>) in.classWrapSnippets.get(wrap);
            for (Snippet other : wrapToSnippet.values()) {
                if (other != s && shell.status(other).isActive()) {
                    return true;
                }
            }
            return false;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return true; // when in doubt, keep
        }
    }

    /** Forgets inactive {@code s}, unless its wrapper is shared with an active snippet. */
    private boolean forget(Snippet s, Set<Snippet> scratch, boolean sharedWithActive) throws ReflectiveOperationException {
        Object wrap = in.outerWrap.invoke(s);
        if (in.classWrapType.isInstance(wrap) && !slimmed.contains(wrap)) {
            if (sharedWithActive) {
                return false; // compiled together with a snippet that is still active: try again later
            }
            slim(wrap);
        }
        allSnippets.remove(s);
        if (scratch.contains(s)) {
            int index = (Integer) in.keyIndex.invoke(in.key.invoke(s));
            if (index < keyIndexToSnippet.size() && keyIndexToSnippet.get(index) == s) {
                keyIndexToSnippet.set(index, null);
            }
        }
        return true;
    }

    private int trimOnce(Set<Snippet> scratch) throws ReflectiveOperationException {
        Set<Object> liveWraps = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Snippet> inactive = new ArrayList<>();
        for (Snippet s : allSnippets) {
            if (shell.status(s).isActive()) {
                liveWraps.add(in.outerWrap.invoke(s));
            } else {
                inactive.add(s);
            }
        }
        int forgotten = 0;
        for (Snippet s : inactive) {
            if (forget(s, scratch, liveWraps.contains(in.outerWrap.invoke(s)))) {
                forgotten++;
            }
        }
        return forgotten;
    }

    /**
     * Replaces a wrapper class's generated source by one with the same lines and no text, in
     * JShell's map of wrappers (stack traces) and in each of its snippets.
     */
    private void slim(Object fat) throws ReflectiveOperationException {
        @SuppressWarnings("unchecked")
        Map<Object, Snippet> wrapToSnippet = (Map<Object, Snippet>) in.classWrapSnippets.get(fat);
        Object body = in.outerWrapBody.get(fat);
        if (!in.compoundWrapType.isInstance(body)) {
            return;
        }
        Object[] parts = (Object[]) in.compoundParts.get(body);
        Object[] lean = new Object[parts.length];
        for (int i = 0; i < parts.length; i++) {
            lean[i] = parts[i] instanceof String text ? sameLines(text) : parts[i];
        }
        Object leanBody = in.compoundWrap.newInstance((Object) lean);
        String className = (String) in.className.invoke(fat);
        Object thin = in.classWrap.newInstance(className, leanBody,
                new ArrayList<>(wrapToSnippet.values()), new ArrayList<>(wrapToSnippet.keySet()));
        if (!sameLineMap(fat, thin, parts)) {
            disabled = true;
            LOG.warning("JShell's wrapper line mapping is not what the kernel expects; snippet history is no longer trimmed");
            return;
        }
        classOuters.replace(className, fat, thin);
        for (Snippet s : wrapToSnippet.values()) {
            if (in.outerWrap.invoke(s) == fat) {
                in.setOuterWrap.invoke(s, thin);
            }
            if (!shell.status(s).isActive()) {
                in.setDiagnostics.invoke(s, in.emptyDiagList.newInstance()); // they point into the generated source
            }
        }
        slimmed.add(thin);
    }

    /**
     * Checks, at the first and last line of each snippet inside the wrapper, that the slim wrapper
     * maps wrapper lines to the same snippet and snippet line as the original.
     */
    private boolean sameLineMap(Object fat, Object thin, Object[] parts) throws ReflectiveOperationException {
        int line = 0;
        for (Object part : parts) {
            String text = part instanceof String s ? s : (String) in.wrapped.invoke(part);
            int lines = newlines(text);
            if (!(part instanceof String)) {
                for (int probe : new int[] {line, line + 1, line + lines}) {
                    if (!in.wrapLineToSnippetLine.invoke(fat, probe).equals(in.wrapLineToSnippetLine.invoke(thin, probe))
                            || in.wrapLineToSnippet.invoke(fat, probe) != in.wrapLineToSnippet.invoke(thin, probe)) {
                        return false;
                    }
                }
            }
            line += lines;
        }
        return true;
    }

    /** A string JShell counts as having as many lines as {@code text}, with nothing else in it. */
    static String sameLines(String text) {
        return " " + "\n".repeat(newlines(text));
    }

    /**
     * Line count as JShell's {@code Wrap.countLines} has it: it stops at a newline at index 0, so
     * a text that starts with one counts as none.
     */
    static int newlines(String text) {
        if (text.startsWith("\n")) {
            return 0;
        }
        int count = 0;
        for (int i = 1; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                count++;
            }
        }
        return count;
    }

    /**
     * What JShell remembers (for tests).
     *
     * @param snippets    snippets in its history
     * @param sourceChars characters of generated source kept for all the wrapper classes it compiled
     */
    public record History(int snippets, long sourceChars) {
    }

    public History history() throws ReflectiveOperationException {
        long chars = 0;
        for (Object wrap : classOuters.values()) {
            chars += ((String) in.wrapped.invoke(wrap)).length();
        }
        return new History(allSnippets.size(), chars);
    }
}

package org.javadl.kernel.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Groups consecutive plain statements of a cell into one block snippet.
 *
 * <p>JShell compiles every snippet separately (tens of milliseconds each, and more as the session
 * grows), so a cell of a thousand {@code s += i;} lines would take minutes. Statements declare
 * nothing that later snippets import, so running a run of them as one block {@code { ... }} means
 * the same thing and compiles once. The test is lexical and conservative: only snippets that
 * start like a statement ({@code for}, {@code if}, {@code x = …}, {@code a.b(…)}, {@code i++}) are
 * grouped, never declarations and never the cell's last snippet (its value is shown). If a block
 * does not compile, the engine falls back to running its statements one by one, so a mistake here
 * costs time, never meaning.
 */
final class StatementBatcher {
    /** Bytecode of a method is limited to 64 KB; keep blocks well below it. */
    static final int MAX_BATCH = 200;
    private static final Set<String> STATEMENT_KEYWORDS = Set.of(
            "for", "while", "do", "if", "switch", "try", "throw", "synchronized", "assert");

    /** One unit of execution: a single snippet, or several run as one block. */
    record Unit(List<SnippetSource> parts, SnippetSource block) {
        boolean isBatch() {
            return block != null;
        }
    }

    List<Unit> group(String cell, List<SnippetSource> snippets) {
        List<Unit> units = new ArrayList<>();
        List<SnippetSource> run = new ArrayList<>();
        for (int i = 0; i < snippets.size(); i++) {
            SnippetSource s = snippets.get(i);
            boolean last = i == snippets.size() - 1;
            if (!last && s.complete() && isPlainStatement(s.source()) && run.size() < MAX_BATCH) {
                run.add(s);
                continue;
            }
            flush(cell, run, units);
            if (!last && s.complete() && isPlainStatement(s.source())) {
                run.add(s); // the run was full: this statement starts the next one
            } else {
                units.add(new Unit(List.of(s), null));
            }
        }
        flush(cell, run, units);
        return units;
    }

    private static void flush(String cell, List<SnippetSource> run, List<Unit> units) {
        if (run.isEmpty()) {
            return;
        }
        if (run.size() == 1) {
            units.add(new Unit(List.of(run.get(0)), null));
        } else {
            SnippetSource first = run.get(0);
            SnippetSource lastPart = run.get(run.size() - 1);
            int end = endOf(cell, lastPart);
            // "{" goes right before the first statement, so block positions map to cell positions
            // by a constant shift, and block line 1 is the first statement's line.
            String body = cell.substring(first.offset(), end);
            String source = "{" + body + (body.endsWith(";") || body.endsWith("}") ? "" : ";") + "\n}";
            units.add(new Unit(List.copyOf(run), new SnippetSource(source, first.offset() - 1, true, first.offset())));
        }
        run.clear();
    }

    /** End offset in the cell of a snippet whose source may carry an added semicolon. */
    private static int endOf(String cell, SnippetSource s) {
        String src = s.source().stripTrailing();
        int len = src.length();
        if (s.offset() + len <= cell.length() && cell.startsWith(src, s.offset())) {
            return s.offset() + len;
        }
        if (src.endsWith(";") && cell.startsWith(src.substring(0, len - 1), s.offset())) {
            return s.offset() + len - 1;
        }
        return Math.min(cell.length(), s.offset() + len);
    }

    /** True if the snippet starts like a statement that declares nothing. */
    static boolean isPlainStatement(String source) {
        String s = stripLeadingComments(source);
        if (s.isEmpty()) {
            return false;
        }
        if (s.startsWith("{") || s.startsWith("++") || s.startsWith("--")) {
            return true;
        }
        int i = identifierEnd(s, 0);
        if (i == 0) {
            return false;
        }
        String first = s.substring(0, i);
        if (STATEMENT_KEYWORDS.contains(first)) {
            return true;
        }
        // Follow a qualified name a.b.c, then decide by what comes after it.
        while (true) {
            int j = skipSpaces(s, i);
            if (j < s.length() && s.charAt(j) == '.') {
                int k = skipSpaces(s, j + 1);
                int e = identifierEnd(s, k);
                if (e == k) {
                    return false;
                }
                i = e;
                continue;
            }
            i = j;
            break;
        }
        String rest = s.substring(i);
        if (rest.startsWith("(")) {
            // a call: lower-case method names only ("Foo(…)" is no statement we want to guess at)
            String name = s.substring(0, i).strip();
            String last = name.substring(name.lastIndexOf('.') + 1).strip();
            return !last.isEmpty() && Character.isLowerCase(last.charAt(0)) && !last.equals("new");
        }
        if (rest.startsWith("++") || rest.startsWith("--")) {
            return true;
        }
        if (rest.startsWith("[")) {
            return !rest.substring(1).stripLeading().startsWith("]"); // x[i] = … but not Type[] name
        }
        // assignment operators, but not ==; anything else (a name, <, :) may be a declaration
        return rest.matches("(?s)(=|\\+=|-=|\\*=|/=|%=|&=|\\|=|\\^=|<<=|>>=|>>>=)[^=].*");
    }

    private static int identifierEnd(String s, int from) {
        if (from >= s.length() || !Character.isJavaIdentifierStart(s.charAt(from))) {
            return from;
        }
        int i = from + 1;
        while (i < s.length() && Character.isJavaIdentifierPart(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int skipSpaces(String s, int from) {
        int i = from;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static String stripLeadingComments(String source) {
        String s = source.stripLeading();
        while (true) {
            if (s.startsWith("//")) {
                int nl = s.indexOf('\n');
                s = nl < 0 ? "" : s.substring(nl + 1).stripLeading();
            } else if (s.startsWith("/*")) {
                int end = s.indexOf("*/");
                s = end < 0 ? "" : s.substring(end + 2).stripLeading();
            } else {
                return s;
            }
        }
    }
}

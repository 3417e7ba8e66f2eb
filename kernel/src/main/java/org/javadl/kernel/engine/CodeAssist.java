package org.javadl.kernel.engine;

import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Completeness;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Completion, inspection (Shift-Tab) and the is-this-cell-complete question, via JShell. */
public final class CodeAssist {
    /** Matches and the span of the cell they replace. */
    public record Completion(List<String> matches, int cursorStart, int cursorEnd) {
    }

    /** Signatures and javadoc for the name at the cursor; empty lists when nothing was found. */
    public record Documentation(List<String> signatures, List<String> javadocs) {
        public boolean found() {
            return !signatures.isEmpty();
        }
    }

    /** Jupyter's is_complete answer: "complete", "incomplete" (with an indent hint) or "invalid". */
    public record IsComplete(String status, String indent) {
    }

    private final JShell shell;
    private final SourceCodeAnalysis analysis;
    private final LibraryJavadoc libraryDocs = new LibraryJavadoc();
    /**
     * Inspection results by (code, cursor). JShell re-reads and parses the JDK's sources for every
     * request (~45 ms on a JDK that ships src.zip); pressing Shift-Tab again should not pay that
     * again. Cleared whenever a cell runs, since a cell can redefine what a name means.
     */
    private final java.util.Map<String, Documentation> docCache = new java.util.LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(java.util.Map.Entry<String, Documentation> eldest) {
            return size() > 256;
        }
    };

    /** Forgets cached answers; called after every cell. */
    void stateChanged() {
        docCache.clear();
    }

    CodeAssist(JShell shell) {
        this.shell = shell;
        this.analysis = shell.sourceCodeAnalysis();
    }

    /** The snippet of the cell that contains {@code cursor}, and its start offset. */
    private record Piece(String text, int start) {
    }

    private Piece pieceAt(String code, int cursor) {
        int base = 0;
        String rest = code;
        while (true) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(rest);
            if (!info.completeness().isComplete() || info.remaining().isEmpty()) {
                return new Piece(rest, base);
            }
            int consumed = rest.length() - info.remaining().length();
            if (consumed <= 0 || base + consumed >= cursor) {
                return new Piece(rest.substring(0, Math.max(consumed, 0)), base);
            }
            base += consumed;
            rest = info.remaining();
        }
    }

    public Completion complete(String code, int cursor) {
        cursor = Math.max(0, Math.min(cursor, code.length()));
        Piece piece = pieceAt(code, cursor);
        int local = Math.min(cursor - piece.start(), piece.text().length());
        int[] anchor = new int[1];
        List<SourceCodeAnalysis.Suggestion> suggestions = analysis.completionSuggestions(piece.text(), local, anchor);
        Set<String> matches = new LinkedHashSet<>();
        // Type-matching suggestions first: they are what the context asks for.
        suggestions.stream().filter(SourceCodeAnalysis.Suggestion::matchesType)
                .forEach(s -> matches.add(s.continuation()));
        suggestions.forEach(s -> matches.add(s.continuation()));
        return new Completion(new ArrayList<>(matches), piece.start() + anchor[0], cursor);
    }

    public Documentation inspect(String code, int cursor) {
        int at = Math.max(0, Math.min(cursor, code.length()));
        return docCache.computeIfAbsent(at + ":" + code, k -> lookUp(code, at));
    }

    private Documentation lookUp(String code, int cursor) {
        Piece piece = pieceAt(code, cursor);
        String text = piece.text();
        int local = Math.min(cursor - piece.start(), text.length());
        // Front ends send the cursor at the end of a name or inside it; JShell documents the
        // invocation the cursor is in, so try "name(" first, then the text as it is.
        int end = local;
        while (end < text.length() && Character.isJavaIdentifierPart(text.charAt(end))) {
            end++;
        }
        List<SourceCodeAnalysis.Documentation> docs = List.of();
        if (end > 0 && Character.isJavaIdentifierPart(text.charAt(end - 1))) {
            String probe = text.substring(0, end) + "(";
            docs = analysis.documentation(probe, probe.length(), true);
        }
        if (docs.isEmpty()) {
            docs = analysis.documentation(text, local, true);
        }
        if (docs.isEmpty() && end > 0) {
            docs = analysis.documentation(text.substring(0, end), end, true);
        }
        List<String> signatures = new ArrayList<>();
        List<String> javadocs = new ArrayList<>();
        for (SourceCodeAnalysis.Documentation d : docs) {
            signatures.add(d.signature());
            String jd = d.javadoc();
            if (jd == null || jd.isBlank()) {
                jd = libraryDocs.lookup(d.signature());
            }
            javadocs.add(jd == null ? "" : jd);
        }
        return new Documentation(signatures, javadocs);
    }

    public IsComplete isComplete(String code) {
        if (code.isBlank()) {
            return new IsComplete("complete", "");
        }
        if (opensBlock(code)) {
            return new IsComplete("incomplete", indentFor(code));
        }
        String rest = code;
        while (!rest.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(rest);
            Completeness c = info.completeness();
            switch (c) {
                case EMPTY:
                    return new IsComplete("complete", "");
                case DEFINITELY_INCOMPLETE:
                case CONSIDERED_INCOMPLETE:
                    return new IsComplete("incomplete", indentFor(code));
                case UNKNOWN:
                    return new IsComplete("invalid", "");
                default:
                    break;
            }
            // JShell calls "1 +* 2" complete; a parse tells us it is not valid Java.
            for (Snippet s : analysis.sourceToSnippets(info.source())) {
                if (s.kind() == Snippet.Kind.ERRONEOUS) {
                    return new IsComplete("invalid", "");
                }
            }
            String next = info.remaining();
            if (next.length() >= rest.length()) {
                break;
            }
            rest = next;
        }
        return new IsComplete("complete", "");
    }

    /**
     * is_complete without JShell, from bracket balance alone: used while JShell is still starting,
     * because jupyter console waits only a second for the answer and then stops asking for the
     * rest of the session.
     */
    static IsComplete roughIsComplete(String code) {
        return openBrackets(code) > 0 || opensBlock(code) ? new IsComplete("incomplete", indentFor(code)) : new IsComplete("complete", "");
    }

    /**
     * A comment or text block still open: more lines will follow (JShell's analysis calls
     * {@code /* text} "empty", as if the cell were only a comment).
     */
    static boolean opensBlock(String code) {
        return OpenLiteral.endsInsideBlock(code);
    }

    /** Four spaces per bracket still open at the end of the code (strings and comments skipped). */
    static String indentFor(String code) {
        return "    ".repeat(Math.max(1, openBrackets(code)));
    }

    /** Brackets still open at the end of the code, strings and comments skipped. */
    static int openBrackets(String code) {
        int depth = 0;
        boolean inString = false;
        boolean inChar = false;
        boolean lineComment = false;
        boolean blockComment = false;
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            char next = i + 1 < code.length() ? code.charAt(i + 1) : '\0';
            if (lineComment) {
                lineComment = c != '\n';
            } else if (blockComment) {
                if (c == '*' && next == '/') {
                    blockComment = false;
                    i++;
                }
            } else if (inString || inChar) {
                if (c == '\\') {
                    i++;
                } else if ((inString && c == '"') || (inChar && c == '\'')) {
                    inString = false;
                    inChar = false;
                }
            } else if (c == '/' && next == '/') {
                lineComment = true;
            } else if (c == '/' && next == '*') {
                blockComment = true;
            } else if (c == '"') {
                inString = true;
            } else if (c == '\'') {
                inChar = true;
            } else if (c == '{' || c == '(' || c == '[') {
                depth++;
            } else if ((c == '}' || c == ')' || c == ']') && depth > 0) {
                depth--;
            }
        }
        return depth;
    }
}

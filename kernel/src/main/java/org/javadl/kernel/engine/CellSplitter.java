package org.javadl.kernel.engine;

import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Completeness;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a cell into JShell snippets. {@code JShell.eval} takes one snippet at a time, so a cell
 * such as {@code int a = 1; a + 1} becomes two evaluations. The offsets let errors point into the
 * cell rather than into a snippet.
 */
final class CellSplitter {
    private final SourceCodeAnalysis analysis;

    CellSplitter(SourceCodeAnalysis analysis) {
        this.analysis = analysis;
    }

    List<SnippetSource> split(String cell) {
        List<SnippetSource> out = new ArrayList<>();
        int base = 0;
        String rest = cell;
        while (!rest.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(rest);
            Completeness c = info.completeness();
            if (c == Completeness.EMPTY) {
                break; // only comments left
            }
            if (!c.isComplete()) {
                int start = firstCodeChar(rest, rest.length());
                out.add(new SnippetSource(rest.substring(start), base + start, false));
                break;
            }
            int consumed = rest.length() - info.remaining().length();
            if (consumed <= 0) { // defensive: JShell made no progress
                out.add(new SnippetSource(rest, base, false));
                break;
            }
            out.add(trimmed(info.source(), base + locate(rest, consumed, info.source())));
            base += consumed;
            rest = info.remaining();
        }
        return out;
    }

    /**
     * The snippet without its leading blank lines. JShell numbers the lines of stack frames wrongly
     * when a snippet starts with blank lines (a throw on line 3 of a method shows as line 1), and
     * the offset moves with the text so diagnostics still land on the right column.
     */
    private static SnippetSource trimmed(String source, int offset) {
        int lead = 0;
        while (lead < source.length() && Character.isWhitespace(source.charAt(lead))) {
            lead++;
        }
        return new SnippetSource(source.substring(lead), offset + lead, true);
    }

    /** Where the snippet's text starts inside the consumed part of {@code rest}. */
    private static int locate(String rest, int consumed, String source) {
        // Diagnostics are relative to the source JShell returns, which keeps leading blank lines:
        // find it verbatim first (without the semicolon JShell may have added).
        String exact = source.endsWith(";") && !rest.startsWith(source) ? source.substring(0, source.length() - 1) : source;
        int verbatim = exact.isEmpty() ? -1 : rest.indexOf(exact);
        if (verbatim >= 0 && verbatim < consumed) {
            return verbatim;
        }
        String probe = source.strip();
        if (probe.endsWith(";")) {
            probe = probe.substring(0, probe.length() - 1);
        }
        int at = probe.isEmpty() ? -1 : rest.indexOf(probe);
        if (at >= 0 && at < consumed) {
            return at;
        }
        return firstCodeChar(rest, consumed);
    }

    private static int firstCodeChar(String s, int limit) {
        int i = 0;
        while (i < limit && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }
}

package org.javadl.kernel.engine;

import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShellException;
import jdk.jshell.UnresolvedReferenceException;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns javac diagnostics and cell exceptions into tracebacks a student can read: cell line and
 * column, the offending line with the span marked, the message; stack frames of cell code as
 * cell lines, kernel and JShell internals left out.
 *
 * <p>Colours: only red for the heading and bold for markers, which read on light and dark themes
 * alike (no black or white foreground).
 */
final class ErrorFormatter {
    static final String RED = "\u001b[31m";
    static final String BOLD = "\u001b[1m";
    static final String RESET = "\u001b[0m";
    static final String COMPILE_ERROR = "CompilationError";

    private final SnippetOrigins origins;

    ErrorFormatter(SnippetOrigins origins) {
        this.origins = origins;
    }

    CellOutcome.Failure compileError(List<Diag> diags, SnippetSource snippet, CellText cell) {
        List<String> lines = new ArrayList<>();
        String first = null;
        for (Diag d : diags) {
            if (!d.isError()) {
                continue;
            }
            String message = d.getMessage(Locale.ROOT);
            int start = clamp(d.getStartPosition(), snippet.source().length());
            int end = clamp(Math.max(d.getEndPosition(), d.getStartPosition()), snippet.source().length());
            int at = clamp(snippet.offset() + start, cell.text().length());
            int line = cell.lineOf(at);
            int column = cell.columnOf(at);
            String heading = "cell line " + line + ", column " + column + ": " + firstLine(message);
            if (first == null) {
                first = heading;
            }
            lines.add(RED + COMPILE_ERROR + RESET + ": " + heading);
            lines.addAll(excerpt(cell, line, column, Math.max(1, end - start)));
            List<String> rest = message.lines().skip(1).toList();
            for (String r : rest) {
                lines.add("    " + r.strip());
            }
            lines.add("");
        }
        if (first == null) {
            first = "the snippet could not be compiled";
            lines.add(RED + COMPILE_ERROR + RESET + ": " + first);
        }
        return new CellOutcome.Failure(COMPILE_ERROR, first, lines);
    }

    /** The line before, the offending line, and a caret span under the error. */
    static List<String> excerpt(CellText cell, int line, int column, int length) {
        List<String> out = new ArrayList<>();
        int width = String.valueOf(Math.min(cell.lineCount(), line + 1)).length();
        if (line > 1) {
            out.add(String.format("  %" + width + "d | %s", line - 1, cell.line(line - 1)));
        }
        String text = cell.line(line);
        out.add(String.format(BOLD + "> %" + width + "d | %s" + RESET, line, text));
        int span = Math.max(1, Math.min(length, Math.max(1, text.length() - column + 1)));
        StringBuilder pad = new StringBuilder();
        for (int i = 0; i < column - 1 && i < text.length(); i++) {
            pad.append(text.charAt(i) == '\t' ? '\t' : ' ');
        }
        out.add(" ".repeat(width + 2) + " | " + pad + RED + "^".repeat(span) + RESET);
        return out;
    }

    CellOutcome.Failure exception(JShellException ex, int currentCell) {
        List<String> lines = new ArrayList<>();
        String ename = ename(ex);
        String evalue = ex.getMessage() == null ? "" : ex.getMessage();
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        Throwable t = ex;
        boolean firstInChain = true;
        while (t != null && seen.put(t, Boolean.TRUE) == null) {
            String name = t instanceof JShellException je ? ename(je) : t.getClass().getName();
            String msg = t.getMessage();
            String heading = (firstInChain ? "" : "Caused by: ") + name + (msg == null ? "" : ": " + msg);
            lines.add(firstInChain ? RED + heading + RESET : heading);
            for (StackTraceElement frame : t.getStackTrace()) {
                String shown = frame(frame, currentCell);
                if (shown != null) {
                    lines.add("    " + shown);
                }
            }
            firstInChain = false;
            t = t.getCause();
        }
        return new CellOutcome.Failure(ename, evalue, lines);
    }

    private static String ename(JShellException ex) {
        if (ex instanceof EvalException e) {
            return e.getExceptionClassName();
        }
        if (ex instanceof UnresolvedReferenceException) {
            return "UnresolvedReference";
        }
        return ex.getClass().getSimpleName();
    }

    /** One frame as shown to the user, or null to hide it. */
    String frame(StackTraceElement f, int currentCell) {
        String cls = f.getClassName();
        String file = f.getFileName();
        if (file != null && file.startsWith("#")) {
            SnippetOrigins.Origin o = origins.find(file.substring(1));
            String method = f.getMethodName();
            String where;
            if (o == null || o.cell() == 0) {
                where = "snippet " + file + ", line " + f.getLineNumber();
            } else if (o.cell() == currentCell) {
                where = "cell line " + o.cellLine(f.getLineNumber());
            } else {
                where = "cell [" + o.cell() + "], line " + o.cellLine(f.getLineNumber());
            }
            String line = o == null ? null : safeLine(o, f.getLineNumber());
            String text = method == null || method.isEmpty() || method.equals("do_it$")
                    ? "at " + where : "at " + method + " (" + where + ")";
            return line == null ? text : text + ":  " + line.strip();
        }
        if (cls.startsWith("jdk.jshell.") || cls.startsWith("org.javadl.kernel.engine.")
                || cls.startsWith("jdk.internal.reflect.") || cls.startsWith("java.lang.reflect.")
                || cls.startsWith("REPL.")) {
            return null;
        }
        return "at " + f;
    }

    private static String safeLine(SnippetOrigins.Origin o, int snippetLine) {
        int l = o.cellLine(snippetLine);
        return l >= 1 && l <= o.text().lineCount() ? o.text().line(l) : null;
    }

    private static int clamp(long v, int max) {
        return (int) Math.max(0, Math.min(v, max));
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}

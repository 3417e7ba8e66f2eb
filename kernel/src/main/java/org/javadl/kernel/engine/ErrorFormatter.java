package org.javadl.kernel.engine;

import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShellException;
import jdk.jshell.UnresolvedReferenceException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns javac diagnostics and cell exceptions into tracebacks a student can read: cell line and
 * column, the offending line with the span marked, the message; stack frames of cell code as
 * cell lines, kernel and JShell internals left out.
 *
 * <p>Emphasis, no colour: the heading, the offending line and the caret marks are bold, in the
 * front end's own text colour. Front ends paint error output on a tinted background of their own,
 * and no ANSI colour reads on all of them: JupyterLab's ANSI red is 2.7:1 against its light error
 * background (#fdd) and 3.9:1 against JupyterLab Dark's, its bold ("intense") red 2.0:1 against
 * the dark one, where the theme's text colour reaches more than 10:1 on both.
 */
final class ErrorFormatter {
    static final String BOLD = "\u001b[1m";
    /** The start of an error's heading (its name: {@code CompilationError}, the exception class). */
    static final String HEADING = BOLD;
    static final String RESET = "\u001b[0m";
    static final String COMPILE_ERROR = "CompilationError";

    private final SnippetOrigins origins;
    /** Stack frames in snippet terms of the throwables of the error being formatted. */
    private Map<Throwable, StackTraceElement[]> translated;

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
            lines.add(HEADING + COMPILE_ERROR + RESET + ": " + heading);
            lines.addAll(excerpt(cell, line, column, Math.max(1, end - start)));
            List<String> rest = message.lines().skip(1).toList();
            for (String r : rest) {
                lines.add("    " + r.strip());
            }
            lines.add("");
        }
        if (first == null) {
            first = "the snippet could not be compiled";
            lines.add(HEADING + COMPILE_ERROR + RESET + ": " + first);
        }
        return new CellOutcome.Failure(COMPILE_ERROR, first, lines);
    }

    /**
     * javac's error for a comment left open at the end of the cell, or null if there is none.
     * JShell would take the rest of the cell for a comment and run what came before it.
     */
    CellOutcome.Failure unclosedComment(CellText cell) {
        OpenLiteral.Open open = OpenLiteral.find(cell.text());
        if (open == null || open.kind() != OpenLiteral.Kind.COMMENT) {
            return null;
        }
        int line = cell.lineOf(open.offset());
        int column = cell.columnOf(open.offset());
        String heading = "cell line " + line + ", column " + column + ": " + open.kind().javacMessage;
        List<String> lines = new ArrayList<>();
        lines.add(HEADING + COMPILE_ERROR + RESET + ": " + heading);
        lines.addAll(excerpt(cell, line, column, 2));
        lines.add("    the comment that starts here has no closing */");
        return new CellOutcome.Failure(COMPILE_ERROR, heading, lines);
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
        out.add(" ".repeat(width + 2) + " | " + pad + BOLD + "^".repeat(span) + RESET);
        return out;
    }

    /** Causes deeper than this are summarised: a chain of thousands of wrappers helps nobody. */
    static final int MAX_CAUSES = 25;
    /** A traceback longer than this is cut (after collapsing repeated frames it rarely is). */
    static final int MAX_LINES = 150;

    /**
     * An exception raised by a cell. When the cell's own throwable is available (from
     * {@code run}, the snippet's run, if any) it is shown as thrown, suppressed exceptions included;
     * otherwise JShell's copy of it is.
     */
    CellOutcome.Failure exception(JShellException ex, int currentCell, SnippetRun run) {
        Throwable original = run == null ? null : run.thrown();
        Throwable shown = original != null ? original : ex;
        translated = new IdentityHashMap<>();
        if (original != null) {
            // JShell's chain of copies carries each related throwable's frames in snippet terms.
            List<Throwable> related = run.thrownRelated();
            Throwable copy = ex;
            for (int i = 0; i < related.size() && copy != null; i++, copy = copy.getCause()) {
                translated.put(related.get(i), copy.getStackTrace());
            }
        }
        String ename = original != null ? className(original) : ename(ex);
        String message = ThrowableText.message(shown);
        String evalue = message != null ? message : ThrowableText.noMessage(shown);
        List<String> lines = new ArrayList<>();
        describe(shown, currentCell, lines);
        if (!lines.isEmpty()) {
            lines.set(0, HEADING + lines.get(0) + RESET);
        }
        if (lines.size() > MAX_LINES) {
            int cut = lines.size() - MAX_LINES;
            lines = new ArrayList<>(lines.subList(0, MAX_LINES));
            lines.add(String.format("    ... %,d more lines", cut));
        }
        return new CellOutcome.Failure(ename, evalue, lines);
    }

    /**
     * The throwable, its suppressed exceptions and its causes, as Java prints them, but each
     * throwable only once: a cycle among causes or suppressed exceptions is shown as a marker.
     * The cause chain is walked in a loop (not recursively), so a long chain cannot overflow.
     */
    private void describe(Throwable top, int currentCell, List<String> out) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Throwable t = top;
        String prefix = "";
        int causes = 0;
        while (t != null) {
            if (!seen.add(t)) {
                out.add(prefix + "[CIRCULAR REFERENCE: " + headline(t) + "]");
                return;
            }
            if (causes++ > MAX_CAUSES) {
                out.add(String.format("    ... %s more causes not shown", countCauses(t, seen)));
                return;
            }
            out.add(prefix + headline(t));
            out.addAll(FrameCollapser.collapse(frames(t, currentCell), "    "));
            for (Throwable s : ThrowableText.suppressed(t)) {
                describeSuppressed(s, currentCell, seen, "\t", out);
            }
            prefix = "Caused by: ";
            t = ThrowableText.cause(t);
        }
    }

    /** A suppressed exception with its own causes, indented one level (once each, like the rest). */
    private void describeSuppressed(Throwable s, int currentCell, Set<Throwable> seen, String indent, List<String> out) {
        String prefix = indent + "Suppressed: ";
        Throwable t = s;
        int causes = 0;
        while (t != null && causes++ <= MAX_CAUSES) {
            if (!seen.add(t)) {
                out.add(prefix + "[CIRCULAR REFERENCE: " + headline(t) + "]");
                return;
            }
            out.add(prefix + headline(t));
            out.addAll(FrameCollapser.collapse(frames(t, currentCell), indent + "    "));
            if (indent.length() < 4) { // suppressed of suppressed, but not without end
                for (Throwable inner : ThrowableText.suppressed(t)) {
                    describeSuppressed(inner, currentCell, seen, indent + "\t", out);
                }
            }
            prefix = indent + "Caused by: ";
            t = ThrowableText.cause(t);
        }
    }

    private static String countCauses(Throwable from, Set<Throwable> seen) {
        int n = 0;
        Set<Throwable> more = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = from; t != null && !seen.contains(t) && more.add(t) && n < 1_000_000; t = ThrowableText.cause(t)) {
            n++;
        }
        return String.format("%,d", n);
    }

    private static String headline(Throwable t) {
        String name = t instanceof JShellException je ? ename(je) : className(t);
        String msg = ThrowableText.message(t);
        return name + (msg == null ? "" : ": " + msg);
    }

    /** The class name as the user wrote it: JShell's wrapper prefix ({@code REPL.$JShell$12$}) left out. */
    static String className(Throwable t) {
        Class<?> c = t.getClass();
        if (c.getName().startsWith("REPL.") && !c.getSimpleName().isEmpty()) {
            return c.getSimpleName();
        }
        return c.getName();
    }

    private List<String> frames(Throwable t, int currentCell) {
        List<String> shown = new ArrayList<>();
        StackTraceElement[] known = translated == null ? null : translated.get(t);
        StackTraceElement[] frames = known != null ? known : ThrowableText.stackTrace(t);
        if (currentCell == SnippetOrigins.CALLBACK) {
            frames = upToOutermostCellCode(frames); // below it: the kernel's widget machinery
        }
        for (StackTraceElement frame : frames) {
            String s = frame == null ? null : frame(frame, currentCell);
            // A declaration's wrapper has two frames for one cell line (do_it$Aux and do_it$): show one.
            boolean sameCellLine = !shown.isEmpty() && s != null && s.equals(shown.get(shown.size() - 1))
                    && (s.startsWith("at cell line ") || s.startsWith("at cell ["));
            if (s != null && !sameCellLine) {
                shown.add(s);
            }
        }
        return shown;
    }

    /** The frames from the innermost to the outermost one in cell code (all of them if none is). */
    private StackTraceElement[] upToOutermostCellCode(StackTraceElement[] frames) {
        for (int i = frames.length - 1; i >= 0; i--) {
            String file = frames[i] == null ? null : frames[i].getFileName();
            SnippetOrigins.Origin o = file != null && file.startsWith("#") ? origins.find(file.substring(1)) : null;
            if (o != null && o.cell() != SnippetOrigins.CALLBACK) {
                return java.util.Arrays.copyOf(frames, i + 1);
            }
        }
        return frames;
    }

    private static String ename(JShellException ex) {
        if (ex instanceof EvalException e) {
            String name = e.getExceptionClassName();
            return name != null && name.startsWith("REPL.") ? name.substring(name.lastIndexOf('$') + 1) : name;
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
            if (o != null && o.cell() == SnippetOrigins.CALLBACK) {
                return null; // the kernel's call of a widget callback, not the user's code
            }
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
            String text = method == null || method.isEmpty() || method.startsWith("do_it$")
                    ? "at " + where : "at " + method + " (" + where + ")";
            return line == null ? text : text + ":  " + line.strip();
        }
        if (cls.startsWith("jdk.jshell.") || cls.startsWith("org.javadl.kernel.engine.")
                || cls.startsWith("org.javadl.kernel.widgets.")
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

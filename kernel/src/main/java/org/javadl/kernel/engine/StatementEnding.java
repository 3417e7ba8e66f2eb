package org.javadl.kernel.engine;

import jdk.jshell.Snippet;

/**
 * Whether a cell's last expression was written as a Java statement: a method call, object creation,
 * assignment or increment followed by {@code ;}. JShell evaluates {@code System.out.printf("x");} as an
 * expression whose value is the PrintStream; written that way it is a statement and shows nothing, as
 * a void call would. An expression that is not a statement in Java ({@code x;}, {@code 1 + 1;}) still
 * shows its value, as JShell shows it.
 */
final class StatementEnding {
    private StatementEnding() {
    }

    /**
     * For the snippet that ends the cell (only its value is shown): true if the cell's text from the
     * snippet on ends in {@code ;} and what comes before it is a call, an object creation, an assignment
     * or an increment.
     */
    static boolean isStatement(Snippet snippet, SnippetSource source, String cell) {
        String rest = cell.substring(Math.max(0, Math.min(source.offset(), cell.length())));
        String code = significant(rest);
        if (!code.endsWith(";")) {
            return false;
        }
        String core = code.substring(0, code.length() - 1).strip();
        return snippet.subKind() == Snippet.SubKind.ASSIGNMENT_SUBKIND
                || core.endsWith(")") || core.endsWith("}")
                || core.endsWith("++") || core.endsWith("--") || core.startsWith("++") || core.startsWith("--");
    }

    /** {@code code} up to its last character outside comments (strings and text blocks kept whole). */
    static String significant(String code) {
        int last = -1;
        int i = 0;
        int n = code.length();
        while (i < n) {
            char c = code.charAt(i);
            if (code.startsWith("//", i)) {
                int nl = code.indexOf('\n', i);
                i = nl < 0 ? n : nl;
            } else if (code.startsWith("/*", i)) {
                int end = code.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else if (code.startsWith("\"\"\"", i)) {
                int end = code.indexOf("\"\"\"", i + 3);
                while (end > 0 && code.charAt(end - 1) == '\\') {
                    end = code.indexOf("\"\"\"", end + 1);
                }
                i = end < 0 ? n : end + 3;
                last = i - 1;
            } else if (c == '"' || c == '\'') {
                int j = i + 1;
                while (j < n && code.charAt(j) != c && code.charAt(j) != '\n') {
                    j += code.charAt(j) == '\\' ? 2 : 1;
                }
                i = Math.min(n, j + 1);
                last = i - 1;
            } else {
                if (!Character.isWhitespace(c)) {
                    last = i;
                }
                i++;
            }
        }
        return code.substring(0, last + 1);
    }
}

package org.javadl.kernel.engine;

/**
 * Finds a comment, text block or literal that a cell leaves open. JShell's completeness analysis
 * calls the rest of a cell after {@code /*} "empty" (only a comment), so a cell ending in an
 * unterminated comment ran whatever came before and said nothing; javac rejects it.
 */
public final class OpenLiteral {
    enum Kind {
        COMMENT("unclosed comment"),
        TEXT_BLOCK("unclosed text block"),
        STRING("unclosed string literal"),
        CHAR("unclosed character literal");

        final String javacMessage;

        Kind(String javacMessage) {
            this.javacMessage = javacMessage;
        }
    }

    /** What is open, and the offset where it starts. */
    record Open(Kind kind, int offset) {
    }

    private OpenLiteral() {
    }

    /**
     * True if {@code code} ends inside a comment or a text block, so that a following line belongs to
     * it (the magic parser then leaves a line starting with {@code %} to Java).
     */
    public static boolean endsInsideBlock(String code) {
        Open open = find(code);
        return open != null && (open.kind() == Kind.COMMENT || open.kind() == Kind.TEXT_BLOCK);
    }

    /**
     * The first construct left open, or null. Strings and character literals end at the end of
     * their line (javac reports them there); comments and text blocks run to the end of the cell.
     */
    static Open find(String code) {
        int n = code.length();
        int i = 0;
        while (i < n) {
            char c = code.charAt(i);
            if (c == '/' && i + 1 < n && code.charAt(i + 1) == '/') {
                i = lineEnd(code, i);
            } else if (c == '/' && i + 1 < n && code.charAt(i + 1) == '*') {
                int close = code.indexOf("*/", i + 2);
                if (close < 0) {
                    return new Open(Kind.COMMENT, i);
                }
                i = close + 2;
            } else if (code.startsWith("\"\"\"", i)) {
                int end = textBlockEnd(code, i + 3);
                if (end < 0) {
                    return new Open(Kind.TEXT_BLOCK, i);
                }
                i = end;
            } else if (c == '"' || c == '\'') {
                int end = literalEnd(code, i + 1, c);
                if (end < 0) {
                    return new Open(c == '"' ? Kind.STRING : Kind.CHAR, i);
                }
                i = end;
            } else {
                i++;
            }
        }
        return null;
    }

    private static int lineEnd(String code, int i) {
        while (i < code.length() && code.charAt(i) != '\n' && code.charAt(i) != '\r') {
            i++;
        }
        return i;
    }

    /** Offset after the closing quote on the same line, or -1 if the line ends first. */
    private static int literalEnd(String code, int i, char quote) {
        while (i < code.length()) {
            char c = code.charAt(i);
            if (c == '\n' || c == '\r') {
                return -1;
            }
            if (c == '\\') {
                i += 2;
                continue;
            }
            if (c == quote) {
                return i + 1;
            }
            i++;
        }
        return -1;
    }

    /** Offset after the closing {@code """}, or -1. */
    private static int textBlockEnd(String code, int i) {
        while (i < code.length()) {
            char c = code.charAt(i);
            if (c == '\\') {
                i += 2;
                continue;
            }
            if (code.startsWith("\"\"\"", i)) {
                return i + 3;
            }
            i++;
        }
        return -1;
    }
}

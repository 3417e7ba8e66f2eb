package org.javadl.kernel.engine;

/** A cell's source with offset → (line, column) conversion; lines and columns count from 1. */
public final class CellText {
    private final String text;
    private final int[] lineStarts;

    public CellText(String text) {
        this.text = text;
        int n = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                n++;
            }
        }
        lineStarts = new int[n];
        int line = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                lineStarts[line++] = i + 1;
            }
        }
    }

    /**
     * The text with every CRLF and lone CR turned into LF. javac (and so JShell) ends a line at
     * any of the three; counting only LF put an error on line 3 of a CR-only cell at "line 1,
     * column 39". Inside string literals raw line breaks cannot occur, and text blocks normalise
     * them the same way, so a cell means the same after this.
     */
    public static String normalizeLineEndings(String text) {
        if (text.indexOf('\r') < 0) {
            return text;
        }
        return text.replace("\r\n", "\n").replace('\r', '\n');
    }

    public String text() {
        return text;
    }

    public int lineCount() {
        return lineStarts.length;
    }

    /** 1-based line of a 0-based offset. */
    public int lineOf(int offset) {
        int lo = 0;
        int hi = lineStarts.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (lineStarts[mid] <= offset) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo + 1;
    }

    /** 1-based column of a 0-based offset. */
    public int columnOf(int offset) {
        return offset - lineStarts[lineOf(offset) - 1] + 1;
    }

    /** The text of a 1-based line, without its line break. */
    public String line(int line) {
        int start = lineStarts[line - 1];
        int end = line < lineStarts.length ? lineStarts[line] - 1 : text.length();
        if (end > start && text.charAt(end - 1) == '\r') {
            end--;
        }
        return text.substring(start, Math.max(start, end));
    }

}

package org.javadl.kernel.magic;

import org.javadl.kernel.engine.OpenLiteral;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A cell split into what runs in turn: Java pieces and line magics ({@code %name args} on a line of
 * its own), or one cell magic ({@code %%name args} on the first line, the rest its body).
 *
 * <p>A line is a magic only outside Java comments and text blocks, so a {@code %d} line inside a
 * {@code """} format string stays Java. Java pieces keep their line numbers: the lines before them are
 * blank in the piece, so compile errors name the cell's own lines.
 */
public final class CellParts {
    /** {@code %name args} or {@code %%name args}; the name starts with a letter. */
    private static final Pattern MAGIC_LINE = Pattern.compile("^[ \\t]*(%%?)([A-Za-z][\\w.-]*)(.*)$");

    /** One thing to run. */
    public sealed interface Part permits Java, LineMagic, CellMagic {
    }

    /** Java source, padded with blank lines so its lines are the cell's. */
    public record Java(String code) implements Part {
    }

    /** {@code %name args}, on cell line {@code line} (1-based). */
    public record LineMagic(String name, String args, int line) implements Part {
    }

    /** {@code %%name args} and the cell's remaining lines (blank-padded to keep line numbers). */
    public record CellMagic(String name, String args, String body) implements Part {
    }

    private CellParts() {
    }

    /** True if the cell contains a magic line (a quick check before splitting). */
    public static boolean hasMagic(String cell) {
        return cell.indexOf('%') >= 0 && !split(cell).stream().allMatch(p -> p instanceof Java);
    }

    public static List<Part> split(String cell) {
        List<Part> parts = new ArrayList<>();
        String[] lines = cell.split("\n", -1);
        int first = 0;
        while (first < lines.length && lines[first].isBlank()) {
            first++;
        }
        if (first < lines.length) {
            Matcher m = MAGIC_LINE.matcher(lines[first]);
            if (m.matches() && m.group(1).equals("%%")) {
                StringBuilder body = new StringBuilder("\n".repeat(first + 1));
                for (int i = first + 1; i < lines.length; i++) {
                    body.append(lines[i]);
                    if (i < lines.length - 1) {
                        body.append('\n');
                    }
                }
                parts.add(new CellMagic(m.group(2), m.group(3).strip(), body.toString()));
                return parts;
            }
        }
        int javaStart = 0;
        for (int i = 0; i < lines.length; i++) {
            Matcher m = MAGIC_LINE.matcher(lines[i]);
            if (m.matches() && !OpenLiteral.endsInsideBlock(join(lines, javaStart, i))) {
                addJava(parts, lines, javaStart, i);
                // A %%name below the first line keeps its second % in the name: the kernel says where it belongs.
                String name = m.group(1).equals("%%") ? "%" + m.group(2) : m.group(2);
                parts.add(new LineMagic(name, m.group(3).strip(), i + 1));
                javaStart = i + 1;
            }
        }
        addJava(parts, lines, javaStart, lines.length);
        return parts;
    }

    private static void addJava(List<Part> parts, String[] lines, int from, int to) {
        String code = join(lines, from, to);
        if (!code.isBlank()) {
            parts.add(new Java("\n".repeat(from) + code));
        }
    }

    private static String join(String[] lines, int from, int to) {
        return String.join("\n", java.util.Arrays.asList(lines).subList(from, to));
    }
}

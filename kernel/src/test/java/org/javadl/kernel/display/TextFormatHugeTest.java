package org.javadl.kernel.display;

import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.LinkedList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TextFormatHugeTest {
    @Test
    void hugeListLooksOnlyAtItsEdges() {
        long t0 = System.nanoTime();
        String s = TextFormat.format(Collections.nCopies(Integer.MAX_VALUE, 1));
        assertTrue(System.nanoTime() - t0 < 1_000_000_000L, "took too long");
        assertTrue(s.endsWith(", ..., 1, 1, 1, 1, 1, 1, 1, 1, 1, 1] (size 2147483647)"), s);
    }

    @Test
    void linkedListTailComesFromAListIterator() {
        List<Integer> list = IntStream.range(0, 5000).boxed().collect(Collectors.toCollection(LinkedList::new));
        String s = TextFormat.format(list);
        assertTrue(s.startsWith("[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, ..., 4990, "), s);
        assertTrue(s.endsWith("4999] (size 5000)"), s);
    }

    @Test
    void bigSetShowsItsFirstElements() {
        String s = TextFormat.format(IntStream.range(0, 5000).boxed().collect(Collectors.toCollection(java.util.TreeSet::new)));
        assertTrue(s.startsWith("[0, 1, 2"), s);
        assertTrue(s.endsWith(", 19, ...] (size 5000)"), s);
    }

    @Test
    void longStringIsCutBetweenGraphemeClusters() {
        String family = "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67";
        String unit = family + "e\u0301";
        String text = unit.repeat(TextFormat.MAX_STRING_CODE_POINTS / 3);
        String s = TextFormat.quote(text);
        int cut = s.indexOf('\u2026');
        assertTrue(cut > 0, s.substring(s.length() - 100));
        String kept = s.substring(1, cut);
        // The cut falls between clusters: after a whole family or after a whole accented e.
        assertTrue(text.startsWith(kept));
        String rest = text.substring(kept.length());
        assertTrue(rest.startsWith(unit) || rest.startsWith("e\u0301" + family),
                "cut inside a cluster: " + kept.substring(kept.length() - 12));
        assertTrue(kept.codePointCount(0, kept.length()) <= TextFormat.MAX_STRING_CODE_POINTS);
        assertTrue(s.contains("characters, the first"), s.substring(cut));
    }

    @Test
    void shortEmojiTextIsWhole() {
        String text = "\uD83D\uDE00\u00e9\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67 ok";
        assertEquals("\"" + text + "\"", TextFormat.quote(text));
        assertFalse(TextFormat.format(List.of(text)).contains("\u2026"));
    }
}

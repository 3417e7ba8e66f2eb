package org.javadl.kernel.display;

import java.text.BreakIterator;

/**
 * Where to cut a long text so that what is kept reads right: counted in code points (an emoji
 * is one character, not two {@code char}s), and cut only between grapheme clusters, never inside
 * a surrogate pair, an emoji joined with zero-width joiners, a flag, or a letter and its accents.
 */
final class TextCut {
    private static final int ZWJ = 0x200D;

    private TextCut() {
    }

    /**
     * The {@code char} index to cut {@code s} at so that at most {@code maxCodePoints} code points
     * are kept; {@code s.length()} when it is short enough.
     */
    static int cutPoint(CharSequence s, int maxCodePoints) {
        int n = s.length();
        if (n <= maxCodePoints) {
            return n; // even all-BMP text fits
        }
        int cut = offsetByCodePoints(s, maxCodePoints);
        if (cut >= n) {
            return n;
        }
        return clusterStartAtOrBefore(s, cut);
    }

    private static int offsetByCodePoints(CharSequence s, int count) {
        int i = 0;
        int n = s.length();
        for (int k = 0; k < count && i < n; k++) {
            i += Character.isHighSurrogate(s.charAt(i)) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1)) ? 2 : 1;
        }
        return i;
    }

    /**
     * The start of the grapheme cluster containing {@code at}. BreakIterator finds the clusters
     * (on a window around the cut, so a long text is not scanned); the JDK 17 one does not know
     * emoji ZWJ sequences, so a boundary next to a ZWJ, a combining mark, a variation selector or
     * a skin-tone modifier is moved back further.
     */
    static int clusterStartAtOrBefore(CharSequence s, int at) {
        int from = Math.max(0, at - 256);
        int to = Math.min(s.length(), at + 64);
        String window = s.subSequence(from, to).toString();
        BreakIterator clusters = BreakIterator.getCharacterInstance();
        clusters.setText(window);
        int local = at - from;
        int b = clusters.isBoundary(local) ? local : clusters.preceding(local);
        while (b > 0 && joinsPrevious(window, b)) {
            int prev = clusters.preceding(b);
            if (prev == BreakIterator.DONE || prev >= b) {
                break;
            }
            b = prev;
        }
        if (b <= 0 && from > 0) {
            // A single cluster longer than the window: still never split a surrogate pair.
            return Character.isLowSurrogate(s.charAt(at)) ? at - 1 : at;
        }
        return from + Math.max(b, 0);
    }

    /** Whether the code point at {@code i} continues the cluster before it. */
    private static boolean joinsPrevious(String s, int i) {
        int cp = s.codePointAt(i);
        int before = s.codePointBefore(i);
        if (cp == ZWJ || before == ZWJ) {
            return true;
        }
        if (cp >= 0xFE00 && cp <= 0xFE0F || cp >= 0x1F3FB && cp <= 0x1F3FF || cp >= 0xE0020 && cp <= 0xE007F) {
            return true; // variation selectors, skin tones, tag sequences (subdivision flags)
        }
        if (isRegionalIndicator(cp) && isRegionalIndicator(before)) {
            return regionalRunBefore(s, i) % 2 == 1; // the second half of a flag
        }
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                || type == Character.COMBINING_SPACING_MARK || Character.isLowSurrogate(s.charAt(i));
    }

    private static boolean isRegionalIndicator(int cp) {
        return cp >= 0x1F1E6 && cp <= 0x1F1FF;
    }

    private static int regionalRunBefore(String s, int i) {
        int count = 0;
        while (i > 0 && isRegionalIndicator(s.codePointBefore(i))) {
            count++;
            i -= Character.charCount(s.codePointBefore(i));
        }
        return count;
    }
}

package org.javadl.kernel.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * Collapses repeated runs of stack frames, as Python does for deep recursion: a
 * {@code StackOverflowError} carries ~1,000 identical frames, which become one frame and
 * "… 1,023 more calls of fact (cell line 2)". Runs of a short cycle of frames (mutual recursion:
 * isEven, isOdd, isEven, …) are collapsed the same way.
 */
final class FrameCollapser {
    /** Longest cycle of frames looked for (mutual recursion of up to this many methods). */
    static final int MAX_PERIOD = 16;
    /** A cycle must repeat at least this often to be collapsed. */
    static final int MIN_REPEATS = 3;

    private FrameCollapser() {
    }

    /** The frames, indented, with repeated runs collapsed. */
    static List<String> collapse(List<String> frames, String indent) {
        List<String> out = new ArrayList<>();
        int i = 0;
        int n = frames.size();
        while (i < n) {
            int bestPeriod = 0;
            int bestRepeats = 1;
            for (int p = 1; p <= MAX_PERIOD && i + p * MIN_REPEATS <= n; p++) {
                int k = repeats(frames, i, p);
                if (k >= MIN_REPEATS && (long) k * p > (long) bestRepeats * Math.max(bestPeriod, 1)) {
                    bestPeriod = p;
                    bestRepeats = k;
                }
            }
            if (bestPeriod == 0) {
                out.add(indent + frames.get(i));
                i++;
                continue;
            }
            for (int j = 0; j < bestPeriod; j++) {
                out.add(indent + frames.get(i + j));
            }
            out.add(indent + summary(frames.subList(i, i + bestPeriod), bestRepeats - 1));
            i += bestPeriod * bestRepeats;
        }
        return out;
    }

    /** How many times the block of {@code p} frames at {@code i} occurs in a row. */
    private static int repeats(List<String> frames, int i, int p) {
        int k = 1;
        while (i + (k + 1) * p <= frames.size() && sameBlock(frames, i, i + k * p, p)) {
            k++;
        }
        return k;
    }

    private static boolean sameBlock(List<String> frames, int a, int b, int p) {
        for (int j = 0; j < p; j++) {
            if (!frames.get(a + j).equals(frames.get(b + j))) {
                return false;
            }
        }
        return true;
    }

    private static String summary(List<String> block, int more) {
        if (block.size() == 1) {
            return String.format("... %,d more call%s of %s", more, more == 1 ? "" : "s", label(block.get(0)));
        }
        // Name the cell's own frames; library frames in between (streams, reflection) are counted.
        List<String> names = new ArrayList<>();
        int library = 0;
        for (String f : block) {
            if (f.contains("(cell line ") || f.contains("(cell [") || f.startsWith("at cell ")) {
                names.add(label(f));
            } else {
                library++;
            }
        }
        if (names.isEmpty()) {
            names.add(label(block.get(0)));
            library--;
        }
        if (library > 0) {
            names.add(library + " library frame" + (library == 1 ? "" : "s"));
        }
        return String.format("... the %d calls above repeated %,d more time%s (%s)", block.size(), more,
                more == 1 ? "" : "s", String.join(" -> ", names));
    }

    /** "fact (cell line 2)" from "at fact (cell line 2):  return n * fact(n - 1);". */
    static String label(String frame) {
        String s = frame.startsWith("at ") ? frame.substring(3) : frame;
        int source = s.indexOf("):  ");
        return source >= 0 ? s.substring(0, source + 1) : s;
    }
}

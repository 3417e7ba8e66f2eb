package org.javadl.kernel.engine;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FrameCollapserTest {
    @Test
    void collapsesARunOfOneFrame() {
        List<String> frames = new ArrayList<>(Collections.nCopies(1024, "at fact (cell line 2):  return n * fact(n - 1);"));
        frames.add("at cell line 4:  fact(20)");
        List<String> out = FrameCollapser.collapse(frames, "  ");
        assertEquals(List.of("  at fact (cell line 2):  return n * fact(n - 1);",
                "  ... 1,023 more calls of fact (cell line 2)",
                "  at cell line 4:  fact(20)"), out);
    }

    @Test
    void collapsesMutualRecursion() {
        List<String> frames = new ArrayList<>();
        frames.add("at java.base/java.lang.String.valueOf(String.java:1)");
        for (int i = 0; i < 300; i++) {
            frames.add("at a (cell line 1):  a");
            frames.add("at b (cell line 2):  b");
            frames.add("at c (cell line 3):  c");
        }
        List<String> out = FrameCollapser.collapse(frames, "");
        assertEquals(5, out.size(), out.toString());
        assertEquals("... the 3 calls above repeated 299 more times (a (cell line 1) -> b (cell line 2) -> c (cell line 3))",
                out.get(4));
    }

    @Test
    void leavesShortRepeatsAlone() {
        List<String> frames = List.of("at f (cell line 1)", "at f (cell line 1)", "at g (cell line 2)");
        assertEquals(3, FrameCollapser.collapse(frames, "").size());
    }
}

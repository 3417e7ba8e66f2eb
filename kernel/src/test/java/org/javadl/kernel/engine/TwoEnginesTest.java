package org.javadl.kernel.engine;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two engines in one JVM keep apart: each cell's value, error and definitions are its own
 * engine's, whether their cells take turns on one thread or run at the same time on two.
 */
class TwoEnginesTest {
    private static EngineSession left;
    private static EngineSession right;

    @BeforeAll
    static void start() {
        left = new EngineSession();
        right = new EngineSession();
    }

    @AfterAll
    static void stop() {
        left.close();
        right.close();
    }

    @Test
    void interleavedCellsEachGetTheirOwnResults() {
        left.ok("int side = 1; String name() { return \"left\"; }");
        right.ok("int side = 2; String name() { return \"right\"; }");
        for (int i = 0; i < 20; i++) {
            assertEquals(100 * i + 1, left.ok("side + " + 100 * i).value());
            assertEquals(100 * i + 2, right.ok("side + " + 100 * i).value());
            assertEquals("left" + i, left.ok("name() + " + i).value());
            assertEquals("right" + i, right.ok("name() + " + i).value());
        }
        // Each engine's real objects come back, not the other's nor a copy.
        Object leftList = left.ok("new java.util.ArrayList<>(List.of(\"a\"))").value();
        Object rightList = right.ok("new java.util.ArrayList<>(List.of(\"b\", \"c\"))").value();
        assertEquals(List.of("a"), leftList);
        assertEquals(List.of("b", "c"), rightList);
        assertNotSame(leftList, rightList);
    }

    @Test
    void anErrorInOneEngineIsNotTheOthersResult() {
        CellOutcome.Failure f = left.failure("Integer.parseInt(\"not a number\")");
        assertEquals("java.lang.NumberFormatException", f.ename());
        assertEquals(7, right.ok("3 + 4").value(), "the other engine's next cell is its own");
        assertTrue(String.join("\n", f.traceback()).contains("not a number"), f.traceback().toString());
        assertEquals(8, left.ok("4 + 4").value(), "and the failing engine goes on");
    }

    @Test
    void cellsRunningAtTheSameTimeOnTwoThreadsGetTheirOwnResults() throws Exception {
        CompletableFuture<List<Object>> l = CompletableFuture.supplyAsync(() -> values(left, "L"));
        CompletableFuture<List<Object>> r = CompletableFuture.supplyAsync(() -> values(right, "R"));
        List<Object> lv = l.get(120, TimeUnit.SECONDS);
        List<Object> rv = r.get(120, TimeUnit.SECONDS);
        for (int i = 0; i < lv.size(); i++) {
            assertEquals("L" + i, lv.get(i));
            assertEquals("R" + i, rv.get(i));
        }
    }

    /** Cells that take some milliseconds each, so that the two engines' cells overlap. */
    private static List<Object> values(EngineSession s, String tag) {
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            CellOutcome o = s.run("long spin" + tag + " = System.nanoTime() + 2_000_000L; "
                    + "while (System.nanoTime() < spin" + tag + ") { Thread.onSpinWait(); } \"" + tag + "\" + " + i);
            out.add(assertInstanceOf(CellOutcome.Success.class, o, () -> tag + ": " + o).value());
        }
        return out;
    }
}

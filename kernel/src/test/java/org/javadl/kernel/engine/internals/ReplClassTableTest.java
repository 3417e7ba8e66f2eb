package org.javadl.kernel.engine.internals;

import org.javadl.kernel.engine.EngineSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * JShell's clean-up after each javac task of a cell walks only the REPL classes of javac's class
 * table, and still removes all of them: redefined classes are seen as redefined, and the index
 * stays complete over many cells (the sweeper checks it every 32 cells).
 */
class ReplClassTableTest {
    private static EngineSession session;

    @BeforeAll
    static void start() {
        session = new EngineSession();
    }

    @AfterAll
    static void stop() {
        session.close();
    }

    @Test
    void cellsWalkOnlyTheReplClasses() {
        assertTrue(ReplClassTable.active(), "javac's class tables are indexed");
        long before = ReplClassTable.narrowedSoFar();
        assertEquals(2, session.ok("1 + 1").value());
        assertTrue(ReplClassTable.narrowedSoFar() - before >= 2, "each javac task of the cell walked the index");
    }

    @Test
    void redefinedClassesAreNotKeptStale() {
        session.ok("class Shape { int sides() { return 3; } }");
        assertEquals(3, session.ok("new Shape().sides()").value());
        session.ok("class Shape { int sides() { return 4; } String name() { return \"square\"; } }");
        assertEquals(4, session.ok("new Shape().sides()").value());
        assertEquals("square", session.ok("new Shape().name()").value());
        session.ok("record Pair(int a, int b) { int sum() { return a + b; } }");
        assertEquals(7, session.ok("new Pair(3, 4).sum()").value());
    }

    @Test
    void theIndexStaysCompleteOverManyCells() {
        for (int i = 0; i < 70; i++) {
            session.ok("class Many" + i + " { static int v() { return " + i + "; } }\nMany" + i + ".v()");
        }
        assertEquals(69, session.ok("Many69.v()").value());
        assertTrue(ReplClassTable.active(), "a sweep found a REPL class missing from the index");
    }
}

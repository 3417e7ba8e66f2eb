package org.javadl.kernel.engine.internals;

import org.javadl.kernel.engine.CellOutcome;
import org.javadl.kernel.engine.EngineSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A cell that fails to compile only because a patch hid an earlier definition from javac is
 * compiled again without the patches, runs correctly, and is counted; a cell with a real mistake
 * is compiled twice and fails as it should; correct cells are compiled once.
 */
class CompileSafetyNetTest {
    private static EngineSession session;

    @BeforeAll
    static void start() {
        session = new EngineSession();
        ok("int twice(int x) { return 2 * x; }");
        ok("class Point { final int x; Point(int x) { this.x = x; } }");
    }

    @AfterAll
    static void stop() {
        session.close();
    }

    @AfterEach
    void unhide() {
        session.engine().patches().withholdImportForTests(null);
    }

    private static CellOutcome.Success ok(String code) {
        return session.ok(code);
    }

    @Test
    void correctCellsCompileOnce() {
        long retries = CompileSafetyNet.retries();
        assertEquals(42, ok("twice(21)").value());
        ok("int thrice(int x) { return twice(x) + x; }");
        assertEquals(9, ok("thrice(3)").value());
        assertEquals(0, CompileSafetyNet.retries() - retries, "second compilations for correct cells");
    }

    @Test
    void anExpressionAPatchBrokeIsRescued() {
        long retries = CompileSafetyNet.retries();
        long rescues = CompileSafetyNet.rescues();
        session.engine().patches().withholdImportForTests("twice");
        assertEquals(14, ok("twice(7)").value(), "the cell runs, compiled without the patches");
        assertEquals(1, CompileSafetyNet.retries() - retries);
        assertEquals(1, CompileSafetyNet.rescues() - rescues);
    }

    @Test
    void aDeclarationAPatchBrokeIsRescued() {
        long rescues = CompileSafetyNet.rescues();
        session.engine().patches().withholdImportForTests("Point");
        // Without Point's import JShell would take this method as waiting for a class Point.
        ok("int xOf(Point p) { return p.x; }");
        assertTrue(CompileSafetyNet.rescues() - rescues >= 1, "the declaration was compiled again");
        session.engine().patches().withholdImportForTests(null);
        assertEquals(5, ok("xOf(new Point(5))").value(), "the rescued method is defined and usable");
    }

    @Test
    void aRealMistakeStillFailsAfterTheSecondTry() {
        long retries = CompileSafetyNet.retries();
        long rescues = CompileSafetyNet.rescues();
        session.failure("twice(\"not a number\")");
        assertEquals(1, CompileSafetyNet.retries() - retries, "compiled again without the patches");
        assertEquals(0, CompileSafetyNet.rescues() - rescues, "and failed again: not a patch's fault");
    }

    @Test
    void forwardReferencesAreNotCompiledAgain() {
        long retries = CompileSafetyNet.retries();
        // Waits for a class nobody defined: JShell's forward reference, not a patch's doing.
        ok("int later() { return NotYetDefined.VALUE; }");
        assertEquals(0, CompileSafetyNet.retries() - retries);
    }

    @Test
    void aSyntaxErrorFailsAsBefore() {
        long rescues = CompileSafetyNet.rescues();
        CellOutcome.Failure f = session.failure("int broken( {");
        assertEquals("CompilationError", f.ename());
        assertEquals(0, CompileSafetyNet.rescues() - rescues);
    }

    @Test
    void theSimpleNameOfAnUnresolvedDependency() {
        assertEquals("f", CompileSafetyNet.simpleName("method f(int)"));
        assertEquals("B", CompileSafetyNet.simpleName("class B"));
        assertEquals("x", CompileSafetyNet.simpleName("x"));
    }
}

package org.javadl.kernel.engine.internals;

import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** javac's class table keeps no trace of the wrapper classes JShell has it forget. */
class ReplSymbolSweeperTest {
    @Test
    void emptyEntriesLeftByJshellAreSweptAndEvaluationGoesOn() {
        try (JShell shell = JShell.builder().executionEngine("local").build()) {
            ReplSymbolSweeper sweeper = ReplSymbolSweeper.forShell(shell);
            assertNotNull(sweeper, "the sweeper must be active in tests (surefire opens jdk.compiler)");
            for (int i = 0; i < 30; i++) {
                eval(shell, "int v" + i + " = " + i + ";");
                eval(shell, "v" + i + " + 1");
            }
            int swept = sweeper.sweep();
            // Each evaluation compiles new wrapper classes, and JShell's clean-up leaves each name.
            assertTrue(swept >= 60, "empty class entries swept: " + swept);
            assertEquals(0, sweeper.sweep(), "nothing is left to sweep right after a sweep");
            eval(shell, "int w = v29 * 2;");
            assertEquals("58", shell.varValue(shell.variables().filter(v -> v.name().equals("w")).findFirst().orElseThrow()));
        }
    }

    private static void eval(JShell shell, String code) {
        for (SnippetEvent e : shell.eval(code)) {
            assertTrue(e.status() == Snippet.Status.VALID, () -> code + ": " + e.status() + " " + e.exception());
        }
    }
}

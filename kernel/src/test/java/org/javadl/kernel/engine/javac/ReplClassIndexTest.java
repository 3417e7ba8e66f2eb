package org.javadl.kernel.engine.javac;

import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** JShell's clean-up walks only the REPL entries of javac's class tables, and still removes every REPL class. */
class ReplClassIndexTest {
    @Test
    void cleanUpSeesOnlyReplEntriesAndStillForgetsEveryReplClass() {
        try (JShell shell = JShell.builder().executionEngine("local").build()) {
            eval(shell, "import java.util.*;");
            eval(shell, "import java.util.stream.*;");
            ReplClassIndex index = ReplClassIndex.forShell(shell);
            assertNotNull(index, "the index must be active in tests (surefire opens jdk.compiler)");
            ReplSymbolSweeper sweeper = ReplSymbolSweeper.forShell(shell);
            assertNotNull(sweeper);
            for (int i = 0; i < 20; i++) {
                eval(shell, "record P" + i + "(int a) { int twice() { return 2 * a; } }");
                eval(shell, "int v" + i + " = new P" + i + "(" + i + ").twice();");
                eval(shell, "List.of(v" + i + ").stream().map(x -> x + 1).collect(Collectors.toList())");
                index.indexNewContexts();
            }
            eval(shell, "record P3(int a, int b) { int twice() { return 2 * (a + b); } }"); // redefined
            eval(shell, "int w = new P3(1, 2).twice() + v19;");
            assertEquals("44", shell.varValue(shell.variables().filter(v -> v.name().equals("w")).findFirst().orElseThrow()));

            ReplClassIndex.Counts c = index.counts();
            assertEquals(0, c.replClassesLeft(), "JShell's clean-up must still remove every REPL class: " + c);
            assertTrue(c.all() > 500, "the tables know the imported packages' classes: " + c);
            assertTrue(c.indexed() > 0 && c.indexed() < c.all() / 4, "the clean-up walks a small part: " + c);

            int swept = sweeper.sweep();
            assertTrue(swept > 0, "the sweeper empties the index's dead entries too");
            ReplClassIndex.Counts after = index.counts();
            assertEquals(0, after.indexed(), "nothing but empty REPL entries was indexed: " + after);
            assertEquals(c.all() - swept, after.all());
            eval(shell, "int z = w + 1;");
            assertEquals("45", shell.varValue(shell.variables().filter(v -> v.name().equals("z")).findFirst().orElseThrow()));
        }
    }

    private static void eval(JShell shell, String code) {
        for (SnippetEvent e : shell.eval(code)) {
            if (e.causeSnippet() != null) {
                continue; // the replaced definition's OVERWRITTEN event
            }
            assertTrue(e.status() == Snippet.Status.VALID, () -> code + ": " + e.status() + " " + e.exception()
                    + " " + shell.diagnostics(e.snippet()).map(d -> d.getMessage(null)).toList());
        }
    }
}

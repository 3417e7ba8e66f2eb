package org.javadl.kernel.engine;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The answer given while JShell is still starting: bracket balance, strings and comments skipped. */
class RoughIsCompleteTest {
    @Test
    void openBracketsMeanIncompleteWithAnIndentPerLevel() {
        assertEquals(new CodeAssist.IsComplete("incomplete", "    "), CodeAssist.roughIsComplete("void f() {"));
        assertEquals(new CodeAssist.IsComplete("incomplete", "        "),
                CodeAssist.roughIsComplete("for (int i = 0; i < 3; i++) {\n  if (i > 0) {"));
        assertEquals("incomplete", CodeAssist.roughIsComplete("Math.max(1,").status());
    }

    @Test
    void balancedCodeIsComplete() {
        assertEquals("complete", CodeAssist.roughIsComplete("1 + 1").status());
        assertEquals("complete", CodeAssist.roughIsComplete("void f() {\n  return;\n}").status());
        assertEquals("complete", CodeAssist.roughIsComplete("String s = \"{(\"; // {").status());
        assertEquals("complete", CodeAssist.roughIsComplete("char c = '{'; /* ( */").status());
    }
}

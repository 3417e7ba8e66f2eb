package org.javadl.kernel.engine.internals;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The slim sources that stand in for forgotten snippets' wrappers count lines as JShell does. */
class SnippetHistoryTrimmerTest {
    @Test
    void jshellLineCountsAreKeptBySlimSources() {
        assertEquals(3, SnippetHistoryTrimmer.newlines("package REPL;\nimport a.B;\nclass X {\n"));
        assertEquals(0, SnippetHistoryTrimmer.newlines("\nclass X {\n")); // JShell stops at a leading newline
        String slim = SnippetHistoryTrimmer.sameLines("package REPL;\nimport a.B;\nclass X {\n");
        assertEquals(3, SnippetHistoryTrimmer.newlines(slim));
        assertTrue(slim.isBlank());
    }
}

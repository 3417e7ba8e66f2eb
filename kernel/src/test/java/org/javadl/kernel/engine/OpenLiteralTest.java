package org.javadl.kernel.engine;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class OpenLiteralTest {
    @Test
    void findsAnOpenComment() {
        OpenLiteral.Open open = OpenLiteral.find("int a = 1;\n/* not closed");
        assertEquals(OpenLiteral.Kind.COMMENT, open.kind());
        assertEquals(11, open.offset());
    }

    @Test
    void commentMarkersInsideStringsAndLineCommentsDoNotCount() {
        assertNull(OpenLiteral.find("String s = \"/* not a comment\"; // nor /* this\nint b = 2;"));
        assertNull(OpenLiteral.find("char c = '\\''; String q = \"\\\"/*\";"));
        assertNull(OpenLiteral.find("/* closed */ int x; /** doc */"));
    }

    @Test
    void findsOpenTextBlocksAndLiterals() {
        assertEquals(OpenLiteral.Kind.TEXT_BLOCK, OpenLiteral.find("String t = \"\"\"\n  abc\n").kind());
        assertNull(OpenLiteral.find("String t = \"\"\"\n  a \\\"\"\" b\n  \"\"\";"));
        assertEquals(OpenLiteral.Kind.STRING, OpenLiteral.find("String s = \"abc;\nint x;").kind());
        assertEquals(OpenLiteral.Kind.CHAR, OpenLiteral.find("char c = 'x;").kind());
    }

    @Test
    void isCompleteWithoutJShellSaysIncompleteForAnOpenComment() {
        assertEquals("incomplete", CodeAssist.roughIsComplete("/* open").status());
        assertEquals("complete", CodeAssist.roughIsComplete("/* closed */").status());
    }
}

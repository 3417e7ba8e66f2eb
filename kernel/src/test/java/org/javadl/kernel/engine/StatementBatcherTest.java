package org.javadl.kernel.engine;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StatementBatcherTest {
    @Test
    void statementsAreRecognised() {
        for (String s : new String[]{"x = 1;", "x += i;", "a[i] = 2;", "i++;", "++i;", "System.out.println(x);",
                "list.add(3);", "for (int i = 0; i < 3; i++) { }", "if (x > 0) y = 1;", "{ int local = 1; }",
                "// a comment\nx = 2;", "throw new RuntimeException();", "a.b.c = 4;"}) {
            assertTrue(StatementBatcher.isPlainStatement(s), s);
        }
    }

    @Test
    void declarationsAndAmbiguousShapesAreNot() {
        for (String s : new String[]{"int x = 1;", "var y = 2;", "String s = \"a\";", "List<String> l = null;",
                "Map.Entry<String, Integer> e = null;", "java.util.List<String> xs = null;", "Foo.Bar b = null;",
                "int[] a = {1};", "Foo[] fs = null;", "void f() {}", "class A {}", "record R(int a) {}",
                "import java.util.*;", "static int k = 1;", "final int k = 1;", "@Deprecated void g() {}",
                "x == 1", "new Foo().bar();", "Foo(1);", "label: for (;;) {}", ""}) {
            assertFalse(StatementBatcher.isPlainStatement(s), s);
        }
    }
}

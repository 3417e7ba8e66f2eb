package org.javadl.kernel.engine;

import org.javadl.kernel.engine.internals.SnippetHistoryTrimmer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The engine in-process: values, state, errors as cell lines, hostile cells, interrupt. */
class JavaEngineTest {
    private static JavaEngine engine;
    private static int cell;

    @BeforeAll
    static void start() {
        engine = JavaEngine.standard();
        engine.awaitReady();
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    private static CellOutcome run(String code) {
        return engine.execute(code, ++cell);
    }

    private static Object value(String code) {
        CellOutcome o = run(code);
        CellOutcome.Success s = assertInstanceOf(CellOutcome.Success.class, o, () -> "cell failed: " + o);
        assertTrue(s.hasValue(), "expected a value from: " + code);
        return s.value();
    }

    private static CellOutcome.Failure failure(String code) {
        CellOutcome o = run(code);
        return assertInstanceOf(CellOutcome.Failure.class, o, () -> "cell should have failed: " + code);
    }

    private static String traceback(CellOutcome.Failure f) {
        return String.join("\n", f.traceback()).replaceAll("\u001b\\[[0-9;]*m", "");
    }

    @Test
    void preloadedNamesWorkInAFirstCell() {
        assertEquals(0.6224593312018546, (Double) value("sigmoid(0.5)"), 1e-15);
        Object table = value("Table.create(\"t\").addColumns(DoubleColumn.create(\"x\", 1, 2))");
        assertEquals("tech.tablesaw.api.Table", table.getClass().getName());
        assertEquals("org.knowm.xchart.XYChart", value("new XYChart(200, 100)").getClass().getName());
        assertEquals("org.javadl.graph.TextTable", value("new TextTable(\"a\").row(\"1\")").getClass().getName());
    }

    @Test
    void longSessionsKeepOnlyTheClassesOfLiveDefinitions() {
        run("int base = 10;");
        run("int g(int x) { return x + base; }");
        run("interface Shape { double area(); }");
        run("class Sq implements Shape { double s; Sq(double s) { this.s = s; } public double area() { return s * s; } }");
        run("Shape unit = new Shape() { public double area() { return 1; } };");
        run("java.util.function.IntUnaryOperator twice = x -> 2 * x;");
        int before = engine.compiledClassCount();
        assertTrue(before > 0, "the pruner must be active in tests (surefire opens jdk.jshell)");
        for (int i = 0; i < 150; i++) {
            run("int h() { return " + i + "; }"); // redefined every time: the old ones are overwritten
            run("int t = h() + g(1); t");
            run("System.out.print(\"\");");
        }
        int after = engine.compiledClassCount();
        assertTrue(after <= before + 5, "class files grew from " + before + " to " + after + " over 450 cells");
        // Everything that is still defined still works, including what depends on replaced code.
        assertEquals(149 + 11, value("h() + g(1)"));
        run("int g(int x) { return x + base + 1; }");
        assertEquals(149 + 12, value("h() + g(1)"));
        assertEquals(6.25, (Double) value("new Sq(2.5).area()"), 0);
        assertEquals(1.0, (Double) value("unit.area()"), 0);
        assertEquals(14, value("twice.applyAsInt(7)"));
        run("class Sq implements Shape { double s; Sq(double s) { this.s = s; } public double area() { return 4 * s; } }");
        assertEquals(10.0, (Double) value("new Sq(2.5).area()"), 0);
        assertEquals(3, value("List.of(new Sq(1), new Sq(2), unit).size()"));
    }

    @Test
    void aDefinitionRepeatedExactlyStillWorksInLaterCells() {
        // JShell compiles a variable declared again as it was into a wrapper class of the same
        // name; the after-cell pruning once removed that class with the replaced snippet.
        for (int round = 0; round < 3; round++) {
            run("int repeatedVar = 5;");
            run("int repeatedMethod() { return 6; }");
            run("class RepeatedClass { int v() { return 7; } }");
            run("System.out.print(\"\");");
            assertEquals(18, value("repeatedVar + repeatedMethod() + new RepeatedClass().v()"));
        }
    }

    @Test
    void longSessionsForgetTheSourceOfSnippetsThatCanNoLongerRun() {
        run("List<java.util.function.IntUnaryOperator> saved = new ArrayList<>();");
        int stored = cell + 1;
        run("saved.add(x -> {\n  int y = 7;\n  return y / x;\n});"); // dropped after the cell; the lambda lives on
        run("int k(int x) { return x; }");
        run("class Point { int x = 1; }");
        run("double[] data = new double[10];");
        SnippetHistoryTrimmer.History before = engine.snippetHistory();
        assertTrue(before != null, "the history trimmer must be active in tests (surefire opens jdk.jshell)");
        for (int i = 0; i < 120; i++) {
            run("int k(int x) { return x + " + i + "; }"); // overwrites the previous k
            run("double[] data = new double[" + (10 + i) + "];"); // overwrites the previous data
            run("k(1) + data.length + new Point().x"); // an expression: dropped after its cell
            run("System.out.print(\"\");"); // a statement: dropped after its cell
        }
        SnippetHistoryTrimmer.History after = engine.snippetHistory();
        // JShell remembered all 480 snippets, each with a generated class source that starts
        // with one import line per definition; now only the live ones are remembered in full.
        assertTrue(after.snippets() <= before.snippets() + 5,
                "snippets remembered: " + before.snippets() + " -> " + after.snippets());
        long perCell = (after.sourceChars() - before.sourceChars()) / 480;
        assertTrue(perCell < 150, "generated source kept per cell: " + perCell + " chars ("
                + before.sourceChars() + " -> " + after.sourceChars() + ")");
        // What is live works, and so does the stack trace of a lambda stored by a forgotten snippet.
        assertEquals(1 + 119 + 129 + 1, value("k(1) + data.length + new Point().x"));
        String tb = traceback(failure("saved.get(0).applyAsInt(0)"));
        assertTrue(tb.contains("cell [" + stored + "], line 3") && tb.contains("return y / x;"), tb);
        // JShell reads the source of a live definition again to document it: that is kept whole.
        assertTrue(engine.inspect("k(1)", 1).found(), "no documentation for a user-defined method");
    }

    @Test
    void tracesThroughCodeOfADroppedSnippetStillNameItsCell() {
        // The expression that stored the lambda is dropped after its cell; its wrapper must still
        // translate the frame (a reason not to discard JShell's wraps of dropped snippets).
        run("List<java.util.function.IntUnaryOperator> callbacks = new ArrayList<>();");
        int stored = cell + 1;
        run("callbacks.add(x -> {\n  int y = 10;\n  return y / x;\n});");
        String tb = traceback(failure("callbacks.get(0).applyAsInt(0)"));
        assertTrue(tb.contains("cell [" + stored + "], line 3") && tb.contains("return y / x;"), tb);
    }

    @Test
    void keepsTheRealResultObject() {
        Object v = value("new java.util.ArrayList<>(List.of(1, 2))");
        assertInstanceOf(ArrayList.class, v);
        assertEquals(List.of(1, 2), v);
        assertEquals(4, value("2 + 2"));
        assertEquals(null, value("(String) null"));
    }

    @Test
    void declarationsAndStatementsShowNoValue() {
        CellOutcome o = run("int quiet = 1;\nSystem.out.print(\"\");");
        assertEquals(new CellOutcome.Success(false, null), o);
    }

    @Test
    void stateVariablesMethodsClassesPersistAndCanBeRedefined() {
        run("int counter = 41;");
        assertEquals(42, value("counter + 1"));
        run("int twice(int x) { return 2 * x; }");
        assertEquals(10, value("twice(5)"));
        run("int twice(int x) { return 3 * x; }");
        assertEquals(15, value("twice(5)"));
        run("class Point { int x = 1; }");
        run("class Point { int x = 2; int y = 3; }");
        assertEquals(5, value("new Point().x + new Point().y"));
        run("import java.util.concurrent.atomic.AtomicInteger;");
        assertEquals(7, value("new AtomicInteger(7).get()"));
    }

    @Test
    void libraryIsPreloaded() {
        assertEquals(1.0 / (1.0 + Math.exp(-0.5)), (double) value("sigmoid(0.5)"), 1e-15);
    }

    @Test
    void severalSnippetsInOneCellAndTheLastValueIsShown() {
        assertEquals(12, value("int a = 5;\nint b = 7;\na + b"));
    }

    @Test
    void compileErrorPointsAtCellLineAndColumn() {
        CellOutcome.Failure f = failure("int ok = 1;\nint alsoOk = 2;\nint bad = \"text\";");
        assertEquals(ErrorFormatter.COMPILE_ERROR, f.ename());
        assertTrue(f.evalue().startsWith("cell line 3, column 11: incompatible types"), f.evalue());
        String tb = traceback(f);
        assertTrue(tb.contains("> 3 | int bad = \"text\";"), tb);
        assertTrue(tb.contains("^^^^^^"), tb);
    }

    @Test
    void runtimeExceptionFramesAreCellLines() {
        run("void explode(String why) {\n  throw new IllegalStateException(why);\n}");
        int defined = cell;
        CellOutcome.Failure f = failure("int before = 1;\nexplode(\"boom\");");
        assertEquals("java.lang.IllegalStateException", f.ename());
        assertEquals("boom", f.evalue());
        String tb = traceback(f);
        assertTrue(tb.contains("at explode (cell [" + defined + "], line 2)"), tb);
        assertTrue(tb.contains("at cell line 2"), tb);
        assertFalse(tb.contains("jdk.jshell"), tb);
        assertFalse(tb.contains("org.javadl.kernel"), tb);
        assertFalse(tb.contains("REPL."), tb);
    }

    @Test
    void framesOfAMethodDefinedLaterInTheSameCell() {
        CellOutcome.Failure f = failure("int depthVar = 0;\n\nvoid boomNow() {\n    throw new IllegalStateException(\"kaboom\");\n}\nboomNow();");
        String tb = traceback(f);
        assertTrue(tb.contains("at boomNow (cell line 4)"), tb);
        assertTrue(tb.contains("at cell line 6"), tb);
    }

    @Test
    void causesAreShown() {
        CellOutcome.Failure f = failure("throw new RuntimeException(\"outer\", new java.io.IOException(\"inner\"));");
        String tb = traceback(f);
        assertTrue(tb.contains("Caused by: java.io.IOException: inner"), tb);
    }

    @Test
    void exitCallsDoNotEndTheKernel() {
        run("int survivor = 99;");
        for (String exit : List.of("System.exit(0);", "Runtime.getRuntime().exit(1);", "Runtime.getRuntime().halt(2);",
                "java.util.function.IntConsumer c = System::exit; c.accept(3);")) {
            CellOutcome.Failure f = failure(exit);
            assertEquals(CellExitException.class.getName(), f.ename(), exit);
            assertTrue(f.evalue().contains("would end the kernel"), f.evalue());
        }
        assertEquals(99, value("survivor"));
    }

    @Test
    void stackOverflowAndOutOfMemoryAreOrdinaryErrors() {
        run("int keep = 5;");
        run("int down(int n) { return down(n + 1) + 1; }");
        assertEquals("java.lang.StackOverflowError", failure("down(0)").ename());
        assertEquals("java.lang.OutOfMemoryError", failure("long[] huge = new long[Integer.MAX_VALUE - 8];").ename());
        assertEquals(5, value("keep"));
    }

    @Test
    void interruptStopsABusyLoopAndKeepsState() throws Exception {
        run("long spins = 0;");
        CompletableFuture<CellOutcome> busy = CompletableFuture.supplyAsync(() -> run("while (true) { spins++; }"));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!engine.isRunning() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        Thread.sleep(300);
        engine.interrupt();
        CellOutcome o = busy.get(5, TimeUnit.SECONDS);
        assertEquals("Interrupted", assertInstanceOf(CellOutcome.Failure.class, o).ename());
        assertTrue(((Number) value("spins")).longValue() > 0);
        assertEquals(3, value("1 + 2"));
    }

    @Test
    void aLongCellOfStatementsRunsInOneGo() {
        StringBuilder code = new StringBuilder("long total = 0;\n");
        for (int i = 1; i <= 2000; i++) {
            code.append("total += ").append(i).append(";\n");
        }
        code.append("total");
        assertEquals(2000L * 2001 / 2, value(code.toString()));
    }

    @Test
    void aRejectedBatchFallsBackAndReportsTheRightLine() {
        CellOutcome.Failure f = failure("int z = 0;\nz += 1;\nz += undefinedName;\nz += 2;\nz");
        assertTrue(f.evalue().startsWith("cell line 3"), f.evalue());
        assertTrue(f.evalue().contains("cannot find symbol"), f.evalue());
    }

    @Test
    void anExceptionInsideABatchNamesItsCellLine() {
        CellOutcome.Failure f = failure("int w = 0;\nw += 1;\nw += 2;\nif (w > 0) throw new IllegalStateException(\"in batch\");\nw += 3;\nw");
        assertTrue(traceback(f).contains("at cell line 4"), traceback(f));
        assertEquals(3, value("w")); // the statements before the throw ran, the one after did not
    }

    @Test
    void batchingNeverSwallowsDeclarations() {
        assertEquals(3, value("Map.Entry<String, Integer> pair = Map.entry(\"a\", 3);\nSystem.out.print(\"\");\npair.getValue()"));
    }

    @Test
    void toStringThatThrowsDoesNotBreakTheCell() {
        Object v = value("new Object() { public String toString() { throw new IllegalStateException(\"nope\"); } }");
        assertTrue(v != null);
    }

    @Test
    void isCompleteAnswersLikeJupyterExpects() {
        assertEquals("complete", engine.isComplete("int x = 1;").status());
        assertEquals("complete", engine.isComplete("void f() {\n  return;\n}").status());
        assertEquals("incomplete", engine.isComplete("for (int i = 0; i < 3; i++) {").status());
        assertEquals("    ", engine.isComplete("for (int i = 0; i < 3; i++) {").indent());
        assertEquals("incomplete", engine.isComplete("Math.max(1,").status());
        assertEquals("invalid", engine.isComplete("int x = 1 + ;").status());
        assertEquals("invalid", engine.isComplete("1 +* 2").status());
    }

    @Test
    void packageNamesCompleteFromTheFirstRequest() {
        // JShell's package index is built in the background, held back until the kernel is idle;
        // a completion request must not depend on whether that has happened yet.
        JavaEngine fresh = JavaEngine.standard();
        try {
            fresh.awaitReady();
            assertTrue(fresh.complete("import java.ut", 14).matches().contains("util."),
                    () -> fresh.complete("import java.ut", 14).matches().toString());
            assertTrue(fresh.complete("org.javadl.ten", 14).matches().contains("tensor."),
                    () -> fresh.complete("org.javadl.ten", 14).matches().toString());
            assertTrue(fresh.complete("tech.tablesaw.a", 15).matches().contains("api."),
                    () -> fresh.complete("tech.tablesaw.a", 15).matches().toString());
        } finally {
            fresh.close();
        }
    }

    @Test
    void completionAndInspection() {
        CodeAssist.Completion c = engine.complete("Math.ab", 7);
        assertTrue(c.matches().contains("abs("), c.matches().toString());
        assertEquals(5, c.cursorStart());
        run("double myVariable = 1;");
        assertTrue(engine.complete("int q = 1;\nmyVar", 16).matches().contains("myVariable"));
        assertTrue(engine.complete("sigm", 4).matches().stream().anyMatch(m -> m.startsWith("sigmoid")));
        CodeAssist.Documentation d = engine.inspect("Math.abs", 8);
        assertTrue(d.found());
        assertTrue(d.signatures().stream().anyMatch(s -> s.contains("abs(double")), d.signatures().toString());
        CodeAssist.Documentation lib = engine.inspect("sigmoid", 3);
        assertTrue(lib.found());
        assertTrue(lib.javadocs().stream().anyMatch(j -> j.toLowerCase().contains("sigmoid")), lib.javadocs().toString());
    }

    /**
     * Tracebacks carry emphasis only (bold and reset), never an ANSI colour: front ends paint error
     * output on tinted backgrounds of their own, and no ANSI colour reads on JupyterLab's light and
     * dark ones alike (tests/test_browser_lab.py measures what the browser shows).
     */
    @Test
    void tracebacksAreBoldNeverColoured() {
        java.util.regex.Pattern sgr = java.util.regex.Pattern.compile("\u001b\\[([0-9;]*)m");
        for (String code : List.of("int n = \"three\";", "/* never closed", "int[] a = new int[2];\na[5] = 1;",
                "throw new IllegalStateException(\"outer\", new ArithmeticException(\"inner\"));",
                "void later() { notYetDefined(); }\nlater();")) {
            String text = String.join("\n", failure(code).traceback());
            java.util.regex.Matcher m = sgr.matcher(text);
            int marks = 0;
            while (m.find()) {
                marks++;
                assertTrue(List.of("0", "1", "").contains(m.group(1)), "a colour in the traceback of " + code + ": " + m.group());
            }
            assertTrue(marks > 0, "no emphasis in the traceback of " + code + ":\n" + text);
        }
    }

    /**
     * An interrupt that arrives after the kernel took a request but before its code runs (a widget
     * message waiting for the engine, a cell still being read) is kept for that request: the code
     * ends at once instead of running forever. Outside a request, an interrupt while idle does not
     * touch the next cell.
     */
    @Test
    void anInterruptBeforeTheRequestsCodeRunsStopsItAndAnIdleOneDoesNot() throws Exception {
        engine.requestStarting();
        try {
            engine.interrupt();
            CompletableFuture<CellOutcome> loop = CompletableFuture.supplyAsync(() -> run("while (true) { }"));
            CellOutcome o;
            try {
                o = loop.get(10, TimeUnit.SECONDS);
            } finally {
                if (!loop.isDone()) {
                    engine.interrupt(); // the bug is back: free the engine for the other tests
                }
            }
            CellOutcome.Failure f = assertInstanceOf(CellOutcome.Failure.class, o);
            assertEquals("Interrupted", f.ename());
            java.util.concurrent.atomic.AtomicBoolean ran = new java.util.concurrent.atomic.AtomicBoolean();
            CellOutcome second = engine.runCallback(cell, () -> ran.set(true));
            assertEquals("Interrupted", assertInstanceOf(CellOutcome.Failure.class, second).ename(),
                    "the rest of an interrupted request is stopped too");
            assertFalse(ran.get(), "a callback ran after its request was interrupted");
        } finally {
            engine.requestEnded();
        }
        engine.interrupt(); // idle, no request
        assertEquals(2, value("1 + 1"));
        engine.requestStarting();
        try {
            assertEquals(3, value("1 + 2"), "a new request starts without the old interrupt");
        } finally {
            engine.requestEnded();
        }
    }
}

package org.javadl.kernel.engine.internals;

import org.javadl.kernel.engine.CellOutcome;
import org.javadl.kernel.engine.JavaEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Cells compile with only the imports of earlier definitions they name, and every way a cell can
 * reach an earlier definition still works: by name, through an overload, through a type it never
 * names, through code JShell recompiles, and in completion, which sees everything.
 */
class ReplImportTrimmerTest {
    private static JavaEngine engine;
    private static int cell;

    @BeforeAll
    static void start() {
        engine = JavaEngine.standard();
        engine.awaitReady();
        // Definitions that later cells do not name: each is an import the trimmer must drop.
        for (int i = 0; i < 40; i++) {
            run("int unusedVar" + i + " = " + i + ";");
            run("class Unused" + i + " { }");
        }
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    private static CellOutcome run(String code) {
        CellOutcome o = engine.execute(code, ++cell);
        assertInstanceOf(CellOutcome.Success.class, o, () -> "cell failed: " + code + "\n" + o);
        return o;
    }

    private static Object value(String code) {
        CellOutcome.Success s = (CellOutcome.Success) run(code);
        assertTrue(s.hasValue(), "expected a value from: " + code);
        return s.value();
    }

    @Test
    void cellsCompileWithOnlyTheImportsTheyName() {
        long removed = ReplImportTrimmer.removedSoFar();
        long added = ReplImportTrimmer.addedSoFar();
        assertEquals(42, value("40 + 2"));
        // While a cell runs JShell writes no imports of definitions (so none is removed), and a
        // cell that names no definition gets none added, though 80 are live.
        assertEquals(0, ReplImportTrimmer.addedSoFar() - added, "imports added for a cell naming no definition");
        assertEquals(0, ReplImportTrimmer.removedSoFar() - removed, "imports JShell wrote and the kernel removed");
        added = ReplImportTrimmer.addedSoFar();
        assertEquals(39, value("unusedVar39"), "a definition named by the cell is imported");
        long forOne = ReplImportTrimmer.addedSoFar() - added;
        // one import in each of the cell's compilations (an expression takes three or four)
        assertTrue(forOne >= 3 && forOne <= 6, "imports added for a cell naming one definition: " + forOne);
    }

    @Test
    void javacListsOnlyTheWrapperClassesACellCanReach() {
        long[] before = ReplClassListing.narrowedSoFar();
        assertEquals(6, value("new Unused3().hashCode() * 0 + unusedVar3 * 2"));
        long[] after = ReplClassListing.narrowedSoFar();
        long listings = after[0] - before[0];
        long listed = after[1] - before[1];
        // 80 live definitions have about 120 class files; the cell reaches two wrappers
        // (Unused3's with its class, unusedVar3's) and its own earlier compilations' none.
        assertTrue(listings >= 3, "narrowed listings: " + listings);
        assertTrue(listed <= 4 * listings, listed + " class files in " + listings + " listings");
    }

    @Test
    void aClassTheNarrowedListingMissesIsCompiledAgainWithEverything() {
        // Its own engine: after a miss, narrowing stays off for the session.
        try (JavaEngine own = JavaEngine.standard()) {
            own.awaitReady();
            assertInstanceOf(CellOutcome.Success.class, own.execute("class Hidden { int v() { return 9; } }", 1));
            assertInstanceOf(CellOutcome.Success.class, own.execute("Hidden makeHidden() { return new Hidden(); }", 2));
            own.patches().hideClassFilesForTests("$Hidden");
            try {
                CellOutcome o = own.execute("makeHidden().v()", 3);
                CellOutcome.Success s = assertInstanceOf(CellOutcome.Success.class, o, () -> "cell failed: " + o);
                assertEquals(9, s.value());
                assertEquals(10, ((CellOutcome.Success) own.execute("makeHidden().v() + 1", 4)).value(),
                        "later cells list everything");
            } finally {
                own.patches().hideClassFilesForTests(null);
            }
        }
    }

    @Test
    void overloadsFromDifferentCellsAreAllKept() {
        run("int over(int x) { return x + 1; }");
        run("String over(String s) { return s + \"!\"; }");
        assertEquals("2hi!", value("over(1) + over(\"hi\")"));
    }

    @Test
    void typesReachedWithoutTheirNameComeFromClassFiles() {
        run("class Box { int v; Box(int v) { this.v = v; } int twice() { return 2 * v; } }");
        run("Box makeBox(int v) { return new Box(v); }");
        // Neither cell below names Box: its import is dropped and javac reads it through makeBox.
        // (javac reads makeBox's wrapper, whose class file names Box's: the listing must follow it)
        assertEquals(14, value("makeBox(7).twice()"));
        assertEquals(5, value("var b = makeBox(5);\nb.v"));
        assertEquals(10, value("java.util.List.of(makeBox(1), makeBox(4)).stream().mapToInt(x -> x.twice()).sum()"));
    }

    @Test
    void redefinedTypesReachedThroughSignaturesAreListed() {
        // A definition given again gets a wrapper class with a version letter ($JShell$31B): the
        // class files naming it must lead javac's listing to it.
        run("class Crate { int v; Crate(int v) { this.v = v; } int get() { return v; } }");
        run("class Crate { int v; Crate(int v) { this.v = v; } int get() { return v + 100; } }");
        run("Crate makeCrate(int v) { return new Crate(v); }");
        run("Crate makeCrate(int v) { return new Crate(v * 2); }");
        assertEquals(106, value("makeCrate(3).get()"));
        run("java.util.function.IntFunction<Crate> crates = v -> makeCrate(v);");
        assertEquals(102, value("crates.apply(1).get()"));
    }

    @Test
    void aDefinitionShadowsAStarImportOnlyWhereItIsNamed() {
        run("import java.util.*;");
        run("class List { String what() { return \"mine\"; } }");
        assertEquals("mine", value("new List().what()"));
        // No cell name "List" here, so no REPL import: java.util's List is not in play either.
        assertEquals(3, value("Arrays.asList(1, 2, 3).size()"));
        run("List mine = new List();");
        assertEquals("mine", value("mine.what()"));
    }

    @Test
    void anonymousClassTypesOfVariablesStillWork() {
        run("var anon = new Object() { int k = 7; int plus(int x) { return k + x; } };");
        assertEquals(7, value("anon.k"));
        assertEquals(10, value("anon.plus(3)"));
        run("var alias = anon;");
        assertEquals(7, value("alias.k"));
    }

    @Test
    void codeJshellRecompilesSeesItsDependencies() {
        run("int base() { return 1; }");
        run("int usesBase() { return 10 * base(); }");
        run("class UsesBase { int get() { return usesBase() + 1; } }");
        assertEquals(11, value("new UsesBase().get()"));
        run("int base() { return 2; }"); // JShell recompiles usesBase and UsesBase
        assertEquals(21, value("new UsesBase().get()"));
        run("int later() { return notYetDefined() * 2; }"); // recoverable until defined
        run("int notYetDefined() { return 21; }");
        assertEquals(42, value("later()"));
    }

    @Test
    void qualifiedNamesMethodReferencesGenericsPatternsAndEnums() {
        run("class Outer { static class Inner { static int v = 3; } static int sq(int x) { return x * x; } }");
        assertEquals(3, value("Outer.Inner.v"));
        assertEquals(16, value("java.util.function.IntUnaryOperator op = Outer::sq;\nop.applyAsInt(4)"));
        run("record Pt(int x, int y) { }");
        assertEquals(2, value("java.util.List<Pt> pts = new java.util.ArrayList<>();\npts.add(new Pt(1, 2));\npts.get(0).y()"));
        assertEquals(3, value("Object o = new Pt(1, 2);\no instanceof Pt p ? p.x() + p.y() : -1"));
        run("enum Colour { RED, GREEN }");
        assertEquals("g", value("Colour c = Colour.GREEN;\nswitch (c) { case RED -> \"r\"; case GREEN -> \"g\"; }"));
        run("@java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME) @interface Note { String value(); }");
        run("@Note(\"x\") class Noted { }");
        assertEquals("x", value("Noted.class.getAnnotation(Note.class).value()"));
    }

    @Test
    void completionStillSeesEveryDefinition() {
        run("double aRatherLongVariableName = 1;");
        run("int unrelated = 2;");
        assertTrue(engine.complete("aRatherLong", 11).matches().contains("aRatherLongVariableName"));
        assertTrue(engine.complete("Unused3", 7).matches().stream().anyMatch(m -> m.startsWith("Unused3")));
    }
}

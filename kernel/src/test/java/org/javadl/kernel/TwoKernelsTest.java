package org.javadl.kernel;

import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;
import org.javadl.kernel.engine.JavaEngine;
import org.javadl.kernel.protocol.Language;
import org.javadl.kernel.protocol.OutputCapture;
import org.javadl.kernel.protocol.Outcome;
import org.javadl.kernel.runtime.DisplaySink;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two kernels in one JVM, driven cell by cell in turn: what each one's cells display, directly, from
 * threads they start, or from an executor, reaches that kernel's sink only, and what one registers
 * or sets for rendering leaves the other alone (issue 15 item 4).
 */
class TwoKernelsTest {
    private static final MIMEType TEXT = MIMEType.parse("text/plain");

    /** Where one kernel's displays went, as their text/plain. */
    private static final class Texts implements DisplaySink {
        final List<String> shown = new ArrayList<>();

        @Override
        public synchronized void display(DisplayData data) {
            shown.add(String.valueOf(data.getData(TEXT)));
        }

        @Override
        public synchronized void updateDisplay(DisplayData data) {
            shown.add("update " + data.getData(TEXT));
        }

        synchronized List<String> snapshot() {
            return List.copyOf(shown);
        }
    }

    private static final class Running {
        final JavaEngine engine = JavaEngine.standard();
        final JavaKernel kernel = new JavaKernel(engine);
        final Texts texts = new Texts();
        int count;

        Running() {
            kernel.connect(new Language.FrontEnd(texts, OutputCapture.standalone(), null));
        }

        Outcome.Ok ok(String code) {
            Outcome o = kernel.execute(code, ++count, false);
            return assertInstanceOf(Outcome.Ok.class, o, () -> "cell failed: " + code + "\n" + o);
        }

        String resultText(String code) {
            return ok(code).result().getAsJsonObject("data").get("text/plain").getAsString();
        }
    }

    private static Running a;
    private static Running b;

    @BeforeAll
    static void start() {
        a = new Running();
        b = new Running();
    }

    @AfterAll
    static void stop() {
        a.engine.close();
        b.engine.close();
    }

    @Test
    void interleavedCellsAndTheirThreadsDisplayIntoTheirOwnKernel() throws Exception {
        int before = a.texts.snapshot().size();
        int beforeB = b.texts.snapshot().size();
        // A thread of a's keeps displaying while b's cells run.
        a.ok("var ticker = new Thread(() -> { for (int i = 0; i < 20; i++) { display(\"a-thread \" + i);"
                + " try { Thread.sleep(5); } catch (InterruptedException e) { return; } } }); ticker.start();");
        for (int i = 0; i < 5; i++) {
            a.ok("display(\"a \" + " + i + ");");
            b.ok("display(\"b \" + " + i + ");");
        }
        b.ok("var pool = java.util.concurrent.Executors.newFixedThreadPool(2);"
                + " pool.submit(() -> display(\"b-pool\")).get(); pool.shutdown();");
        a.ok("ticker.join();");

        List<String> shownA = a.texts.snapshot().subList(before, a.texts.snapshot().size());
        List<String> shownB = b.texts.snapshot().subList(beforeB, b.texts.snapshot().size());
        assertEquals(25, shownA.size(), shownA::toString);
        assertTrue(shownA.stream().allMatch(t -> t.startsWith("\"a")), shownA::toString);
        assertEquals(List.of("\"a 0\"", "\"a 1\"", "\"a 2\"", "\"a 3\"", "\"a 4\""),
                shownA.stream().filter(t -> t.startsWith("\"a ")).toList());
        assertEquals(List.of("\"b 0\"", "\"b 1\"", "\"b 2\"", "\"b 3\"", "\"b 4\"", "\"b-pool\""), shownB);
    }

    @Test
    void aRendererOrDefaultSetInOneKernelLeavesTheOtherAlone() {
        a.ok("record Point(int x, int y) { }");
        b.ok("record Point(int x, int y) { }");
        a.ok("addRenderer(Point.class, (p, out, o) -> out.text(\"(\" + p.x() + \", \" + p.y() + \")\"));");
        a.ok("figureSize(320, 200);");
        assertEquals("(1, 2)", a.resultText("new Point(1, 2)"));
        assertEquals("Point[x=1, y=2]", b.resultText("new Point(1, 2)"));
        assertEquals(320, a.kernel.session().renderers().defaults().width());
        assertNotEquals(320, b.kernel.session().renderers().defaults().width());
    }

    @Test
    void aCellEndingInDisplayShowsItOnceInItsKernelOnly() {
        Outcome.Ok shown = a.ok("display(\"once\")");
        assertEquals(null, shown.result(), "the display id is not shown again as the value");
        // b did not see a's id: a string value there is shown as any string.
        assertEquals("\"x\"", b.resultText("\"x\""));
    }
}

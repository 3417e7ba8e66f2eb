package org.javadl.kernel.runtime;

import com.google.gson.JsonObject;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import org.javadl.kernel.display.MimeTypes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.javadl.kernel.display.BundleAssertions.data;
import static org.javadl.kernel.display.BundleAssertions.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CheckTest {
    private RecordingSink sink;
    private Session.Binding bound;

    @BeforeEach
    void install() {
        sink = new RecordingSink();
        bound = sink.bindNewSession();
    }

    @AfterEach
    void restore() {
        bound.close();
    }

    private JsonObject payload() {
        DisplayData d = sink.last().data();
        return ((com.google.gson.JsonElement) new com.google.gson.Gson().toJsonTree(data(d, MimeTypes.CHECK))).getAsJsonObject();
    }

    @Test
    void aCloseNumberPassesAndTheCardSaysSo() {
        assertTrue(Notebook.check("S(0)", 0.5 + 1e-12, 0.5));
        assertTrue(text(sink.last().data()).startsWith("✓ S(0): "), text(sink.last().data()));
        JsonObject p = payload();
        assertTrue(p.get("passed").getAsBoolean());
        assertEquals("S(0)", p.get("name").getAsString());
    }

    @Test
    void aWrongNumberFailsNamingTheQuantityExpectedAndGot() {
        assertFalse(Notebook.check("dL/dw2", -49.77, -49.7286, 1e-6));
        String t = text(sink.last().data());
        assertTrue(t.startsWith("✗ dL/dw2: expected -49.7286, got -49.77"), t);
        assertTrue(t.contains("max |diff| 0.0414"), t);
        JsonObject p = payload();
        assertFalse(p.get("passed").getAsBoolean());
        assertEquals(0.0414, p.get("max_abs_diff").getAsDouble(), 1e-9);
    }

    @Test
    void toleranceIsRelativeToTheExpectedMagnitude() {
        assertTrue(Notebook.check("big", 1000.0005, 1000.0, 1e-6));
        assertFalse(Notebook.check("small", 0.0005, 0.0, 1e-6));
    }

    @Test
    void arraysOfTheWrongShapeFailWithAMessage() {
        assertFalse(Notebook.check("y", new double[] {1, 2}, new double[] {1, 2, 3}));
        assertTrue(text(sink.last().data()).contains("length differs at the value: 2 vs expected 3"), text(sink.last().data()));
        assertFalse(Notebook.check("M", new double[][] {{1, 2}, {3, 4}}, new double[][] {{1, 2}, {3, 5}}));
        assertTrue(text(sink.last().data()).contains("differs at [1][1]"), text(sink.last().data()));
    }

    @Test
    void aMissingSolutionIsAFailureNotACrash() {
        assertFalse(Notebook.check("S(0)", null, 0.5));
        assertTrue(text(sink.last().data()).contains("got null (is the solution still missing?)"), text(sink.last().data()));
    }

    @Test
    void assertCloseThrowsWithTheSameMessageAndStillShowsTheCard() {
        Check.CheckFailure f = assertThrows(Check.CheckFailure.class,
                () -> Notebook.assertClose("loss", 0.7, 0.6931471805599453, 1e-9));
        assertTrue(f.getMessage().startsWith("✗ loss: expected 0.6931471805599453, got 0.7"), f.getMessage());
        assertEquals(1, sink.count("display"));
        Notebook.assertClose("loss", Math.log(2), 0.6931471805599453, 1e-12);
        assertEquals(2, sink.count("display"));
    }

    @Test
    void badArgumentsAreRejectedClearly() {
        assertThrows(IllegalArgumentException.class, () -> Notebook.check("", 1.0, 1.0));
        assertThrows(IllegalArgumentException.class, () -> Notebook.check("x", 1.0, null));
        assertThrows(IllegalArgumentException.class, () -> Notebook.check("x", 1.0, 1.0, -1));
    }
}

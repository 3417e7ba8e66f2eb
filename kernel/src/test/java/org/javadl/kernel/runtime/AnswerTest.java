package org.javadl.kernel.runtime;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import org.javadl.kernel.display.MimeTypes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.javadl.kernel.display.BundleAssertions.data;
import static org.javadl.kernel.display.BundleAssertions.parseHtmlFragment;
import static org.javadl.kernel.display.BundleAssertions.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AnswerTest {

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

    /** The payload as the kernel would serialise it. */
    private String published(String id, Object value) {
        Notebook.answer(id, value);
        DisplayData d = sink.last().data();
        return new Gson().toJson(data(d, MimeTypes.ANSWER));
    }

    @Test
    void integersStayIntegers() {
        assertEquals("{\"id\":\"hw001.q4_1.output_dim\",\"value\":4}", published("hw001.q4_1.output_dim", 4));
        assertEquals("{\"id\":\"hw001.q4_2.params_no_bias\",\"value\":10000000000}",
                published("hw001.q4_2.params_no_bias", 10_000_000_000L));
        assertEquals("{\"id\":\"hw001.q4_1.shape_after_conv1\",\"value\":[6,28,28]}",
                published("hw001.q4_1.shape_after_conv1", new int[] {6, 28, 28}));
    }

    @Test
    void doublesKeepFullPrecision() {
        double s = 1 / (1 + Math.exp(-1));
        String json = published("hw000.p1c.S_p10", s);
        assertEquals("{\"id\":\"hw000.p1c.S_p10\",\"value\":" + s + "}", json);
        assertEquals(s, new Gson().fromJson(json, com.google.gson.JsonObject.class).get("value").getAsDouble());
        assertTrue(published("hw000.p3a.sum_P", 0.1f).endsWith("\"value\":0.1}"), "floats widen via decimal");
    }

    @Test
    void vectorsAndMatricesAreArraysOfRows() {
        assertEquals("[1.0,0.0,2.0]", AnswerJson.toJson(new double[] {1, 0, 2}).toString());
        assertEquals("[[1.0,2.0],[3.0,4.0]]", AnswerJson.toJson(new double[][] {{1, 2}, {3, 4}}).toString());
        assertEquals("[[1,2],[3,4]]", AnswerJson.toJson(List.of(List.of(1, 2), List.of(3, 4))).toString());
        assertEquals("[3,5,7]", AnswerJson.toJson(List.of(3, 5, 7)).toString());
    }

    /** Stand-in for org.javadl.tensor.Tensor: flat row-major data plus a shape. */
    public static final class FakeTensor {
        public int[] shape() {
            return new int[] {2, 3};
        }

        public double[] data() {
            return new double[] {1, 2, 3, 4, 5, 6};
        }
    }

    @Test
    void tensorLikeObjectsAreReshaped() {
        assertEquals("[[1.0,2.0,3.0],[4.0,5.0,6.0]]", AnswerJson.toJson(new FakeTensor()).toString());
    }

    @Test
    void libraryTensorsAreArraysOfRows() {
        assertEquals("[[1.0,2.0],[3.0,4.0]]",
                AnswerJson.toJson(org.javadl.tensor.Tensor.of(new double[][] {{1, 2}, {3, 4}})).toString());
        assertEquals("[1.0,2.0]", AnswerJson.toJson(org.javadl.tensor.Tensor.of(1, 2)).toString());
        assertEquals("2.5", AnswerJson.toJson(org.javadl.tensor.Tensor.scalar(2.5)).toString());
    }

    @Test
    void nonFiniteNumbersBecomeStrings() {
        assertEquals("[\"NaN\",\"Infinity\",\"-Infinity\",1.0]",
                AnswerJson.toJson(new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1}).toString());
        Notebook.answer("hw000.p1c.S_0", Double.NaN);
        assertTrue(text(sink.last().data()).contains("not a finite number"));
    }

    @Test
    void idsAreValidated() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Notebook.answer("p1c.S_0", 1));
        assertTrue(e.getMessage().contains("hwNNN.<problem>.<quantity>"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Notebook.answer("hw0.p1.x", 1));
        assertThrows(IllegalArgumentException.class, () -> Notebook.answer("hw000.p1", 1));
        assertThrows(IllegalArgumentException.class, () -> Notebook.answer("hw000.p1.x y", 1));
        assertThrows(IllegalArgumentException.class, () -> Notebook.answer("experiments.digits", 1));
        Notebook.answer("experiments.digits.mlp_test_accuracy", 0.96); // the training notebook's form
        assertThrows(IllegalArgumentException.class, () -> Notebook.answer(null, 1));
        Notebook.answer("hw004.p9.x_0p5.dy_dx", 0.25); // more parts are fine
        assertThrows(IllegalArgumentException.class, () -> Notebook.answer("hw000.p1.x", new Object()));
        assertThrows(IllegalArgumentException.class, () -> Notebook.answer("hw000.p1.x", null));
    }

    @Test
    void cardIsHtmlAndText() {
        Notebook.answer("hw002.p1b.Y", new double[][] {{1, 2}, {3, 4}});
        DisplayData d = sink.last().data();
        parseHtmlFragment((String) data(d, MimeTypes.HTML));
        assertTrue(((String) data(d, MimeTypes.HTML)).contains("hw002.p1b.Y"));
        assertEquals("hw002.p1b.Y = [[1.0,2.0],[3.0,4.0]]", text(d));
        assertTrue(d.getDisplayId() != null);
    }

    @Test
    void expectedValueGivesTickOrCross() {
        Notebook.answer("hw000.p1c.S_0", 0.5, 0.5);
        assertTrue(text(sink.last().data()).startsWith("✓ "), text(sink.last().data()));
        Notebook.answer("hw000.p1c.S_0", 0.5, 0.6);
        String t = text(sink.last().data());
        assertTrue(t.startsWith("✗ ") && t.contains("max |diff| = 0.100"), t);
        Notebook.answer("hw000.p1c.S_0", 0.5, 0.50001, 1e-3);
        assertTrue(text(sink.last().data()).startsWith("✓ "));
        Notebook.answer("hw001.q4_3.full", new double[] {1, 2, 5}, new int[] {1, 2, 5});
        assertTrue(text(sink.last().data()).startsWith("✓ "));
        Notebook.answer("hw001.q4_3.full", new double[] {1, 2}, new int[] {1, 2, 5});
        t = text(sink.last().data());
        assertTrue(t.startsWith("✗ ") && t.contains("length differs"), t);
        parseHtmlFragment((String) data(sink.last().data(), MimeTypes.HTML));
        // the payload is the actual value, whatever was expected
        JsonElement v = ((com.google.gson.JsonObject) data(sink.last().data(), MimeTypes.ANSWER)).get("value");
        assertEquals("[1.0,2.0]", v.toString());
    }
}

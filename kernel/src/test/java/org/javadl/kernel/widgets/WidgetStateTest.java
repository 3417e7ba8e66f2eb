package org.javadl.kernel.widgets;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Widget models without a kernel: the attribute sets ipywidgets 8.1 sends, values, text forms. */
class WidgetStateTest {
    private static final Set<String> DOM = Set.of("_dom_classes", "_model_module", "_model_module_version",
            "_model_name", "_view_count", "_view_module", "_view_module_version", "_view_name", "layout",
            "tabbable", "tooltip");

    /** The keys of {@code ipywidgets.X().get_state()} in ipywidgets 8.1.9, beyond the DOM widget's. */
    private static Set<String> keys(String... own) {
        Set<String> s = new TreeSet<>(DOM);
        s.addAll(List.of(own));
        return s;
    }

    @Test
    void statesHaveTheAttributesOfIpywidgets81() {
        Set<String> slider = keys("behavior", "continuous_update", "description", "description_allow_html", "disabled",
                "max", "min", "orientation", "readout", "readout_format", "step", "style", "value");
        assertEquals(slider, new TreeSet<>(new IntSlider(0, 10, 1, 3).state().keySet()));
        assertEquals(slider, new TreeSet<>(new FloatSlider(0, 1, 0.1, 0.5).state().keySet()));
        assertEquals(keys("_options_labels", "description", "description_allow_html", "disabled", "index", "style"),
                new TreeSet<>(new Dropdown<>(List.of("a", "b")).state().keySet()));
        assertEquals(keys("description", "description_allow_html", "disabled", "indent", "style", "value"),
                new TreeSet<>(new Checkbox("c", true).state().keySet()));
        assertEquals(keys("button_style", "description", "disabled", "icon", "style"),
                new TreeSet<>(new Button("b").state().keySet()));
        assertEquals(keys("continuous_update", "description", "description_allow_html", "disabled", "placeholder",
                "style", "value"), new TreeSet<>(new Text("t").state().keySet()));
        assertEquals(keys("description", "description_allow_html", "placeholder", "style", "value"),
                new TreeSet<>(new Label("l").state().keySet()));
        assertEquals(keys("box_style", "children"), new TreeSet<>(Box.vertical(List.of()).state().keySet()));
        assertEquals(keys("msg_id", "outputs"), new TreeSet<>(new Output().state().keySet()));
        assertEquals(keys("description", "description_allow_html", "disabled", "interval", "max", "min", "playing",
                "repeat", "show_repeat", "step", "style", "value"), new TreeSet<>(new Play(0, 5, 1, 100).state().keySet()));
        assertEquals(39, new Layout().state().keySet().stream().filter(k -> !k.startsWith("_")).count());
        JsonObject style = Style.slider().state();
        assertEquals("SliderStyleModel", style.get("_model_name").getAsString());
        assertEquals("StyleView", style.get("_view_name").getAsString());
        assertEquals("@jupyter-widgets/base", style.get("_view_module").getAsString());
    }

    @Test
    void valuesTextFormsAndFrontEndUpdates() {
        IntSlider s = new IntSlider(0, 10, 1, 3);
        assertEquals("IntSlider(value=3, max=10)", s.toString());
        assertEquals(10, s.value(42).value(), "a value above max is clamped");
        List<Integer> seen = new ArrayList<>();
        s.onChange(seen::add);
        s.applyFromFrontEnd(json("{\"value\": 4.0, \"_model_name\": \"x\", \"nope\": 1}"));
        assertEquals(List.of(4), seen);
        assertEquals("IntSliderModel", s.state().get("_model_name").getAsString(), "model names are not the front end's to change");
        s.applyFromFrontEnd(json("{\"value\": \"seven\"}"));
        assertEquals(4, s.value(), "a value that is not a number is ignored");

        Dropdown<Double> rates = new Dropdown<>(new java.util.LinkedHashMap<>(Map.of("slow", 0.01)));
        assertEquals(0.01, rates.value());
        Dropdown<String> acts = new Dropdown<>(List.of("sigmoid", "tanh"));
        acts.applyFromFrontEnd(json("{\"index\": 1}"));
        assertEquals("tanh", acts.value());
        assertThrows(IllegalArgumentException.class, () -> acts.value("relu"));
        assertThrows(IllegalArgumentException.class, () -> new FloatSlider(1, 0, 0.1, 0.5));
        assertThrows(IllegalArgumentException.class, () -> new Layout().set("colour", "red"));
        assertEquals("HBox(children=[\"IPY_MODEL_" + s.modelId() + "\"])", Box.horizontal(List.of(s)).toString());
    }

    @Test
    void interactShowsTheFunctionOfTheControlsAndRecomputesOnChange() {
        FloatSlider k = new FloatSlider(0.1, 5, 0.02, 1).description("k");
        Interactive i = new Interactive(List.of(k), () -> "k² = " + k.value() * k.value());
        assertEquals("interact(k=1.0)", i.toString());
        assertEquals("\"k² = 1.0\"", text(i.output()));
        k.applyFromFrontEnd(json("{\"value\": 3.0}"));
        assertEquals("\"k² = 9.0\"", text(i.output()), "the output shows the new result in place of the old");
        assertEquals(1, i.output().size());
        Button b = new Button("go");
        int[] clicks = {0};
        b.onClick(() -> clicks[0]++);
        b.onCustom(json("{\"event\": \"click\"}"));
        b.onCustom(json("{\"event\": \"hover\"}"));
        assertEquals(1, clicks[0]);
    }

    @SuppressWarnings("deprecation") // the Gson the kernel has predates JsonParser.parseString
    private static JsonObject json(String text) {
        return new JsonParser().parse(text).getAsJsonObject();
    }

    private static String text(Output out) {
        var outputs = out.state().getAsJsonArray("outputs");
        assertTrue(outputs.size() > 0, "no output");
        return outputs.get(outputs.size() - 1).getAsJsonObject().getAsJsonObject("data").get("text/plain").getAsString();
    }
}

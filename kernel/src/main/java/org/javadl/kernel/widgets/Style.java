package org.javadl.kernel.widgets;

import java.util.List;
import java.util.Map;

/**
 * A widget's style model ({@code SliderStyleModel}, {@code ButtonStyleModel}, ...): the look that
 * is not layout, such as {@code description_width}, {@code handle_color} or {@code button_color}.
 */
public final class Style extends Widget {
    private final List<String> attributes;

    private Style(String modelName, Map<String, String> attributesWithDefaults) {
        super(CONTROLS, CONTROLS_VERSION, modelName, BASE, BASE_VERSION, "StyleView");
        this.attributes = List.copyOf(new java.util.TreeSet<>(attributesWithDefaults.keySet()));
        for (String a : attributes) {
            String d = attributesWithDefaults.get(a);
            define(a, d == null ? null : json(d));
        }
    }

    private static Map<String, String> withNulls(Map<String, String> given, String... nullAttributes) {
        Map<String, String> m = new java.util.HashMap<>(given);
        for (String a : nullAttributes) {
            m.put(a, null);
        }
        return m;
    }

    static Style slider() {
        return new Style("SliderStyleModel", withNulls(Map.of("description_width", ""), "handle_color"));
    }

    static Style description() {
        return new Style("DescriptionStyleModel", Map.of("description_width", ""));
    }

    static Style checkbox() {
        return new Style("CheckboxStyleModel", withNulls(Map.of("description_width", ""), "background"));
    }

    static Style text() {
        return new Style("TextStyleModel", withNulls(Map.of("description_width", ""), "background", "font_size",
                "text_color"));
    }

    private static final String[] FONT = {"font_family", "font_size", "font_style", "font_variant", "font_weight",
            "text_color", "text_decoration"};

    static Style label() {
        String[] nulls = java.util.Arrays.copyOf(FONT, FONT.length + 1);
        nulls[FONT.length] = "background";
        return new Style("LabelStyleModel", withNulls(Map.of("description_width", ""), nulls));
    }

    static Style button() {
        String[] nulls = java.util.Arrays.copyOf(FONT, FONT.length + 1);
        nulls[FONT.length] = "button_color";
        return new Style("ButtonStyleModel", withNulls(Map.of(), nulls));
    }

    /** Sets a style attribute ({@code description_width}, {@code button_color}, ...); null for the default. */
    public Style set(String attribute, String value) {
        String key = attribute.strip().replace('-', '_');
        if (!attributes.contains(key)) {
            throw new IllegalArgumentException("this style has no attribute '" + attribute + "'; it has " + attributes);
        }
        change(key, value == null ? null : json(value));
        return this;
    }
}

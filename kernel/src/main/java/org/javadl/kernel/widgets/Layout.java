package org.javadl.kernel.widgets;

import java.util.List;

/**
 * A widget's CSS layout ({@code LayoutModel}): every attribute is a CSS property, null for the
 * browser's default. {@code slider.layout().set("width", "400px")}, or {@link DOMWidget#width}.
 */
public final class Layout extends Widget {
    /** The attributes of ipywidgets 8's LayoutModel. */
    static final List<String> PROPERTIES = List.of("align_content", "align_items", "align_self", "border_bottom",
            "border_left", "border_right", "border_top", "bottom", "display", "flex", "flex_flow", "grid_area",
            "grid_auto_columns", "grid_auto_flow", "grid_auto_rows", "grid_column", "grid_gap", "grid_row",
            "grid_template_areas", "grid_template_columns", "grid_template_rows", "height", "justify_content",
            "justify_items", "left", "margin", "max_height", "max_width", "min_height", "min_width", "object_fit",
            "object_position", "order", "overflow", "padding", "right", "top", "visibility", "width");

    Layout() {
        super(BASE, BASE_VERSION, "LayoutModel", BASE, BASE_VERSION, "LayoutView");
        PROPERTIES.forEach(p -> define(p, null));
    }

    /** Sets a CSS property by its ipywidgets name ({@code max_width}) or its CSS name ({@code max-width}); null removes it. */
    public Layout set(String property, String value) {
        String key = property.strip().replace('-', '_');
        if (!PROPERTIES.contains(key)) {
            throw new IllegalArgumentException("a widget layout has no property '" + property + "'; it has " + PROPERTIES);
        }
        change(key, value == null ? null : json(value));
        return this;
    }

    /** A CSS property's value, or null. */
    public String get(String property) {
        var v = attr(property.strip().replace('-', '_'));
        return v.isJsonNull() ? null : v.getAsString();
    }
}

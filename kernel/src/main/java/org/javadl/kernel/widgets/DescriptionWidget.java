package org.javadl.kernel.widgets;

/** A control with a description: the label drawn beside it ({@code description_allow_html} off). */
public abstract class DescriptionWidget<S extends DescriptionWidget<S>> extends DOMWidget<S> {

    protected DescriptionWidget(String name, Style style) {
        super(name, style);
        define("description", json(""));
        define("description_allow_html", json(false));
    }

    /** The label beside the control. */
    public S description(String text) {
        change("description", json(text == null ? "" : text));
        return self();
    }

    public String description() {
        return attr("description").getAsString();
    }

    /** Greys the control out: the user cannot change it. */
    public S disabled(boolean disabled) {
        change("disabled", json(disabled));
        return self();
    }
}

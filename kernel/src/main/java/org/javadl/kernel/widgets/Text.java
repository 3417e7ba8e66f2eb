package org.javadl.kernel.widgets;

/** A one-line text field ({@code TextModel}); the value changes as the user types. */
public final class Text extends StringWidget<Text> {

    public Text(String value) {
        super("Text", Style.text());
        define("continuous_update", json(true));
        define("disabled", json(false));
        value(value);
    }

    /** Grey text shown while the field is empty. */
    public Text placeholder(String text) {
        change("placeholder", json(text == null ? "\u200b" : text));
        return this;
    }
}

package org.javadl.kernel.widgets;

import com.google.gson.JsonElement;
import com.google.gson.JsonPrimitive;

/** A control whose value is a string ({@link Text}, {@link Label}); null is kept as the empty string. */
public abstract class StringWidget<S extends StringWidget<S>> extends ValueWidget<String, S> {

    protected StringWidget(String name, Style style) {
        super(name, style);
        define("placeholder", json("\u200b"));
        define("value", json(""));
    }

    @Override
    protected String decode(JsonElement json) {
        return json.isJsonNull() ? "" : json.getAsString();
    }

    @Override
    protected JsonElement encode(String value) {
        return new JsonPrimitive(value == null ? "" : value);
    }
}

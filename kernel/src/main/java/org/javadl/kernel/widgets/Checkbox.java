package org.javadl.kernel.widgets;

import com.google.gson.JsonElement;
import com.google.gson.JsonPrimitive;

/** A yes/no box ({@code CheckboxModel}). */
public final class Checkbox extends ValueWidget<Boolean, Checkbox> {

    public Checkbox(String description, boolean value) {
        super("Checkbox", Style.checkbox());
        define("disabled", json(false));
        define("indent", json(true));
        define("value", json(false));
        value(value);
        description(description);
    }

    @Override
    protected Boolean decode(JsonElement json) {
        return json.getAsBoolean();
    }

    @Override
    protected JsonElement encode(Boolean value) {
        return new JsonPrimitive(Boolean.TRUE.equals(value));
    }

    @Override
    protected JsonElement accept(String key, JsonElement value) {
        if (key.equals("value")) {
            return value.isJsonPrimitive() && value.getAsJsonPrimitive().isBoolean() ? value : null;
        }
        return value;
    }
}

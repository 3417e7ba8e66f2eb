package org.javadl.kernel.widgets;

import com.google.gson.JsonElement;
import com.google.gson.JsonPrimitive;

/** A slider over integers ({@code IntSliderModel}). {@code slider(0, 10, 5)}. */
public final class IntSlider extends Slider<Integer, IntSlider> {

    public IntSlider(int min, int max, int step, int value) {
        super("IntSlider", 0, 100, 1, min, max, step, value, "d");
    }

    @Override
    protected Integer decode(JsonElement json) {
        return (int) Math.round(json.getAsDouble()); // the front end sends numbers, not necessarily integers
    }

    @Override
    protected JsonElement encode(Integer value) {
        return new JsonPrimitive(value);
    }
}

package org.javadl.kernel.widgets;

import com.google.gson.JsonElement;
import com.google.gson.JsonPrimitive;

/** A slider over real numbers ({@code FloatSliderModel}). {@code slider(0.1, 5, 1)}. */
public final class FloatSlider extends Slider<Double, FloatSlider> {

    public FloatSlider(double min, double max, double step, double value) {
        super("FloatSlider", 0.0, 100.0, 0.1, finite(min, "min"), finite(max, "max"), finite(step, "step"), finite(value, "value"), ".2f");
    }

    private static double finite(double v, String what) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("a slider's " + what + " must be a finite number, got " + v);
        }
        return v;
    }

    @Override
    protected Double decode(JsonElement json) {
        return json.getAsDouble();
    }

    @Override
    protected JsonElement encode(Double value) {
        return new JsonPrimitive(value);
    }
}

package org.javadl.kernel.widgets;

import com.google.gson.JsonElement;

/**
 * The attributes both sliders share ({@code IntSliderModel}, {@code FloatSliderModel}): bounds, step,
 * readout, orientation. The value is kept within [min, max]: setting it outside clamps it, as
 * ipywidgets does.
 */
public abstract class Slider<T extends Number & Comparable<T>, S extends Slider<T, S>> extends ValueWidget<T, S> {

    /**
     * {@code zero}, {@code hundred} and {@code defaultStep} are ipywidgets' defaults (0, 100 and 1 or
     * 0.1), which the text form leaves out.
     */
    protected Slider(String name, T zero, T hundred, T defaultStep, T min, T max, T step, T value, String readoutFormat) {
        super(name, Style.slider());
        if (min.compareTo(max) > 0) {
            throw new IllegalArgumentException("a slider needs min <= max, got min " + min + " and max " + max);
        }
        if (step.doubleValue() <= 0 || Double.isNaN(step.doubleValue())) {
            throw new IllegalArgumentException("a slider's step must be positive, got " + step);
        }
        define("behavior", json("drag-tap"));
        define("continuous_update", json(true));
        define("disabled", json(false));
        define("max", encode(hundred));
        define("min", encode(zero));
        define("orientation", json("horizontal"));
        define("readout", json(true));
        define("readout_format", json(readoutFormat));
        define("step", encode(defaultStep));
        define("value", encode(zero));
        change("max", encode(max));
        change("min", encode(min));
        change("step", encode(step));
        change("value", encode(clamp(value, min, max)));
    }

    private T clamp(T v, T min, T max) {
        return v.compareTo(min) < 0 ? min : v.compareTo(max) > 0 ? max : v;
    }

    public T min() {
        return decode(attr("min"));
    }

    public T max() {
        return decode(attr("max"));
    }

    public T step() {
        return decode(attr("step"));
    }

    @Override
    public S value(T value) {
        return super.value(clamp(value, min(), max()));
    }

    public S min(T min) {
        change("min", encode(min));
        if (value().compareTo(min) < 0) {
            value(min);
        }
        return self();
    }

    public S max(T max) {
        change("max", encode(max));
        if (value().compareTo(max) > 0) {
            value(max);
        }
        return self();
    }

    public S step(T step) {
        change("step", encode(step));
        return self();
    }

    /** A d3-format for the number beside the slider: {@code ".3f"}, {@code ".1e"}, {@code "d"}. */
    public S readoutFormat(String format) {
        change("readout_format", json(format));
        return self();
    }

    /** False: the value changes only when the handle is let go, not while it is dragged. */
    public S continuousUpdate(boolean continuous) {
        change("continuous_update", json(continuous));
        return self();
    }

    /** Draws the slider upright. */
    public S vertical() {
        change("orientation", json("vertical"));
        return self();
    }

    @Override
    protected JsonElement accept(String key, JsonElement value) {
        boolean numeric = key.equals("value") || key.equals("min") || key.equals("max") || key.equals("step");
        if (!numeric) {
            return value;
        }
        if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isNumber()) {
            return null; // not a number: ignored rather than breaking the model
        }
        return encode(decode(value));
    }
}

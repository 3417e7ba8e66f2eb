package org.javadl.kernel.widgets;

import com.google.gson.JsonElement;
import com.google.gson.JsonPrimitive;

/**
 * A play button that counts from min to max by step, one step every {@code interval} ms
 * ({@code PlayModel}); the counting happens in the front end. Link it to a slider with
 * {@code jslink(play, slider)} to animate whatever the slider drives.
 */
public final class Play extends ValueWidget<Integer, Play> {

    public Play(int min, int max, int step, int intervalMillis) {
        super("Play", Style.description());
        if (min > max || step <= 0 || intervalMillis <= 0) {
            throw new IllegalArgumentException("play(min, max, step, interval) needs min <= max, step > 0 and "
                    + "interval > 0 ms, got " + min + ", " + max + ", " + step + ", " + intervalMillis);
        }
        define("disabled", json(false));
        define("interval", json(100));
        define("max", json(100));
        define("min", json(0));
        define("playing", json(false));
        define("repeat", json(false));
        define("show_repeat", json(true));
        define("step", json(1));
        define("value", json(0));
        change("min", json(min));
        change("max", json(max));
        change("step", json(step));
        change("interval", json(intervalMillis));
        change("value", json(min));
    }

    /** Starts again from min after max. */
    public Play repeat(boolean repeat) {
        change("repeat", json(repeat));
        return this;
    }

    public boolean playing() {
        return attr("playing").getAsBoolean();
    }

    @Override
    protected Integer decode(JsonElement json) {
        return (int) Math.round(json.getAsDouble());
    }

    @Override
    protected JsonElement encode(Integer value) {
        return new JsonPrimitive(value);
    }

    @Override
    protected JsonElement accept(String key, JsonElement value) {
        if (key.equals("value")) {
            return value.isJsonPrimitive() && value.getAsJsonPrimitive().isNumber() ? encode(decode(value)) : null;
        }
        return value;
    }
}

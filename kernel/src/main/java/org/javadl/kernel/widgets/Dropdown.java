package org.javadl.kernel.widgets;

import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonPrimitive;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A choice among options ({@code DropdownModel}). The front end knows the options' labels and
 * the chosen {@code index}; the options themselves (any objects) stay here, so {@link #value()} is
 * the chosen object: {@code dropdown("sigmoid", "tanh")}, or labels mapped to values with
 * {@code dropdown(Map.of("slow", 0.01, "fast", 0.5))}.
 */
public final class Dropdown<T> extends ValueWidget<T, Dropdown<T>> {
    private final List<T> options;

    /** Options labelled by {@code String.valueOf}; the first is chosen. */
    public Dropdown(List<? extends T> options) {
        this(labels(options), options);
    }

    /** Labels (the keys, in the map's order) for values. */
    public Dropdown(Map<String, ? extends T> labelled) {
        this(new ArrayList<>(labelled.keySet()), new ArrayList<>(labelled.values()));
    }

    private Dropdown(List<String> labels, List<? extends T> options) {
        super("Dropdown", Style.description());
        if (options.isEmpty()) {
            throw new IllegalArgumentException("a dropdown needs at least one option");
        }
        this.options = List.copyOf(options);
        define("_options_labels", strings(labels));
        define("disabled", json(false));
        define("index", new JsonPrimitive(0));
    }

    private static List<String> labels(List<?> options) {
        return options.stream().map(String::valueOf).toList();
    }

    @Override
    protected String valueKey() {
        return "index";
    }

    @Override
    protected T decode(JsonElement json) {
        return json.isJsonNull() ? null : options.get(json.getAsInt());
    }

    @Override
    protected JsonElement encode(T value) {
        int i = options.indexOf(value);
        if (i < 0) {
            throw new IllegalArgumentException(value + " is not one of the dropdown's options " + options);
        }
        return new JsonPrimitive(i);
    }

    /** The chosen option's position. */
    public int index() {
        return attr("index").getAsInt();
    }

    public List<T> options() {
        return options;
    }

    @Override
    protected JsonElement accept(String key, JsonElement value) {
        if (!key.equals("index")) {
            return value;
        }
        if (value.isJsonNull()) {
            return JsonNull.INSTANCE;
        }
        int i = value.isJsonPrimitive() && value.getAsJsonPrimitive().isNumber() ? value.getAsInt() : -1;
        return i >= 0 && i < options.size() ? new JsonPrimitive(i) : null;
    }
}

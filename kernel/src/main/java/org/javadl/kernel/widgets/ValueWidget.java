package org.javadl.kernel.widgets;

import com.google.gson.JsonElement;

import java.util.function.Consumer;

/**
 * A control with a value the user changes: a slider's number, a checkbox's flag, a text, a
 * dropdown's choice. {@link #onChange} listeners run after every change, from the front end or
 * from code; {@code interact} redraws on it.
 */
public abstract class ValueWidget<T, S extends ValueWidget<T, S>> extends DescriptionWidget<S> {

    protected ValueWidget(String name, Style style) {
        super(name, style);
    }

    /** The attribute that holds the value ({@code value}; a dropdown keeps its {@code index}). */
    protected String valueKey() {
        return "value";
    }

    protected abstract T decode(JsonElement json);

    protected abstract JsonElement encode(T value);

    public T value() {
        return decode(attr(valueKey()));
    }

    /** Sets the value (the front end follows; listeners run). */
    public S value(T value) {
        change(valueKey(), encode(value));
        return self();
    }

    /** Runs {@code listener} with the new value after every change. */
    public S onChange(Consumer<? super T> listener) {
        listen(valueKey(), () -> listener.accept(value()));
        return self();
    }
}

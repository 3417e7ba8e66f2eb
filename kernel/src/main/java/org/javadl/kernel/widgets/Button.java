package org.javadl.kernel.widgets;

import com.google.gson.JsonObject;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** A push button ({@code ButtonModel}); {@link #onClick} actions run when it is clicked. */
public final class Button extends DOMWidget<Button> {
    private final List<Consumer<Button>> actions = new CopyOnWriteArrayList<>();

    public Button(String description) {
        super("Button", Style.button());
        define("button_style", json(""));
        define("description", json(""));
        define("disabled", json(false));
        define("icon", json(""));
        description(description);
    }

    public Button description(String text) {
        change("description", json(text == null ? "" : text));
        return this;
    }

    /** {@code "primary"}, {@code "success"}, {@code "info"}, {@code "warning"}, {@code "danger"} or {@code ""}. */
    public Button buttonStyle(String style) {
        String s = style == null ? "" : style.strip();
        if (!List.of("primary", "success", "info", "warning", "danger", "").contains(s)) {
            throw new IllegalArgumentException("button style must be primary, success, info, warning, danger or \"\", got '" + style + "'");
        }
        change("button_style", json(s));
        return this;
    }

    /** A Font Awesome icon name without {@code fa-}, e.g. {@code "play"}. */
    public Button icon(String name) {
        change("icon", json(name == null ? "" : name));
        return this;
    }

    public Button disabled(boolean disabled) {
        change("disabled", json(disabled));
        return this;
    }

    /** Runs {@code action} on every click. */
    public Button onClick(Runnable action) {
        return onClick(b -> action.run());
    }

    /** Runs {@code action} with this button on every click. */
    public Button onClick(Consumer<Button> action) {
        actions.add(action);
        return this;
    }

    /** Clicks the button from code: the actions run as for a click in the front end. */
    public void click() {
        for (Consumer<Button> a : actions) {
            a.accept(this);
        }
    }

    @Override
    void onCustom(JsonObject content) {
        if (content.has("event") && "click".equals(content.get("event").getAsString())) {
            click();
        }
    }
}

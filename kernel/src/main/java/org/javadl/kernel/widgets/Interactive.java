package org.javadl.kernel.widgets;

import com.google.gson.JsonObject;
import org.javadl.kernel.display.Bundle;
import org.javadl.kernel.display.MimeTypes;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Supplier;

/**
 * What {@code interact(f, controls...)} makes: the controls above an {@link Output} that shows
 * {@code f} of their values, computed again (and shown in place) whenever one of them changes.
 * The first result is computed at once, in the cell that calls {@code interact}, so an error in
 * {@code f} shows as that cell's error; later ones, started by the front end, show their errors in
 * the output.
 */
public final class Interactive extends Box {
    /** A function of three controls' values. */
    @FunctionalInterface
    public interface Function3<A, B, C, R> {
        R apply(A a, B b, C c);
    }

    private final List<ValueWidget<?, ?>> controls;
    private final Supplier<?> compute;
    private final Output out;

    public Interactive(List<? extends ValueWidget<?, ?>> controls, Supplier<?> compute) {
        this(List.copyOf(controls), compute, new Output());
    }

    private Interactive(List<ValueWidget<?, ?>> controls, Supplier<?> compute, Output out) {
        super("VBox", withOutput(controls, out));
        if (controls.isEmpty()) {
            throw new IllegalArgumentException("interact needs at least one control");
        }
        this.controls = controls;
        this.compute = compute;
        this.out = out;
        for (ValueWidget<?, ?> c : controls) {
            c.outputTo(out);
            c.listen(c.valueKey(), this::update);
        }
        update();
    }

    private static List<Widget> withOutput(List<ValueWidget<?, ?>> controls, Output out) {
        List<Widget> children = new ArrayList<>(controls);
        children.add(out);
        return children;
    }

    /** Computes the function of the controls' values again and shows the result in place of the last. */
    public void update() {
        out.replaceWith(() -> {
            Object result = compute.get();
            if (result != null) {
                out.display(result);
            }
        });
    }

    /** Where the result is shown. */
    public Output output() {
        return out;
    }

    public List<ValueWidget<?, ?>> controls() {
        return controls;
    }

    /**
     * The widget, and the current result's picture beside it for front ends that cannot show
     * widgets (the classic Notebook without ipywidgets, a GitHub preview): they pick the image, a
     * widget-aware front end picks the widget.
     */
    @Override
    public void renderTo(Bundle bundle) {
        super.renderTo(bundle);
        JsonObject shown = out.lastDisplay();
        if (shown == null) {
            return;
        }
        JsonObject data = shown.getAsJsonObject("data");
        if (data.has(MimeTypes.PNG)) {
            JsonObject meta = shown.getAsJsonObject("metadata").getAsJsonObject(MimeTypes.PNG);
            int w = meta != null && meta.has("width") ? meta.get("width").getAsInt() : 0;
            int h = meta != null && meta.has("height") ? meta.get("height").getAsInt() : 0;
            bundle.png(Base64.getMimeDecoder().decode(data.get(MimeTypes.PNG).getAsString()), w, h);
        } else if (data.has(MimeTypes.HTML)) {
            bundle.html(data.get(MimeTypes.HTML).getAsString());
        }
    }

    /** {@code interact(k=1.0)}: the controls' descriptions and values. */
    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        for (ValueWidget<?, ?> c : controls) {
            String d = c.description();
            parts.add((d.isEmpty() ? "" : d + "=") + c.value());
        }
        return "interact(" + String.join(", ", parts) + ")";
    }
}

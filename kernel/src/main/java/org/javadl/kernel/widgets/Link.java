package org.javadl.kernel.widgets;

import com.google.gson.JsonArray;

import java.util.Collection;
import java.util.List;

/**
 * Keeps an attribute of one widget equal to an attribute of another in the front end
 * ({@code LinkModel}, what ipywidgets' {@code jslink} makes): a {@link Play} driving a slider
 * animates without a round trip through the kernel per step. The kernel still hears of every
 * change the link makes, so the slider's listeners run. {@link #unlink()} ends it.
 */
public final class Link extends Widget {
    private final Widget source;
    private final Widget target;

    public Link(Widget source, String sourceAttribute, Widget target, String targetAttribute) {
        super(CONTROLS, CONTROLS_VERSION, "LinkModel", CONTROLS, CONTROLS_VERSION, null);
        requireAttribute(source, sourceAttribute);
        requireAttribute(target, targetAttribute);
        this.source = source;
        this.target = target;
        define("source", pair(source, sourceAttribute));
        define("target", pair(target, targetAttribute));
        manager().open(this); // a link has no view: it works once the front end has it
    }

    private static void requireAttribute(Widget w, String attribute) {
        if (!w.state().has(attribute) || attribute.startsWith("_")) {
            throw new IllegalArgumentException(w.getClass().getSimpleName() + " has no attribute '" + attribute + "' to link");
        }
    }

    private static JsonArray pair(Widget w, String attribute) {
        JsonArray a = new JsonArray();
        a.add(reference(w));
        a.add(attribute);
        return a;
    }

    /** Ends the link. */
    public void unlink() {
        close();
    }

    @Override
    protected Collection<Widget> references() {
        return List.of(source, target);
    }
}

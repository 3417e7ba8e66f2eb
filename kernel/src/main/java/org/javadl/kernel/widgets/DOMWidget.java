package org.javadl.kernel.widgets;

import com.google.gson.JsonArray;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A widget that is drawn: it has a {@link Layout}, and maybe a {@link Style}; {@code S} is the
 * concrete class, so that the fluent setters return it.
 */
public abstract class DOMWidget<S extends DOMWidget<S>> extends Widget {
    private final Layout layout = new Layout();
    private final Style style;
    private volatile Output output;

    protected DOMWidget(String modelModule, String modelVersion, String modelName,
                        String viewModule, String viewVersion, String viewName, Style style) {
        super(modelModule, modelVersion, modelName, viewModule, viewVersion, viewName);
        this.style = style;
        define("_dom_classes", new JsonArray());
        define("layout", reference(layout));
        if (style != null) {
            define("style", reference(style));
        }
        define("tabbable", null);
        define("tooltip", null);
    }

    /** Controls of {@code @jupyter-widgets/controls} 2.0.0 whose view is named after the model. */
    protected DOMWidget(String name, Style style) {
        this(CONTROLS, CONTROLS_VERSION, name + "Model", CONTROLS, CONTROLS_VERSION, name + "View", style);
    }

    @SuppressWarnings("unchecked")
    protected final S self() {
        return (S) this;
    }

    public Layout layout() {
        return layout;
    }

    /** The style model, or null for widgets without one (boxes, outputs). */
    public Style style() {
        return style;
    }

    /** CSS width, e.g. {@code "400px"} or {@code "50%"}. */
    public S width(String css) {
        layout.set("width", css);
        return self();
    }

    /** The text shown when the pointer rests on the widget. */
    public S tooltip(String text) {
        change("tooltip", text == null ? null : json(text));
        return self();
    }

    /**
     * Where what this widget's callbacks print or display, and their errors, go when the front end
     * starts them (a moved slider, a click). Without one they go to the kernel's stderr, which
     * JupyterLab shows in its log console.
     */
    public S outputTo(Output out) {
        this.output = out;
        return self();
    }

    @Override
    Output callbackOutput() {
        return output;
    }

    @Override
    protected Collection<Widget> references() {
        List<Widget> refs = new ArrayList<>();
        refs.add(layout);
        if (style != null) {
            refs.add(style);
        }
        return refs;
    }
}

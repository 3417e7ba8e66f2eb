package org.javadl.kernel.widgets;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import org.javadl.kernel.display.Bundle;
import org.javadl.kernel.display.MimeTypes;
import org.javadl.kernel.display.SelfRendering;
import org.javadl.kernel.engine.CellThreads;
import org.javadl.kernel.runtime.Session;
import org.javadl.kernel.protocol.Comms;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A Jupyter widget's kernel side: a model whose state (JSON values by attribute name) is kept in
 * step with the front end's copy over a comm, as the ipywidgets 8 message spec (protocol 2.1) says.
 *
 * <p>The state starts as the attribute defaults of {@code @jupyter-widgets/controls} 2.0.0 (or
 * {@code base}/{@code output}), the same set ipywidgets 8.1 sends. Changing an attribute here sends
 * an {@code update} with it once the comm is open; an {@code update} from the front end changes it
 * here without sending it back (unless a listener then changes it again). Listeners of an
 * attribute run after every change, wherever it came from.
 *
 * <p>The comm is opened when the widget is first shown or referenced by a widget that is shown
 * (layouts, styles and children before their parent, so that every reference resolves), not at
 * construction: a widget built but never shown costs the front end nothing. Without a kernel (plain
 * Java, unit tests) a widget is just its state, and shows as text.
 *
 * <p>State is guarded by the widget's monitor; listeners run outside it, on the thread that made
 * the change: a cell's, or the one running a front-end message ({@link WidgetManager}).
 */
public abstract class Widget implements SelfRendering {
    static final String CONTROLS = "@jupyter-widgets/controls";
    static final String BASE = "@jupyter-widgets/base";
    static final String OUTPUT = "@jupyter-widgets/output";
    static final String CONTROLS_VERSION = "2.0.0";
    static final String BASE_VERSION = "2.0.0";
    static final String OUTPUT_VERSION = "1.0.0";
    static final String REFERENCE = "IPY_MODEL_";

    private final String id = Comms.newId();
    /** The cell that made the widget: its callbacks' threads and stack frames belong to it. */
    private final int ownerCell = CellThreads.runningCell();
    /** The kernel whose code made the widget: its comms carry the widget, whatever thread changes it later. */
    private final Session session = Session.current();
    private final WidgetManager manager = session.widgets();
    private final Map<String, JsonElement> state = new LinkedHashMap<>();
    private final Map<String, JsonElement> defaults = new HashMap<>();
    private final Map<String, List<Runnable>> listeners = new HashMap<>();
    /** The values the front end sent in the update being applied (not sent back unless changed again). */
    private final Map<String, JsonElement> fromFrontEnd = new HashMap<>();
    private volatile boolean open;

    protected Widget(String modelModule, String modelVersion, String modelName,
                     String viewModule, String viewVersion, String viewName) {
        define("_model_module", new JsonPrimitive(modelModule));
        define("_model_module_version", new JsonPrimitive(modelVersion));
        define("_model_name", new JsonPrimitive(modelName));
        define("_view_count", JsonNull.INSTANCE);
        define("_view_module", new JsonPrimitive(viewModule));
        define("_view_module_version", new JsonPrimitive(viewVersion));
        define("_view_name", viewName == null ? JsonNull.INSTANCE : new JsonPrimitive(viewName));
    }

    /** The model id: the comm id, and what {@code IPY_MODEL_...} references name. */
    public final String modelId() {
        return id;
    }

    final WidgetManager manager() {
        return manager;
    }

    /** The session of the kernel whose code made the widget. */
    final Session session() {
        return session;
    }

    final int ownerCell() {
        return ownerCell;
    }

    // ---------------------------------------------------------------- state

    /** Declares an attribute with its default (constructors only). */
    protected final synchronized void define(String key, JsonElement defaultValue) {
        JsonElement v = defaultValue == null ? JsonNull.INSTANCE : defaultValue;
        state.put(key, v);
        defaults.put(key, v);
    }

    protected final synchronized JsonElement attr(String key) {
        JsonElement v = state.get(key);
        return v == null ? JsonNull.INSTANCE : v;
    }

    /**
     * Changes an attribute: the front end is told (if the comm is open and it did not just send
     * this very value), then the attribute's listeners run.
     */
    protected final void change(String key, JsonElement value) {
        JsonElement v = value == null ? JsonNull.INSTANCE : value;
        boolean changed;
        boolean send;
        synchronized (this) {
            if (!state.containsKey(key)) {
                throw new IllegalArgumentException(getClass().getSimpleName() + " has no attribute '" + key + "'");
            }
            changed = !v.equals(state.put(key, v));
            send = changed && open && !v.equals(fromFrontEnd.get(key));
        }
        if (send) {
            JsonObject update = new JsonObject();
            update.add(key, v.deepCopy());
            manager.sendUpdate(this, update);
        }
        if (changed) {
            for (Runnable r : listenersOf(key)) {
                r.run();
            }
        }
    }

    private synchronized List<Runnable> listenersOf(String key) {
        List<Runnable> l = listeners.get(key);
        return l == null ? List.of() : List.copyOf(l);
    }

    /** Runs {@code r} after every change of {@code key} (from the front end or from code). */
    protected final synchronized void listen(String key, Runnable r) {
        listeners.computeIfAbsent(key, k -> new CopyOnWriteArrayList<>()).add(r);
    }

    /** The whole state, widgets as {@code IPY_MODEL_} references (a copy). */
    final synchronized JsonObject state() {
        JsonObject o = new JsonObject();
        state.forEach((k, v) -> o.add(k, v.deepCopy()));
        return o;
    }

    /**
     * Applies an {@code update} from the front end: attributes the model has and the front end may
     * change (not the {@code _model}/{@code _view} names), each through {@link #accept}, then their
     * listeners. Unknown attributes are ignored, as ipywidgets does.
     */
    final void applyFromFrontEnd(JsonObject update) {
        Map<String, JsonElement> accepted = new LinkedHashMap<>();
        synchronized (this) {
            for (Map.Entry<String, JsonElement> e : update.entrySet()) {
                String key = e.getKey();
                if (state.containsKey(key) && !key.startsWith("_model_") && !key.startsWith("_view_")) {
                    JsonElement v = accept(key, e.getValue());
                    if (v != null) {
                        accepted.put(key, v);
                    }
                }
            }
            fromFrontEnd.putAll(accepted);
        }
        try {
            accepted.forEach(this::change);
        } finally {
            synchronized (this) {
                fromFrontEnd.clear();
            }
        }
    }

    /**
     * A value the front end sent for {@code key}, as this model keeps it, or null to ignore it
     * (the front end sends an integer slider's value as a JSON number like any other).
     */
    protected JsonElement accept(String key, JsonElement value) {
        return value;
    }

    /** A {@code custom} message from the front end (a button's click). */
    void onCustom(JsonObject content) {
    }

    /** Where the output and errors of callbacks started from the front end go; null: nowhere in particular. */
    Output callbackOutput() {
        return null;
    }

    /** The widgets this one's state refers to, which must be open before it is. */
    protected Collection<Widget> references() {
        return List.of();
    }

    final boolean isOpen() {
        return open;
    }

    /** Marks the comm open; true if it was not (the caller then opens it). */
    final synchronized boolean markOpen() {
        if (open) {
            return false;
        }
        open = true;
        return true;
    }

    final synchronized void markClosed() {
        open = false;
    }

    /** Closes the widget's comm: its views disappear from the front end. */
    public void close() {
        manager.close(this);
    }

    // ---------------------------------------------------------------- JSON helpers

    static JsonPrimitive json(String s) {
        return new JsonPrimitive(s);
    }

    static JsonPrimitive json(Number n) {
        return new JsonPrimitive(n);
    }

    static JsonPrimitive json(boolean b) {
        return new JsonPrimitive(b);
    }

    static JsonPrimitive reference(Widget w) {
        return new JsonPrimitive(REFERENCE + w.modelId());
    }

    static JsonArray references(List<? extends Widget> widgets) {
        JsonArray a = new JsonArray();
        widgets.forEach(w -> a.add(reference(w)));
        return a;
    }

    static JsonArray strings(List<String> values) {
        JsonArray a = new JsonArray();
        values.forEach(a::add);
        return a;
    }

    // ---------------------------------------------------------------- showing

    /** The view: the widget-view reference the front end draws, and a text form for everything else. */
    @Override
    public void renderTo(Bundle out) {
        out.text(toString());
        if (manager.open(this)) {
            JsonObject view = new JsonObject();
            view.addProperty("version_major", 2);
            view.addProperty("version_minor", 0);
            view.addProperty("model_id", id);
            out.json(MimeTypes.WIDGET_VIEW, view);
        }
    }

    /** {@code IntSlider(value=3, max=10, description='k')}: the attributes that differ from their defaults. */
    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        synchronized (this) {
            // As ipywidgets: the value first, then the other changed attributes by name.
            List<String> keys = new ArrayList<>(new java.util.TreeSet<>(state.keySet()));
            if (keys.remove("value")) {
                keys.add(0, "value");
            }
            for (String k : keys) {
                JsonElement v = state.get(k);
                if (!k.startsWith("_") && !k.equals("layout") && !k.equals("style") && !v.equals(defaults.get(k))) {
                    parts.add(k + "=" + text(v));
                }
            }
        }
        return reprName() + "(" + String.join(", ", parts) + ")";
    }

    /** The class name in {@link #toString()}. */
    protected String reprName() {
        return getClass().getSimpleName();
    }

    private static String text(JsonElement v) {
        if (v.isJsonPrimitive() && v.getAsJsonPrimitive().isString()) {
            return "'" + v.getAsString() + "'";
        }
        return v.toString();
    }
}

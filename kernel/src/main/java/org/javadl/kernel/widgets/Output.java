package org.javadl.kernel.widgets;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import org.javadl.kernel.protocol.MimeBundle;
import org.javadl.kernel.protocol.OutputCapture;

import java.util.ArrayList;
import java.util.List;

/**
 * An area of outputs inside a widget layout ({@code OutputModel} of {@code @jupyter-widgets/output}
 * 1.0.0): what {@link #capture} collects (prints, {@code display(...)}, errors) is shown in it.
 *
 * <p>The kernel keeps the outputs and sends them as the model's {@code outputs} attribute, which the
 * front end draws whenever it changes, rather than pointing the front end at a message id to
 * collect (ipywidgets' {@code msg_id} way): the content is then the same for every front end,
 * whether it was watching when the output was made or opens the notebook later, and a headless run
 * (nbclient) keeps it in the saved widget state.
 */
public final class Output extends DOMWidget<Output> implements OutputCapture.Target {
    private final List<JsonObject> outputs = new ArrayList<>();
    /** A {@code clear(wait=true)} waiting for the next output. */
    private boolean clearPending;

    public Output() {
        super(OUTPUT, OUTPUT_VERSION, "OutputModel", OUTPUT, OUTPUT_VERSION, "OutputView", null);
        define("msg_id", json(""));
        define("outputs", new JsonArray());
    }

    /** Runs {@code body}; what it prints and displays (on any thread, while it runs) goes here. */
    public void capture(Runnable body) {
        session().captures().capturing(this, () -> {
            body.run();
            return null;
        });
    }

    /**
     * Runs {@code body} and makes what it outputs the new content; the old content stays until the
     * first new output (or the end), so a redraw does not flicker.
     */
    public void replaceWith(Runnable body) {
        synchronized (this) {
            clearPending = true;
        }
        try {
            capture(body);
        } finally {
            boolean nothingCame;
            synchronized (this) {
                nothingCame = clearPending;
            }
            if (nothingCame) {
                clear();
            }
        }
    }

    /** Shows {@code value} here, rendered as a cell's value would be. */
    public void display(Object value) {
        display(session().renderers().render(value));
    }

    /** Removes every output. */
    public void clear() {
        synchronized (this) {
            outputs.clear();
            clearPending = false;
        }
        sync();
    }

    /** The last {@code display_data} output (a copy), or null. */
    synchronized JsonObject lastDisplay() {
        for (int i = outputs.size() - 1; i >= 0; i--) {
            if ("display_data".equals(outputs.get(i).get("output_type").getAsString())) {
                return outputs.get(i).deepCopy();
            }
        }
        return null;
    }

    /** How many outputs are shown (a stream's consecutive writes are one). */
    public synchronized int size() {
        return outputs.size();
    }

    // ---------------------------------------------------------------- OutputCapture.Target

    @Override
    public void stream(String name, String text) {
        synchronized (this) {
            takePendingClear();
            JsonObject last = outputs.isEmpty() ? null : outputs.get(outputs.size() - 1);
            if (last != null && "stream".equals(last.get("output_type").getAsString())
                    && name.equals(last.get("name").getAsString())) {
                last.addProperty("text", last.get("text").getAsString() + text);
            } else {
                JsonObject o = new JsonObject();
                o.addProperty("output_type", "stream");
                o.addProperty("name", name);
                o.addProperty("text", text);
                outputs.add(o);
            }
        }
        sync();
    }

    @Override
    public void display(DisplayData data) {
        JsonObject bundle = MimeBundle.of(data);
        JsonObject o = new JsonObject();
        o.addProperty("output_type", "display_data");
        o.add("data", bundle.get("data"));
        o.add("metadata", bundle.get("metadata"));
        append(o);
    }

    @Override
    public void clear(boolean wait) {
        if (wait) {
            synchronized (this) {
                clearPending = true;
            }
        } else {
            clear();
        }
    }

    /** A failed callback's error, shown as a cell's error is. */
    void appendError(CallbackRunner.Failure failure) {
        JsonObject o = new JsonObject();
        o.addProperty("output_type", "error");
        o.addProperty("ename", failure.ename());
        o.addProperty("evalue", failure.evalue());
        o.add("traceback", strings(failure.traceback()));
        append(o);
    }

    private void append(JsonObject output) {
        synchronized (this) {
            takePendingClear();
            outputs.add(output);
        }
        sync();
    }

    private void takePendingClear() {
        if (clearPending) {
            outputs.clear();
            clearPending = false;
        }
    }

    private void sync() {
        JsonArray all = new JsonArray();
        synchronized (this) {
            outputs.forEach(o -> all.add(o.deepCopy()));
        }
        change("outputs", all);
    }
}

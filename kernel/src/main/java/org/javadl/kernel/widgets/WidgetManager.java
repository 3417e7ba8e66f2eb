package org.javadl.kernel.widgets;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.javadl.kernel.protocol.Comms;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * The kernel's side of the widget protocol: opens a comm per widget to the front end's
 * {@code jupyter.widget} target (protocol version 2.1.0), applies what the front end sends on it,
 * and serves the {@code jupyter.widget.control} comm through which a front end that (re)connects
 * asks for every widget's state at once.
 *
 * <p>Front-end messages arrive on the kernel's shell thread, between cells (the shell thread runs
 * the cells, so none runs meanwhile). What a message changes, and every listener that change
 * runs, goes through the {@link CallbackRunner}, which runs it as a cell runs; its output and any
 * error go to the widget's {@link Widget#callbackOutput() Output} when it has one (an
 * {@code interact} has), and otherwise to stderr under the message (the log console in JupyterLab).
 *
 * <p>One per kernel, held by its session: a widget belongs to the manager of the session whose
 * code created it, so two kernels in one JVM keep their widgets apart. Wired once by
 * {@link #connect}; unconnected (plain Java), widgets keep their state and show as text.
 */
public final class WidgetManager {
    private static final Logger LOG = Logger.getLogger(WidgetManager.class.getName());
    static final String TARGET = "jupyter.widget";
    static final String CONTROL_TARGET = "jupyter.widget.control";
    static final String PROTOCOL_VERSION = "2.1.0";

    private volatile Comms comms;
    private volatile CallbackRunner runner = CallbackRunner.DIRECT;
    /** The open widgets by model id (for the control comm's {@code request_states}). */
    private final Map<String, Widget> live = new ConcurrentHashMap<>();

    /** Widgets talk to the front end through {@code kernelComms}; callbacks run through {@code callbacks}. */
    public void connect(Comms kernelComms, CallbackRunner callbacks) {
        comms = kernelComms;
        runner = callbacks == null ? CallbackRunner.DIRECT : callbacks;
        kernelComms.registerTarget(CONTROL_TARGET, (id, data, metadata) -> msg -> control(id, msg));
    }

    /** Opens {@code w}'s comm (and first those of the widgets it refers to); false if there is no kernel. */
    boolean open(Widget w) {
        Comms c = comms;
        if (c == null) {
            return false;
        }
        if (!w.markOpen()) {
            return true;
        }
        for (Widget ref : w.references()) {
            open(ref);
        }
        live.put(w.modelId(), w);
        JsonObject data = new JsonObject();
        data.add("state", w.state());
        data.add("buffer_paths", new JsonArray());
        JsonObject metadata = new JsonObject();
        metadata.addProperty("version", PROTOCOL_VERSION);
        c.open(w.modelId(), TARGET, data, metadata, new Comms.Endpoint() {
            @Override
            public void message(JsonObject msg) {
                received(w, msg);
            }

            @Override
            public void closed() {
                live.remove(w.modelId());
                w.markClosed();
            }
        });
        return true;
    }

    void close(Widget w) {
        Comms c = comms;
        live.remove(w.modelId());
        w.markClosed();
        if (c != null) {
            c.close(w.modelId());
        }
    }

    /** Sends changed attributes of an open widget. */
    void sendUpdate(Widget w, JsonObject changed) {
        send(w, "update", changed);
    }

    private void send(Widget w, String method, JsonObject state) {
        Comms c = comms;
        if (c == null) {
            return;
        }
        JsonObject msg = new JsonObject();
        msg.addProperty("method", method);
        msg.add("state", state);
        msg.add("buffer_paths", new JsonArray());
        c.send(w.modelId(), msg);
    }

    /** A message from the front end on a widget's comm. */
    private void received(Widget w, JsonObject msg) {
        String method = msg.has("method") && msg.get("method").isJsonPrimitive() ? msg.get("method").getAsString() : "";
        switch (method) {
            case "update" -> {
                JsonObject state = msg.has("state") && msg.get("state").isJsonObject()
                        ? msg.getAsJsonObject("state") : new JsonObject();
                // Other front ends showing the widget learn the change too (ipywidgets 8 echoes every update).
                send(w, "echo_update", state.deepCopy());
                runCallback(w, () -> w.applyFromFrontEnd(state));
            }
            case "request_state" -> send(w, "update", w.state());
            case "custom" -> {
                JsonObject content = msg.has("content") && msg.get("content").isJsonObject()
                        ? msg.getAsJsonObject("content") : new JsonObject();
                runCallback(w, () -> w.onCustom(content));
            }
            default -> LOG.fine(() -> "ignored widget message '" + method + "' for " + w.modelId());
        }
    }

    /** Runs what a front-end message starts; its output and error go to the widget's Output, if any. */
    private void runCallback(Widget w, Runnable body) {
        Output out = w.callbackOutput();
        Runnable captured = out == null ? body : () -> out.capture(body);
        CallbackRunner.Failure failure = runner.run(w.ownerCell(), captured);
        if (failure == null) {
            return;
        }
        if (out != null) {
            out.appendError(failure);
        } else {
            System.err.println(String.join("\n", failure.traceback()));
        }
    }

    /** The control comm: {@code request_states} is answered with every open widget's full state. */
    private void control(String controlId, JsonObject msg) {
        String method = msg.has("method") && msg.get("method").isJsonPrimitive() ? msg.get("method").getAsString() : "";
        if (!"request_states".equals(method)) {
            LOG.fine(() -> "ignored widget control message '" + method + "'");
            return;
        }
        JsonObject states = new JsonObject();
        live.forEach((id, w) -> {
            JsonObject state = w.state();
            JsonObject entry = new JsonObject();
            entry.add("model_name", state.get("_model_name"));
            entry.add("model_module", state.get("_model_module"));
            entry.add("model_module_version", state.get("_model_module_version"));
            entry.add("state", state);
            states.add(id, entry);
        });
        JsonObject reply = new JsonObject();
        reply.addProperty("method", "update_states");
        reply.add("states", states);
        reply.add("buffer_paths", new JsonArray());
        Comms c = comms;
        if (c != null) {
            c.send(controlId, reply);
        }
    }
}

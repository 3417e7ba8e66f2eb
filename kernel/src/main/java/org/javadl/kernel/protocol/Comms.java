package org.javadl.kernel.protocol;

import com.google.gson.JsonObject;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The comm side of the messaging spec: comms the kernel opens ({@link #open}: a widget's model),
 * comms the front end opens to a target registered with {@link #registerTarget} (the widget
 * manager's control comm), messages both ways, closing, and {@code comm_info}. A {@code comm_open}
 * to a target nobody registered is answered at once with a {@code comm_close}, as the spec asks.
 *
 * <p>Front-end messages arrive on the shell thread, one at a time and never while a cell runs (the
 * shell thread runs cells), and their {@link Endpoint} is called there. What the kernel sends
 * may come from any thread; its parent header is the request being handled at that moment (a cell,
 * or the {@code comm_msg} whose callback is running).
 */
public final class Comms {
    private static final Logger LOG = Logger.getLogger(Comms.class.getName());

    /** The kernel's end of one comm: what the front end sends on it. */
    public interface Endpoint {
        /** A {@code comm_msg}'s {@code data}. */
        void message(JsonObject data);

        /** The front end closed the comm. */
        default void closed() {
        }
    }

    /** Serves {@code comm_open}s the front end sends to one target name. */
    public interface Target {
        /** The endpoint for a comm the front end opened, or null to refuse it (it is then closed). */
        Endpoint opened(String commId, JsonObject data, JsonObject metadata);
    }

    private record Open(String target, Endpoint endpoint) {
    }

    private final KernelServer server;
    private final Supplier<JsonObject> parent;
    private final Map<String, Open> open = new ConcurrentHashMap<>();
    private final Map<String, Target> targets = new ConcurrentHashMap<>();

    /** {@code parent}: the header of the request being handled now, for what the kernel publishes. */
    Comms(KernelServer server, Supplier<JsonObject> parent) {
        this.server = server;
        this.parent = parent;
    }

    /** Serves comms the front end opens to {@code name} from now on. */
    public void registerTarget(String name, Target target) {
        targets.put(name, target);
    }

    /** A fresh comm id (32 hex digits, as ipykernel makes them). */
    public static String newId() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    /** Opens comm {@code id} (from {@link #newId()}) to the front end's {@code target}. */
    public void open(String id, String target, JsonObject data, JsonObject metadata, Endpoint endpoint) {
        open.put(id, new Open(target, endpoint));
        JsonObject c = new JsonObject();
        c.addProperty("comm_id", id);
        c.addProperty("target_name", target);
        c.add("data", data);
        server.publish("comm_open", parent.get(), metadata, c);
    }

    /** Sends {@code data} on an open comm; nothing if it is closed. */
    public void send(String commId, JsonObject data) {
        if (!open.containsKey(commId)) {
            return;
        }
        JsonObject c = new JsonObject();
        c.addProperty("comm_id", commId);
        c.add("data", data);
        server.publish("comm_msg", parent.get(), c);
    }

    /** Closes a comm from the kernel's side. */
    public void close(String commId) {
        if (open.remove(commId) == null) {
            return;
        }
        JsonObject c = new JsonObject();
        c.addProperty("comm_id", commId);
        c.add("data", new JsonObject());
        server.publish("comm_close", parent.get(), c);
    }

    public boolean isOpen(String commId) {
        return open.containsKey(commId);
    }

    /** A {@code comm_open}, {@code comm_msg} or {@code comm_close} from the front end. */
    void handle(WireMessage message) {
        JsonObject c = message.content();
        String id = string(c, "comm_id");
        if (id == null) {
            LOG.warning("ignored " + message.type() + " without a comm_id");
            return;
        }
        JsonObject data = c.has("data") && c.get("data").isJsonObject() ? c.getAsJsonObject("data") : new JsonObject();
        switch (message.type()) {
            case "comm_open" -> opened(id, string(c, "target_name"), data, message.metadata());
            case "comm_msg" -> {
                Open o = open.get(id);
                if (o == null) {
                    LOG.fine(() -> "comm_msg for comm " + id + ", which is not open");
                    return;
                }
                deliver(id, () -> o.endpoint().message(data));
            }
            case "comm_close" -> {
                Open o = open.remove(id);
                if (o != null) {
                    deliver(id, () -> o.endpoint().closed());
                }
            }
            default -> LOG.fine(() -> "ignored " + message.type() + " for comm " + id);
        }
    }

    private void opened(String id, String targetName, JsonObject data, JsonObject metadata) {
        Target target = targetName == null ? null : targets.get(targetName);
        Endpoint endpoint = null;
        if (target != null) {
            try {
                endpoint = target.opened(id, data, metadata == null ? new JsonObject() : metadata);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "comm target " + targetName + " failed to open comm " + id, e);
            }
        }
        if (endpoint == null) {
            LOG.fine(() -> "comm_open to unknown target '" + targetName + "': closing it");
            JsonObject close = new JsonObject();
            close.addProperty("comm_id", id);
            close.add("data", new JsonObject());
            server.publish("comm_close", parent.get(), close);
            return;
        }
        open.put(id, new Open(targetName, endpoint));
    }

    /** An endpoint's failure is logged: it must not take the shell thread's request down with it. */
    private static void deliver(String id, Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "comm " + id + " failed to handle a message", e);
        }
    }

    private static String string(JsonObject o, String key) {
        return o.has(key) && o.get(key).isJsonPrimitive() ? o.get(key).getAsString() : null;
    }

    /** {@code comm_info_reply} content: the open comms, optionally of one target only. */
    JsonObject info(JsonObject request) {
        String only = string(request, "target_name");
        JsonObject comms = new JsonObject();
        open.forEach((id, o) -> {
            if (only == null || only.equals(o.target())) {
                JsonObject t = new JsonObject();
                t.addProperty("target_name", o.target());
                comms.add(id, t);
            }
        });
        JsonObject reply = new JsonObject();
        reply.addProperty("status", "ok");
        reply.add("comms", comms);
        return reply;
    }
}

package org.javadl.kernel.protocol;

import com.google.gson.JsonObject;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * The comm side of the messaging spec. No comm targets are registered yet, so every {@code comm_open}
 * is answered at once with a {@code comm_close}, as the spec asks, and the front end does not keep
 * a comm that nobody serves.
 */
final class Comms {
    private static final Logger LOG = Logger.getLogger(Comms.class.getName());

    private final KernelServer server;
    /** Comm id → target name of the comms that are open (none while no target exists). */
    private final Map<String, String> open = new ConcurrentHashMap<>();

    Comms(KernelServer server) {
        this.server = server;
    }

    void handle(WireMessage message) {
        JsonObject c = message.content();
        String id = c.has("comm_id") && c.get("comm_id").isJsonPrimitive() ? c.get("comm_id").getAsString() : null;
        if (id == null) {
            LOG.warning("ignored " + message.type() + " without a comm_id");
            return;
        }
        switch (message.type()) {
            case "comm_open" -> {
                String target = c.has("target_name") && c.get("target_name").isJsonPrimitive()
                        ? c.get("target_name").getAsString() : "";
                LOG.fine(() -> "comm_open to unknown target '" + target + "': closing it");
                JsonObject close = new JsonObject();
                close.addProperty("comm_id", id);
                close.add("data", new JsonObject());
                server.publish("comm_close", message.header(), close);
            }
            case "comm_close" -> open.remove(id);
            default -> LOG.fine(() -> "ignored " + message.type() + " for comm " + id);
        }
    }

    /** {@code comm_info_reply} content: the open comms, optionally of one target only. */
    JsonObject info(JsonObject request) {
        String only = request.has("target_name") && request.get("target_name").isJsonPrimitive()
                ? request.get("target_name").getAsString() : null;
        JsonObject comms = new JsonObject();
        open.forEach((id, target) -> {
            if (only == null || only.equals(target)) {
                JsonObject t = new JsonObject();
                t.addProperty("target_name", target);
                comms.add(id, t);
            }
        });
        JsonObject reply = new JsonObject();
        reply.addProperty("status", "ok");
        reply.add("comms", comms);
        return reply;
    }
}

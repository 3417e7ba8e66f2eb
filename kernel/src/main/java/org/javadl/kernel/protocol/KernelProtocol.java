package org.javadl.kernel.protocol;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.javadl.kernel.protocol.KernelServer.Channel;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Answers Jupyter requests: {@code status} busy/idle around each one, dispatch by message type, the
 * replies, {@code kernel_info}, interrupt and shutdown, comms. Cells, completion and inspection are the
 * {@link Language}'s. Shell requests arrive on the shell thread one at a time; control requests
 * (interrupt, shutdown, kernel_info) on the control thread, also while a cell runs.
 */
public final class KernelProtocol implements KernelServer.Handler {
    private static final Logger LOG = Logger.getLogger(KernelProtocol.class.getName());

    private final KernelServer server;
    private final Language language;
    private final CellOutput output;
    private final ExecuteHandler execute;
    private final Comms comms;
    private final Runnable onShutdown;

    public KernelProtocol(KernelServer server, Language language, long outputLimit, Runnable onShutdown) {
        this.server = server;
        this.language = language;
        this.onShutdown = onShutdown;
        this.output = new CellOutput(server, outputLimit, language::interruptRequested, language::writerCell);
        language.onBackgroundNote(output::backgroundNote);
        this.execute = new ExecuteHandler(server, language, output);
        this.comms = new Comms(server, output::parentHeader);
    }

    /** The comms of this kernel: widgets open theirs here, and register the targets they serve. */
    public Comms comms() {
        return comms;
    }

    /** Routes System.out/err/in and displays of cells to this kernel's IOPub and stdin channels. */
    public void installStreams() {
        output.installStreams();
        language.connect(new Language.FrontEnd(output.displaySink(), output.captures(), comms));
    }

    @Override
    public void handle(Channel channel, WireMessage request) {
        String type = request.type();
        JsonObject parent = request.header();
        // An interrupt on control is answered without busy/idle: the cell it stops owns the status.
        boolean withStatus = channel == Channel.SHELL || !"interrupt_request".equals(type);
        if (withStatus) {
            status("busy", parent);
        }
        try {
            dispatch(channel, request);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "failed to handle " + type, e);
            if (type.endsWith("_request")) {
                JsonObject c = new JsonObject();
                c.addProperty("status", "error");
                c.addProperty("ename", e.getClass().getSimpleName());
                c.addProperty("evalue", String.valueOf(e.getMessage()));
                c.add("traceback", new JsonArray());
                server.reply(channel, request, type.replace("_request", "_reply"), c);
            }
        } finally {
            if (withStatus) {
                status("idle", parent);
            }
        }
    }

    private void dispatch(Channel channel, WireMessage request) {
        String type = request.type();
        JsonObject content = request.content();
        switch (type) {
            case "kernel_info_request" -> server.reply(channel, request, "kernel_info_reply", kernelInfo());
            case "execute_request" -> {
                boolean failed;
                language.requestStarting();
                try {
                    failed = execute.execute(channel, request);
                } finally {
                    language.requestEnded();
                }
                if (failed && channel == Channel.SHELL) {
                    abortQueued();
                }
            }
            case "complete_request" -> server.reply(channel, request, "complete_reply", complete(content));
            case "inspect_request" -> server.reply(channel, request, "inspect_reply", inspect(content));
            case "is_complete_request" -> server.reply(channel, request, "is_complete_reply", isComplete(content));
            case "history_request" -> {
                JsonObject reply = ok();
                reply.add("history", execute.history().answer(content));
                server.reply(channel, request, "history_reply", reply);
            }
            case "comm_info_request" -> server.reply(channel, request, "comm_info_reply", comms.info(content));
            case "comm_open", "comm_msg", "comm_close" -> {
                // What a widget's callback prints, displays or sends belongs to this message.
                output.beginComm(request);
                language.requestStarting();
                try {
                    comms.handle(request);
                } finally {
                    language.requestEnded();
                    output.endComm();
                }
            }
            case "interrupt_request" -> {
                language.interrupt();
                server.reply(channel, request, "interrupt_reply", ok());
            }
            case "shutdown_request" -> shutdown(channel, request);
            default -> LOG.warning("ignored unknown message type '" + type + "' on " + channel);
        }
    }

    /** After an error, requests to run cells that were queued behind it are answered "aborted". */
    private void abortQueued() {
        for (WireMessage queued : server.pollQueuedShellRequests()) {
            if ("execute_request".equals(queued.type())) {
                status("busy", queued.header());
                execute.abort(queued);
                status("idle", queued.header());
            } else {
                handle(Channel.SHELL, queued);
            }
        }
    }

    private void status(String state, JsonObject parent) {
        JsonObject c = new JsonObject();
        c.addProperty("execution_state", state);
        server.publish("status", parent, c);
    }

    private static JsonObject ok() {
        JsonObject c = new JsonObject();
        c.addProperty("status", "ok");
        return c;
    }

    JsonObject kernelInfo() {
        JsonObject c = ok();
        c.addProperty("protocol_version", "5.3");
        language.kernelInfo().entrySet().forEach(e -> c.add(e.getKey(), e.getValue()));
        return c;
    }

    private JsonObject complete(JsonObject req) {
        String code = req.get("code").getAsString();
        Language.Completion c = language.complete(code, cursor(req, code));
        JsonObject reply = ok();
        JsonArray matches = new JsonArray();
        c.matches().forEach(matches::add);
        reply.add("matches", matches);
        reply.addProperty("cursor_start", c.start());
        reply.addProperty("cursor_end", c.end());
        reply.add("metadata", c.metadata());
        return reply;
    }

    private JsonObject inspect(JsonObject req) {
        String code = req.get("code").getAsString();
        int detail = req.has("detail_level") && req.get("detail_level").isJsonPrimitive()
                ? req.get("detail_level").getAsInt() : 0;
        Language.Inspection doc = language.inspect(code, cursor(req, code), detail);
        JsonObject reply = ok();
        reply.addProperty("found", doc.found());
        reply.add("data", doc.found() ? doc.data() : new JsonObject());
        reply.add("metadata", new JsonObject());
        return reply;
    }

    private static int cursor(JsonObject req, String code) {
        return req.has("cursor_pos") && !req.get("cursor_pos").isJsonNull() ? req.get("cursor_pos").getAsInt() : code.length();
    }

    private JsonObject isComplete(JsonObject req) {
        Language.Completeness r = language.isComplete(req.get("code").getAsString());
        JsonObject reply = new JsonObject();
        reply.addProperty("status", r.status());
        if ("incomplete".equals(r.status())) {
            reply.addProperty("indent", r.indent());
        }
        return reply;
    }

    private void shutdown(Channel channel, WireMessage request) {
        boolean restart = ExecuteRequest.bool(request.content(), "restart", false);
        JsonObject reply = ok();
        reply.addProperty("restart", restart);
        server.reply(channel, request, "shutdown_reply", reply);
        server.publish("shutdown_reply", request.header(), reply);
        status("idle", request.header());
        language.interrupt();
        onShutdown.run();
    }
}

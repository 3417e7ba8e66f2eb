package org.javadl.kernel;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import org.javadl.kernel.display.Renderers;
import org.javadl.kernel.engine.CellOutcome;
import org.javadl.kernel.engine.CodeAssist;
import org.javadl.kernel.engine.CellThreads;
import org.javadl.kernel.engine.JavaEngine;
import org.javadl.kernel.protocol.KernelServer;
import org.javadl.kernel.protocol.KernelServer.Channel;
import org.javadl.kernel.protocol.OutputRouter;
import org.javadl.kernel.protocol.StreamPublisher;
import org.javadl.kernel.protocol.WireMessage;
import org.javadl.kernel.runtime.DisplaySink;

import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Answers Jupyter requests: runs cells on the engine, renders results, and keeps the session's
 * execution count and history. Shell requests arrive on the shell thread one at a time; control
 * requests (interrupt, shutdown, kernel_info) on the control thread, also while a cell runs.
 */
public final class JavaKernel implements KernelServer.Handler {
    private static final Logger LOG = Logger.getLogger(JavaKernel.class.getName());
    private static final Gson GSON = new Gson();
    static final String VERSION = "0.1.0";

    private final KernelServer server;
    private final JavaEngine engine;
    private final History history = new History();
    private final StreamPublisher stdout;
    private final StreamPublisher stderr;
    private final KernelInput stdin;
    private final KernelStreams streams;
    private final CellBoundary boundary;
    /** Sends what a thread of an earlier cell shows (text, displays) to that cell. */
    private final OutputRouter router;
    private final Runnable onShutdown;
    private int executionCount;
    /** Header of the request whose output is being produced (streams and displays go there). */
    private volatile JsonObject currentParent = new JsonObject();
    private volatile WireMessage currentRequest;
    private volatile boolean currentSilent;

    public JavaKernel(KernelServer server, JavaEngine engine, long outputLimit, Runnable onShutdown) {
        this.server = server;
        this.engine = engine;
        this.onShutdown = onShutdown;
        this.router = new OutputRouter(CellThreads::writerCell);
        this.stdout = new StreamPublisher("stdout", server, () -> currentParent, outputLimit, () -> currentSilent, router);
        this.stderr = new StreamPublisher("stderr", server, () -> currentParent, outputLimit, () -> currentSilent, router);
        this.stdin = new KernelInput(prompt -> {
            WireMessage req = currentRequest;
            return req == null ? null : server.requestInput(req, prompt, false, engine::interruptRequested);
        }, router::isForeground);
        this.streams = new KernelStreams(stdout, stderr, stdin);
        this.boundary = new CellBoundary(router, streams, stderr, engine);
    }

    /** Routes System.out/err/in and displays of cells to this kernel. */
    public void installStreams() {
        streams.install();
        org.javadl.kernel.runtime.Notebook.setSink(new DisplaySink() {
            @Override
            public void display(DisplayData data) {
                publishDisplay("display_data", data);
            }

            @Override
            public void updateDisplay(DisplayData data) {
                publishDisplay("update_display_data", data);
            }

            @Override
            public void clearOutput(boolean wait) {
                JsonObject parent = outputParent();
                if (parent == null) {
                    return;
                }
                stdout.publishPending();
                stderr.publishPending();
                JsonObject c = new JsonObject();
                c.addProperty("wait", wait);
                server.publish("clear_output", parent, c);
            }
        });
        Thread ticker = new Thread(() -> {
            while (!server.isClosed()) {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
                stdout.publishPending();
                stderr.publishPending();
            }
        }, "javadl-output-ticker");
        ticker.setDaemon(true);
        ticker.start();
    }

    /**
     * The parent for a display or clear from the calling thread: the running request, or the
     * earlier cell whose thread it is ({@link OutputRouter}); null when a silent request's own
     * output must be dropped.
     */
    private JsonObject outputParent() {
        int destination = router.destination();
        if (destination != OutputRouter.FOREGROUND) {
            return router.headerOf(destination);
        }
        return currentSilent ? null : currentParent;
    }

    private void publishDisplay(String type, DisplayData data) {
        JsonObject parent = outputParent();
        if (parent == null) {
            return;
        }
        // Text printed before the display must appear before it.
        stdout.publishPending();
        stderr.publishPending();
        JsonObject content = bundle(data);
        if (!content.has("transient")) {
            content.add("transient", new JsonObject());
        }
        server.publish(type, parent, content);
    }

    private static JsonObject bundle(DisplayData data) {
        JsonObject o = GSON.toJsonTree(data).getAsJsonObject();
        if (!o.has("metadata")) {
            o.add("metadata", new JsonObject());
        }
        if (!o.has("data")) {
            o.add("data", new JsonObject());
        }
        return o;
    }

    /** True if a MIME bundle has some representation other than an empty {@code text/plain}. */
    static boolean showsSomething(JsonObject data) {
        for (var e : data.entrySet()) {
            JsonElement v = e.getValue();
            boolean emptyText = "text/plain".equals(e.getKey()) && v.isJsonPrimitive() && v.getAsString().isEmpty();
            if (!v.isJsonNull() && !emptyText) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void handle(Channel channel, WireMessage request) {
        String type = request.type();
        JsonObject parent = request.header();
        if (channel == Channel.SHELL || !"interrupt_request".equals(type)) {
            status("busy", parent);
        }
        try {
            switch (type) {
                case "kernel_info_request" -> server.reply(channel, request, "kernel_info_reply", kernelInfo());
                case "execute_request" -> execute(channel, request);
                case "complete_request" -> complete(channel, request);
                case "inspect_request" -> inspect(channel, request);
                case "is_complete_request" -> isComplete(channel, request);
                case "history_request" -> history(channel, request);
                case "comm_info_request" -> {
                    JsonObject c = ok();
                    c.add("comms", new JsonObject());
                    server.reply(channel, request, "comm_info_reply", c);
                }
                case "interrupt_request" -> {
                    engine.interrupt();
                    server.reply(channel, request, "interrupt_reply", ok());
                }
                case "shutdown_request" -> shutdown(channel, request);
                case "comm_open", "comm_msg", "comm_close" -> {
                    // No comm targets are registered; the front end treats silence as "none".
                }
                default -> LOG.warning("ignored unknown message type '" + type + "' on " + channel);
            }
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
            if (channel == Channel.SHELL || !"interrupt_request".equals(type)) {
                status("idle", parent);
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
        c.addProperty("implementation", "javadl");
        c.addProperty("implementation_version", VERSION);
        JsonObject li = new JsonObject();
        li.addProperty("name", "java");
        li.addProperty("version", Runtime.version().toString());
        li.addProperty("mimetype", "text/x-java");
        li.addProperty("file_extension", ".java");
        li.addProperty("pygments_lexer", "java");
        li.addProperty("codemirror_mode", "text/x-java");
        c.add("language_info", li);
        c.addProperty("banner", "javadl " + VERSION + ": Java " + Runtime.version().feature()
                + " with JShell and the javadl deep-learning library (org.javadl.DL.* preloaded)");
        JsonArray links = new JsonArray();
        JsonObject jdk = new JsonObject();
        jdk.addProperty("text", "Java API");
        jdk.addProperty("url", "https://docs.oracle.com/en/java/javase/" + Runtime.version().feature() + "/docs/api/");
        links.add(jdk);
        c.add("help_links", links);
        c.addProperty("debugger", false);
        return c;
    }

    private void execute(Channel channel, WireMessage request) {
        JsonObject req = request.content();
        String code = req.has("code") ? req.get("code").getAsString() : "";
        boolean silent = bool(req, "silent", false);
        boolean storeHistory = bool(req, "store_history", !silent) && !silent;
        boolean allowStdin = bool(req, "allow_stdin", true);
        boolean stopOnError = bool(req, "stop_on_error", true);
        if (storeHistory) {
            executionCount++;
        }
        int count = executionCount;
        currentParent = request.header();
        currentRequest = request;
        currentSilent = silent;
        if (!silent) {
            JsonObject in = new JsonObject();
            in.addProperty("code", code);
            in.addProperty("execution_count", count);
            server.publish("execute_input", request.header(), in);
        }
        if (storeHistory) {
            history.add(count, code);
        }
        stdin.startCell(allowStdin);
        boundary.beforeCell(count, request.header(), silent);
        JsonArray payload = new JsonArray();
        CellOutcome outcome;
        try {
            java.util.regex.Matcher help = HELP.matcher(code);
            outcome = help.matches() ? page(help.group(1), payload) : engine.execute(code, count);
        } catch (RuntimeException | StackOverflowError e) {
            outcome = new CellOutcome.Failure(e.getClass().getName(), String.valueOf(e.getMessage()),
                    List.of("javadl internal error: " + e));
            LOG.log(Level.SEVERE, "engine failure", e);
        }
        boundary.afterCellCode(count);
        stdout.endCell();
        stderr.endCell();
        JsonObject reply = new JsonObject();
        if (outcome instanceof CellOutcome.Success s) {
            if (s.hasValue() && !silent) {
                DisplayData shown = Renderers.standard().render(s.value());
                JsonObject result = bundle(shown);
                result.remove("transient");
                result.addProperty("execution_count", count);
                // Front ends draw an "Out[n]:" prompt for every execute_result, so a value that
                // renders as nothing (an object whose toString() is "") sends none at all.
                if (showsSomething(result.getAsJsonObject("data"))) {
                    server.publish("execute_result", request.header(), result);
                }
                if (storeHistory) {
                    Object text = shown.getData(io.github.spencerpark.jupyter.kernel.display.mime.MIMEType.TEXT_PLAIN);
                    history.setOutput(count, text == null ? null : text.toString());
                }
            }
            reply.addProperty("status", "ok");
            reply.add("user_expressions", userExpressions(req));
        } else {
            CellOutcome.Failure f = (CellOutcome.Failure) outcome;
            JsonArray tb = new JsonArray();
            f.traceback().forEach(tb::add);
            if (!silent) {
                JsonObject err = new JsonObject();
                err.addProperty("ename", f.ename());
                err.addProperty("evalue", f.evalue());
                err.add("traceback", tb);
                server.publish("error", request.header(), err);
            }
            reply.addProperty("status", "error");
            reply.addProperty("ename", f.ename());
            reply.addProperty("evalue", f.evalue());
            reply.add("traceback", tb);
        }
        reply.addProperty("execution_count", count);
        reply.add("payload", payload);
        if (!reply.has("user_expressions")) {
            reply.add("user_expressions", new JsonObject());
        }
        currentRequest = null;
        currentSilent = false;
        server.reply(channel, request, "execute_reply", reply);
        if (outcome instanceof CellOutcome.Failure && stopOnError && channel == Channel.SHELL) {
            abortQueued();
        }
    }

    /** {@code Math.abs?} or {@code sigmoid?}: documentation in the front end's pager, as in IPython. */
    private static final java.util.regex.Pattern HELP =
            java.util.regex.Pattern.compile("\\s*([\\p{L}_$][\\p{L}\\p{N}_$]*(?:\\s*\\.\\s*[\\p{L}_$][\\p{L}\\p{N}_$]*)*)\\s*\\?\\s*");

    private CellOutcome page(String name, JsonArray payload) {
        CodeAssist.Documentation doc = engine.inspect(name, name.length());
        if (!doc.found()) {
            return new CellOutcome.Failure("NotFound", "no documentation found for " + name,
                    List.of("NotFound: no documentation found for " + name
                            + " (is it defined, and spelled as in Java?)"));
        }
        JsonObject page = new JsonObject();
        page.addProperty("source", "page");
        page.add("data", documentationBundle(doc));
        page.addProperty("start", 0);
        payload.add(page);
        return new CellOutcome.Success(false, null);
    }

    /** After an error, requests to run cells that were queued behind it are answered "aborted". */
    private void abortQueued() {
        for (WireMessage queued : server.pollQueuedShellRequests()) {
            if ("execute_request".equals(queued.type())) {
                status("busy", queued.header());
                JsonObject c = new JsonObject();
                c.addProperty("status", "aborted");
                c.addProperty("execution_count", executionCount);
                server.reply(Channel.SHELL, queued, "execute_reply", c);
                status("idle", queued.header());
            } else {
                handle(Channel.SHELL, queued);
            }
        }
    }

    private JsonObject userExpressions(JsonObject req) {
        JsonObject out = new JsonObject();
        if (!req.has("user_expressions") || !req.get("user_expressions").isJsonObject()) {
            return out;
        }
        for (Map.Entry<String, JsonElement> e : req.getAsJsonObject("user_expressions").entrySet()) {
            CellOutcome o = engine.execute(e.getValue().getAsString(), 0);
            JsonObject r = new JsonObject();
            if (o instanceof CellOutcome.Success s) {
                r.addProperty("status", "ok");
                JsonObject b = bundle(Renderers.standard().render(s.hasValue() ? s.value() : null));
                r.add("data", b.get("data"));
                r.add("metadata", b.get("metadata"));
            } else {
                CellOutcome.Failure f = (CellOutcome.Failure) o;
                r.addProperty("status", "error");
                r.addProperty("ename", f.ename());
                r.addProperty("evalue", f.evalue());
                JsonArray tb = new JsonArray();
                f.traceback().forEach(tb::add);
                r.add("traceback", tb);
            }
            out.add(e.getKey(), r);
        }
        return out;
    }

    private void complete(Channel channel, WireMessage request) {
        JsonObject req = request.content();
        String code = req.get("code").getAsString();
        int cursor = req.has("cursor_pos") ? req.get("cursor_pos").getAsInt() : code.length();
        CodeAssist.Completion c = engine.complete(code, cursor);
        JsonObject reply = ok();
        JsonArray matches = new JsonArray();
        c.matches().forEach(matches::add);
        reply.add("matches", matches);
        reply.addProperty("cursor_start", c.cursorStart());
        reply.addProperty("cursor_end", c.cursorEnd());
        reply.add("metadata", new JsonObject());
        server.reply(channel, request, "complete_reply", reply);
    }

    private void inspect(Channel channel, WireMessage request) {
        JsonObject req = request.content();
        String code = req.get("code").getAsString();
        int cursor = req.has("cursor_pos") ? req.get("cursor_pos").getAsInt() : code.length();
        CodeAssist.Documentation doc = engine.inspect(code, cursor);
        JsonObject reply = ok();
        reply.addProperty("found", doc.found());
        JsonObject data = doc.found() ? documentationBundle(doc) : new JsonObject();
        reply.add("data", data);
        reply.add("metadata", new JsonObject());
        server.reply(channel, request, "inspect_reply", reply);
    }

    /** Signatures and javadoc as text/plain and text/html. */
    private static JsonObject documentationBundle(CodeAssist.Documentation doc) {
        StringBuilder text = new StringBuilder();
        StringBuilder html = new StringBuilder();
        for (int i = 0; i < doc.signatures().size(); i++) {
            String sig = doc.signatures().get(i);
            String jd = doc.javadocs().get(i);
            text.append(sig).append('\n');
            html.append("<div><code><b>").append(org.javadl.show.Html.escape(sig)).append("</b></code>");
            if (!jd.isBlank()) {
                text.append(jd.strip().indent(4)).append('\n');
                html.append("<pre style=\"white-space:pre-wrap\">").append(org.javadl.show.Html.escape(jd.strip()))
                        .append("</pre>");
            }
            html.append("</div>");
        }
        JsonObject data = new JsonObject();
        data.addProperty("text/plain", text.toString().strip());
        data.addProperty("text/html", html.toString());
        return data;
    }

    private void isComplete(Channel channel, WireMessage request) {
        CodeAssist.IsComplete r = engine.isComplete(request.content().get("code").getAsString());
        JsonObject reply = new JsonObject();
        reply.addProperty("status", r.status());
        if ("incomplete".equals(r.status())) {
            reply.addProperty("indent", r.indent());
        }
        server.reply(channel, request, "is_complete_reply", reply);
    }

    private void history(Channel channel, WireMessage request) {
        JsonObject reply = ok();
        reply.add("history", history.answer(request.content()));
        server.reply(channel, request, "history_reply", reply);
    }

    private void shutdown(Channel channel, WireMessage request) {
        boolean restart = bool(request.content(), "restart", false);
        JsonObject reply = ok();
        reply.addProperty("restart", restart);
        server.reply(channel, request, "shutdown_reply", reply);
        server.publish("shutdown_reply", request.header(), reply);
        status("idle", request.header());
        engine.interrupt();
        onShutdown.run();
    }

    private static boolean bool(JsonObject o, String key, boolean fallback) {
        JsonElement e = o.get(key);
        if (e == null || e.isJsonNull()) {
            return fallback;
        }
        try {
            return e.getAsBoolean();
        } catch (RuntimeException notBoolean) {
            return fallback;
        }
    }
}

package org.javadl.kernel.protocol;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.javadl.kernel.protocol.KernelServer.Channel;

import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The {@code execute_request} flow of the messaging spec: the execution count, {@code execute_input},
 * history, running the cell on the {@link Language}, {@code execute_result} or {@code error} on IOPub,
 * the reply, and after a failure the {@code aborted} replies for cells queued behind it.
 */
final class ExecuteHandler {
    private static final Logger LOG = Logger.getLogger(ExecuteHandler.class.getName());

    private final KernelServer server;
    private final Language language;
    private final CellOutput output;
    private final History history = new History();
    private int executionCount;

    ExecuteHandler(KernelServer server, Language language, CellOutput output) {
        this.server = server;
        this.language = language;
        this.output = output;
    }

    History history() {
        return history;
    }

    int executionCount() {
        return executionCount;
    }

    /** Runs the request's cell; returns true if it failed and asked for later cells to be aborted. */
    boolean execute(Channel channel, WireMessage request) {
        ExecuteRequest req = ExecuteRequest.of(request.content());
        if (req.storeHistory()) {
            executionCount++;
        }
        int count = executionCount;
        output.beginCell(request, count, req.silent(), req.allowStdin());
        if (!req.silent()) {
            JsonObject in = new JsonObject();
            in.addProperty("code", req.code());
            in.addProperty("execution_count", count);
            server.publish("execute_input", request.header(), in);
        }
        if (req.storeHistory()) {
            history.add(count, req.code());
        }
        Outcome outcome = run(() -> language.execute(req.code(), count, req.silent()));
        output.endCellCode(language.afterCellNote(count));
        output.flushCell();
        JsonObject reply = new JsonObject();
        if (outcome instanceof Outcome.Ok ok) {
            publishResult(request, req, count, ok);
            reply.addProperty("status", "ok");
            reply.add("user_expressions", userExpressions(req.userExpressions()));
            JsonArray payload = new JsonArray();
            ok.payload().forEach(payload::add);
            reply.add("payload", payload);
        } else {
            Outcome.Error e = (Outcome.Error) outcome;
            if (!req.silent()) {
                server.publish("error", request.header(), errorContent(e));
            }
            reply.addProperty("status", "error");
            copyError(e, reply);
            reply.add("payload", new JsonArray());
            reply.add("user_expressions", new JsonObject());
        }
        reply.addProperty("execution_count", count);
        output.endCell();
        server.reply(channel, request, "execute_reply", reply);
        return outcome instanceof Outcome.Error && req.stopOnError();
    }

    /** The language's outcome; a bug in it becomes an error reply rather than a lost request. */
    private static Outcome run(java.util.function.Supplier<Outcome> cell) {
        try {
            return cell.get();
        } catch (RuntimeException | StackOverflowError e) {
            LOG.log(Level.SEVERE, "language failure", e);
            return new Outcome.Error(e.getClass().getName(), String.valueOf(e.getMessage()),
                    List.of("javadl internal error: " + e));
        }
    }

    private void publishResult(WireMessage request, ExecuteRequest req, int count, Outcome.Ok ok) {
        if (ok.result() == null || req.silent()) {
            return;
        }
        JsonObject result = ok.result().deepCopy();
        result.remove("transient");
        result.addProperty("execution_count", count);
        // Front ends draw an "Out[n]:" prompt for every execute_result, so a value that renders as
        // nothing (an object whose toString() is "") sends none at all.
        JsonObject data = result.getAsJsonObject("data");
        if (data != null && MimeBundle.showsSomething(data)) {
            server.publish("execute_result", request.header(), result);
        }
        if (req.storeHistory() && data != null && data.has("text/plain") && data.get("text/plain").isJsonPrimitive()) {
            history.setOutput(count, data.get("text/plain").getAsString());
        }
    }

    private JsonObject userExpressions(Map<String, String> expressions) {
        JsonObject out = new JsonObject();
        for (Map.Entry<String, String> e : expressions.entrySet()) {
            Outcome o = run(() -> language.evaluate(e.getValue()));
            JsonObject r = new JsonObject();
            if (o instanceof Outcome.Ok ok) {
                r.addProperty("status", "ok");
                JsonObject bundle = ok.result() == null ? new JsonObject() : ok.result();
                r.add("data", bundle.has("data") ? bundle.get("data") : new JsonObject());
                r.add("metadata", bundle.has("metadata") ? bundle.get("metadata") : new JsonObject());
            } else {
                r.addProperty("status", "error");
                copyError((Outcome.Error) o, r);
            }
            out.add(e.getKey(), r);
        }
        return out;
    }

    private static JsonObject errorContent(Outcome.Error e) {
        JsonObject err = new JsonObject();
        copyError(e, err);
        return err;
    }

    private static void copyError(Outcome.Error e, JsonObject into) {
        into.addProperty("ename", e.ename());
        into.addProperty("evalue", e.evalue());
        JsonArray tb = new JsonArray();
        e.traceback().forEach(tb::add);
        into.add("traceback", tb);
    }

    /** The reply to an execute request that was queued behind a failed cell. */
    void abort(WireMessage queued) {
        JsonObject c = new JsonObject();
        c.addProperty("status", "aborted");
        c.addProperty("execution_count", executionCount);
        server.reply(Channel.SHELL, queued, "execute_reply", c);
    }
}

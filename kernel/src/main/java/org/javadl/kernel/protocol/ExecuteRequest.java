package org.javadl.kernel.protocol;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import java.util.LinkedHashMap;
import java.util.Map;

/** The fields of an {@code execute_request}, with the messaging spec's defaults for missing or odd ones. */
record ExecuteRequest(String code, boolean silent, boolean storeHistory, boolean allowStdin, boolean stopOnError,
                      Map<String, String> userExpressions) {

    static ExecuteRequest of(JsonObject content) {
        String code = content.has("code") && content.get("code").isJsonPrimitive() ? content.get("code").getAsString() : "";
        boolean silent = bool(content, "silent", false);
        Map<String, String> expressions = new LinkedHashMap<>();
        if (content.has("user_expressions") && content.get("user_expressions").isJsonObject()) {
            for (Map.Entry<String, JsonElement> e : content.getAsJsonObject("user_expressions").entrySet()) {
                if (e.getValue().isJsonPrimitive()) {
                    expressions.put(e.getKey(), e.getValue().getAsString());
                }
            }
        }
        return new ExecuteRequest(code, silent, bool(content, "store_history", !silent) && !silent,
                bool(content, "allow_stdin", true), bool(content, "stop_on_error", true), expressions);
    }

    static boolean bool(JsonObject o, String key, boolean fallback) {
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

package org.javadl.kernel.protocol;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;

/** MIME bundles as they go on the wire: {@code {"data": {...}, "metadata": {...}, "transient": {...}}}. */
public final class MimeBundle {
    private static final Gson GSON = new Gson();

    private MimeBundle() {
    }

    /** The bundle of {@code data}, always with {@code data} and {@code metadata} objects. */
    public static JsonObject of(DisplayData data) {
        JsonObject o = GSON.toJsonTree(data).getAsJsonObject();
        if (!o.has("metadata")) {
            o.add("metadata", new JsonObject());
        }
        if (!o.has("data")) {
            o.add("data", new JsonObject());
        }
        return o;
    }

    /** True if a MIME bundle's data has some representation other than an empty {@code text/plain}. */
    public static boolean showsSomething(JsonObject data) {
        for (var e : data.entrySet()) {
            JsonElement v = e.getValue();
            boolean emptyText = "text/plain".equals(e.getKey()) && v.isJsonPrimitive() && v.getAsString().isEmpty();
            if (!v.isJsonNull() && !emptyText) {
                return true;
            }
        }
        return false;
    }
}

package org.javadl.kernel.protocol;

import com.google.gson.JsonObject;

import java.util.List;

/**
 * One Jupyter message as it travels on a ZMQ socket: routing identities, then the four signed JSON
 * parts, then optional binary buffers. Content stays a Gson {@link JsonObject}: we never let Gson
 * reflect over our own types (its reflection breaks on records and {@code Optional} on JDK 17).
 */
public record WireMessage(List<byte[]> identities, JsonObject header, JsonObject parentHeader,
                          JsonObject metadata, JsonObject content, List<byte[]> buffers) {

    /** The {@code msg_type} from the header (validated non-empty by the codec). */
    public String type() {
        return header.get("msg_type").getAsString();
    }

    /** The session id from the header, or an empty string. */
    public String session() {
        return header.has("session") ? header.get("session").getAsString() : "";
    }
}

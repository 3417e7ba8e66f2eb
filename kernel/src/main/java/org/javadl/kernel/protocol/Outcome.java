package org.javadl.kernel.protocol;

import com.google.gson.JsonObject;

import java.util.List;

/** How a cell (or a user expression) ended, in the terms of an {@code execute_reply}. */
public sealed interface Outcome {

    /**
     * The cell ran. {@code result} is the {@code {"data", "metadata"}} bundle of its value, or null when
     * it has nothing to show; {@code payload} holds reply payloads (pager pages, {@code set_next_input}).
     */
    record Ok(JsonObject result, List<JsonObject> payload) implements Outcome {
        public Ok {
            payload = List.copyOf(payload);
        }

        public static Ok nothing() {
            return new Ok(null, List.of());
        }
    }

    /** The cell failed; the traceback lines are shown as they are (ANSI colours allowed). */
    record Error(String ename, String evalue, List<String> traceback) implements Outcome {
        public Error {
            traceback = List.copyOf(traceback);
        }
    }
}

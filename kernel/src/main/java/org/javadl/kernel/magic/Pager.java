package org.javadl.kernel.magic;

import com.google.gson.JsonObject;
import org.javadl.show.Html;

/** Reply payloads that front ends act on: the pager, and the next cell's input. */
public final class Pager {
    private Pager() {
    }

    /** A pager page (Notebook and Lab show it below the cell, jupyter console prints it). */
    public static JsonObject page(JsonObject data) {
        JsonObject page = new JsonObject();
        page.addProperty("source", "page");
        page.add("data", data);
        page.addProperty("start", 0);
        return page;
    }

    /** Plain text as a page, also as preformatted HTML. */
    public static JsonObject page(String text) {
        JsonObject data = new JsonObject();
        data.addProperty("text/plain", text);
        data.addProperty("text/html", "<pre style=\"white-space:pre-wrap\">" + Html.escape(text) + "</pre>");
        return page(data);
    }

    /** Signatures and javadoc as text/plain and text/html (inspection, and {@code name?} in the pager). */
    public static JsonObject documentation(org.javadl.kernel.engine.CodeAssist.Documentation doc) {
        StringBuilder text = new StringBuilder();
        StringBuilder html = new StringBuilder();
        for (int i = 0; i < doc.signatures().size(); i++) {
            String sig = doc.signatures().get(i);
            String jd = doc.javadocs().get(i);
            text.append(sig).append('\n');
            html.append("<div><code><b>").append(Html.escape(sig)).append("</b></code>");
            if (!jd.isBlank()) {
                text.append(jd.strip().indent(4)).append('\n');
                html.append("<pre style=\"white-space:pre-wrap\">").append(Html.escape(jd.strip())).append("</pre>");
            }
            html.append("</div>");
        }
        JsonObject data = new JsonObject();
        data.addProperty("text/plain", text.toString().strip());
        data.addProperty("text/html", html.toString());
        return data;
    }

    /** {@code set_next_input}: replaces this cell's text ({@code replace}) or adds a cell below. */
    public static JsonObject nextInput(String text, boolean replace) {
        JsonObject p = new JsonObject();
        p.addProperty("source", "set_next_input");
        p.addProperty("text", text);
        p.addProperty("replace", replace);
        return p;
    }
}

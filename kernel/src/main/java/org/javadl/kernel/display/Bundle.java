package org.javadl.kernel.display;

import io.github.spencerpark.jupyter.kernel.display.DisplayData;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A write-only view of a {@link DisplayData} for renderers: puts of MIME types the caller did not
 * ask for are dropped, so each renderer need not filter by itself.
 */
public final class Bundle {
    private final DisplayData data;
    private final RenderOptions options;
    private String text;

    Bundle(DisplayData data, RenderOptions options) {
        this.data = data;
        this.options = options;
    }

    /** Whether {@code mime} will be kept; check before expensive work. */
    public boolean wants(String mime) {
        return options.allows(mime);
    }

    public Bundle text(String text) {
        this.text = text == null ? "null" : text;
        data.putText(this.text);
        return this;
    }

    public Bundle html(String html) {
        if (html != null && wants(MimeTypes.HTML)) {
            data.putHTML(html);
        }
        return this;
    }

    /** LaTeX math in display mode: wrapped in {@code $$...$$} unless already delimited. */
    public Bundle latexMath(String latex) {
        if (latex != null && wants(MimeTypes.LATEX)) {
            String t = latex.strip();
            data.putLatex(t.startsWith("$") || t.startsWith("\\[") || t.startsWith("\\begin{equation")
                    ? t : "$$" + t + "$$");
        }
        return this;
    }

    public Bundle markdown(String markdown) {
        if (markdown != null && wants(MimeTypes.MARKDOWN)) {
            data.putMarkdown(markdown);
        }
        return this;
    }

    public Bundle svg(String svg) {
        if (svg != null && wants(MimeTypes.SVG)) {
            data.putSVG(svg);
        }
        return this;
    }

    /**
     * A PNG whose pixels may be denser than its logical size: the {@code width}/{@code height}
     * metadata tells front ends to show it at {@code logicalWidth x logicalHeight} CSS pixels.
     */
    public Bundle png(byte[] png, int logicalWidth, int logicalHeight) {
        if (png != null && wants(MimeTypes.PNG)) {
            data.putData(MimeTypes.PNG, Base64.getEncoder().encodeToString(png));
            Map<String, Object> meta = new LinkedHashMap<>();
            meta.put("width", logicalWidth);
            meta.put("height", logicalHeight);
            data.putMetaData(MimeTypes.PNG, meta);
        }
        return this;
    }

    /** JSON payload: a Gson {@code JsonElement} or plain Map/List/String/Number, never a record. */
    public Bundle json(String mime, Object json) {
        if (json != null && wants(mime)) {
            data.putData(mime, json);
        }
        return this;
    }

    public RenderOptions options() {
        return options;
    }

    boolean hasText() {
        return text != null;
    }

    /** The text/plain put so far, or null. */
    String textSoFar() {
        return text;
    }
}

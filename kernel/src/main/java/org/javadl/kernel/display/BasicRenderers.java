package org.javadl.kernel.display;

/** Plain-text renderers for the JDK's own types: the fallback, strings, arrays. */
final class BasicRenderers {
    private BasicRenderers() {
    }

    /** Anything: its text form (arrays, collections and maps formatted element by element). */
    static final Renderer<Object> OBJECT = (value, out, options) -> out.text(TextFormat.format(value));

    static void registerAll(Renderers.Builder b) {
        // Arrays of any kind are handled by OBJECT through TextFormat; strings too (quoted). They are
        // registered explicitly only so lookups never have to walk far.
        b.register(CharSequence.class, BasicRenderers::string);
    }

    /**
     * A string is shown quoted, as Java writes it, unless the caller named what it is:
     * {@code display(s, "text/html")} (or markdown, latex, svg, json, plain) shows it as that MIME type.
     */
    private static void string(CharSequence value, Bundle out, RenderOptions options) {
        String s = value.toString();
        boolean raw = false;
        for (String mime : options.mimeTypes()) {
            switch (mime) {
                case MimeTypes.HTML -> out.html(s);
                case MimeTypes.MARKDOWN -> out.markdown(s);
                case MimeTypes.LATEX -> out.latexMath(s);
                case MimeTypes.SVG -> out.svg(s);
                case MimeTypes.JSON -> out.json(MimeTypes.JSON, parseJson(s));
                case MimeTypes.TEXT -> { }
                default -> {
                    continue;
                }
            }
            raw = true;
        }
        out.text(raw ? s : TextFormat.quote(value));
    }

    private static com.google.gson.JsonElement parseJson(String s) {
        try {
            return new com.google.gson.JsonParser().parse(s);
        } catch (com.google.gson.JsonParseException e) {
            throw new IllegalArgumentException("display(text, \"application/json\"): the text is not JSON: " + e.getMessage());
        }
    }
}

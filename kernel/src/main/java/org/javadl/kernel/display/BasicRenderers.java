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
        b.register(CharSequence.class, (value, out, options) -> out.text(TextFormat.quote(value)));
    }
}

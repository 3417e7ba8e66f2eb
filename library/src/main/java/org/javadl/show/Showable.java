package org.javadl.show;

/**
 * A library object that can describe itself in several notations, without knowing anything of
 * Jupyter. A front end (the javadl kernel, a test, a plain {@code main}) picks the richest notation
 * it can show; the kernel maps them to MIME types ({@code text/plain}, {@code text/html},
 * {@code text/latex}, {@code image/svg+xml}).
 *
 * <p>Only {@link #toText()} is required. The other notations return {@code null} when the object
 * has nothing better to offer than its text, so a renderer never shows an empty or fake picture.
 */
public interface Showable {

    /** Plain text, readable in a terminal (also what {@code toString()} should return). */
    String toText();

    /** An HTML fragment (no {@code <html>} or {@code <body>}), or {@code null}. */
    default String toHtml() {
        return null;
    }

    /** A LaTeX math expression to be shown in display mode (without {@code $$}), or {@code null}. */
    default String toLatex() {
        return null;
    }

    /** A complete standalone SVG document ({@code <svg ...>...</svg>}), or {@code null}. */
    default String toSvg() {
        return null;
    }
}

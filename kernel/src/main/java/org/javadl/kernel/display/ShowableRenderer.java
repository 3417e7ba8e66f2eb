package org.javadl.kernel.display;

import org.javadl.show.Showable;

/**
 * Library objects (tensors, graphs, derivations, step tables) describe themselves through
 * {@link Showable}; each non-null notation becomes a MIME type. Relies on the interface only, so it
 * works for library classes written after this kernel.
 */
final class ShowableRenderer implements Renderer<Showable> {

    @Override
    public void render(Showable value, Bundle out, RenderOptions options) {
        String text = value.toText();
        out.text(text == null ? TextFormat.safeToString(value) : text);
        if (out.wants(MimeTypes.HTML)) {
            out.html(value.toHtml());
        }
        if (out.wants(MimeTypes.LATEX)) {
            out.latexMath(value.toLatex());
        }
        if (out.wants(MimeTypes.SVG)) {
            out.svg(value.toSvg());
        }
    }
}

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
        String svg = out.wants(MimeTypes.SVG) || out.wants(MimeTypes.HTML) ? value.toSvg() : null;
        if (out.wants(MimeTypes.HTML)) {
            String html = value.toHtml();
            // Notebook, JupyterLab and nbconvert all pick text/html over image/svg+xml, so a
            // drawing offered beside an HTML table (a computational graph) would never be seen:
            // the HTML carries the drawing first, then the table.
            if (html != null && svg != null) {
                html = "<div class=\"javadl-drawing\">" + svg + "</div>\n" + html;
            }
            out.html(html);
        }
        if (out.wants(MimeTypes.LATEX)) {
            out.latexMath(value.toLatex());
        }
        if (out.wants(MimeTypes.SVG) && svg != null) {
            out.svg(svg);
        }
    }
}

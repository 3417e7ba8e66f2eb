package org.javadl.kernel.display;

/**
 * Figures become {@code image/png} by default (rendered at 2x with logical-size metadata, sharp on
 * HiDPI screens) and {@code image/svg+xml} when asked for; text/plain describes the figure.
 */
final class FigureRenderer implements Renderer<Figure> {

    @Override
    public void render(Figure figure, Bundle out, RenderOptions options) throws Exception {
        int w = options.width() > 0 ? options.width() : figure.width();
        int h = options.height() > 0 ? options.height() : figure.height();
        out.text(figure.describe(w, h));
        // PNG is the default; with an explicit request list, produce exactly what was asked.
        boolean explicit = !options.mimeTypes().isEmpty();
        if (explicit ? options.explicitlyWants(MimeTypes.PNG) : true) {
            out.png(FigureImages.png(figure, w, h, options.scale()), w, h);
        }
        if (options.explicitlyWants(MimeTypes.SVG)) {
            out.svg(FigureImages.svg(figure, w, h));
        }
    }
}

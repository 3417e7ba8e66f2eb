package org.javadl.kernel.display;

import java.awt.Graphics2D;

/**
 * Anything that paints itself onto a {@link Graphics2D} at a given logical size: an XChart chart, a
 * plot builder, a grid of subplots, a heat map. {@link FigureRenderer} turns it into a HiDPI PNG
 * and, on request, an SVG, so every figure gets both for free.
 */
public interface Figure {

    /** Natural width in logical pixels. */
    int width();

    /** Natural height in logical pixels. */
    int height();

    /** Paints onto {@code g} within {@code (0,0)-(width,height)}. */
    void paint(Graphics2D g, int width, int height);

    /** One line for text/plain: what the figure is (type, title, series, size). */
    String describe(int width, int height);
}

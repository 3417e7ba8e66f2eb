package org.javadl.kernel.runtime;

import org.javadl.kernel.display.ChartRenderer;
import org.javadl.kernel.display.Figure;
import org.knowm.xchart.internal.chartpart.Chart;

import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.util.ArrayList;
import java.util.List;

/**
 * Several figures in a grid, painted into one image (one PNG, one SVG): e.g. seven activation
 * functions with their derivatives, one panel each.
 */
public final class Subplots implements Figure {

    private final List<Figure> panels;
    private final int columns;
    private int panelWidth = 320;
    private int panelHeight = 240;

    Subplots(int columns, List<?> figures) {
        if (columns < 1) {
            throw new IllegalArgumentException("columns must be at least 1, got " + columns);
        }
        if (figures.isEmpty()) {
            throw new IllegalArgumentException("subplots needs at least one figure");
        }
        List<Figure> list = new ArrayList<>();
        for (Object f : figures) {
            list.add(asFigure(f));
        }
        this.panels = List.copyOf(list);
        this.columns = Math.min(columns, list.size());
    }

    static Figure asFigure(Object f) {
        if (f instanceof Figure fig) {
            return fig;
        }
        if (f instanceof Chart<?, ?> chart) {
            return ChartRenderer.asFigure(chart);
        }
        throw new IllegalArgumentException("subplots takes plots and charts, not "
                + (f == null ? "null" : f.getClass().getSimpleName()));
    }

    /** Size of each panel in logical pixels (default 320x240). */
    public Subplots panelSize(int width, int height) {
        if (width < 50 || height < 50) {
            throw new IllegalArgumentException("panel size must be at least 50x50, got " + width + "x" + height);
        }
        this.panelWidth = width;
        this.panelHeight = height;
        return this;
    }

    public String show() {
        return Notebook.display(this);
    }

    private int rows() {
        return (panels.size() + columns - 1) / columns;
    }

    @Override
    public int width() {
        return columns * panelWidth;
    }

    @Override
    public int height() {
        return rows() * panelHeight;
    }

    @Override
    public void paint(Graphics2D g, int width, int height) {
        int pw = width / columns;
        int ph = height / rows();
        for (int i = 0; i < panels.size(); i++) {
            int x = (i % columns) * pw;
            int y = (i / columns) * ph;
            AffineTransform saved = g.getTransform();
            Shape savedClip = g.getClip();
            g.translate(x, y);
            g.clipRect(0, 0, pw, ph);
            panels.get(i).paint(g, pw, ph);
            g.setClip(savedClip);
            g.setTransform(saved);
        }
    }

    @Override
    public String describe(int width, int height) {
        StringBuilder b = new StringBuilder("Subplots ").append(rows()).append('x').append(columns)
                .append(' ').append(width).append('x').append(height);
        for (Figure f : panels) {
            b.append("\n  ").append(f.describe(width / columns, height / rows()));
        }
        return b.toString();
    }

    @Override
    public String toString() {
        return describe(width(), height());
    }
}

package org.javadl.kernel.runtime;

import org.javadl.kernel.display.ColorMap;
import org.javadl.kernel.display.Figure;
import org.javadl.kernel.display.Ticks;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A heat map of z over a grid, with a colour bar: loss surfaces, weight matrices.
 * {@code z[i][j]} is the value at {@code (xs[j], ys[i])} (rows follow y, as numpy's meshgrid and
 * matplotlib's pcolormesh have it); ys increase upwards. A gradient-descent path can be drawn on
 * top with {@link #path}.
 */
public final class Heatmap implements Figure {

    private record Overlay(String name, double[] xs, double[] ys) {
    }

    private final double[] xs;
    private final double[] ys;
    private final double[][] z;
    private final List<Overlay> paths = new ArrayList<>();
    private String title = "";
    private String xLabel = "";
    private String yLabel = "";
    private ColorMap colorMap = ColorMap.VIRIDIS;
    private int width = 560;
    private int height = 440;
    private Double zMin;
    private Double zMax;

    Heatmap(double[] xs, double[] ys, double[][] z) {
        Objects.requireNonNull(xs, "xs");
        Objects.requireNonNull(ys, "ys");
        Objects.requireNonNull(z, "z");
        if (xs.length < 1 || ys.length < 1) {
            throw new IllegalArgumentException("heatmap needs at least one x and one y");
        }
        if (z.length != ys.length) {
            throw new IllegalArgumentException("z must have one row per y: z has " + z.length
                    + " rows, ys has " + ys.length + " values");
        }
        for (int i = 0; i < z.length; i++) {
            if (z[i] == null || z[i].length != xs.length) {
                throw new IllegalArgumentException("z row " + i + " must have one value per x ("
                        + xs.length + "), has " + (z[i] == null ? "null" : z[i].length));
            }
        }
        this.xs = xs.clone();
        this.ys = ys.clone();
        this.z = new double[z.length][];
        for (int i = 0; i < z.length; i++) {
            this.z[i] = z[i].clone();
        }
    }

    public Heatmap title(String title) {
        this.title = title == null ? "" : title;
        return this;
    }

    public Heatmap xLabel(String label) {
        this.xLabel = label == null ? "" : label;
        return this;
    }

    public Heatmap yLabel(String label) {
        this.yLabel = label == null ? "" : label;
        return this;
    }

    /** "viridis" (default), "magma", "greys" or "coolwarm" (diverging, for signed values). */
    public Heatmap colorMap(String name) {
        this.colorMap = ColorMap.named(name);
        return this;
    }

    /** Fixes the colour scale (default: min..max of z). */
    public Heatmap zRange(double min, double max) {
        if (!(max > min)) {
            throw new IllegalArgumentException("zRange needs min < max, got " + min + ", " + max);
        }
        this.zMin = min;
        this.zMax = max;
        return this;
    }

    /** Draws a path (e.g. the parameters visited by gradient descent) over the map. */
    public Heatmap path(String name, double[] pxs, double[] pys) {
        if (pxs.length != pys.length) {
            throw new IllegalArgumentException("path xs and ys differ in length: " + pxs.length + " vs " + pys.length);
        }
        paths.add(new Overlay(name, pxs.clone(), pys.clone()));
        return this;
    }

    public Heatmap size(int width, int height) {
        if (width < 150 || height < 120 || width > 8000 || height > 8000) {
            throw new IllegalArgumentException("heatmap size must be at least 150x120, got " + width + "x" + height);
        }
        this.width = width;
        this.height = height;
        return this;
    }

    public String show() {
        return Notebook.display(this);
    }

    @Override
    public int width() {
        return width;
    }

    @Override
    public int height() {
        return height;
    }

    private double[] zRange() {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[] row : z) {
            for (double v : row) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        if (zMin != null) {
            lo = zMin;
            hi = zMax;
        }
        if (!(lo <= hi)) {
            lo = 0;
            hi = 1;
        }
        if (lo == hi) {
            hi = lo + 1;
        }
        return new double[] {lo, hi};
    }

    @Override
    public void paint(Graphics2D g, int width, int height) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        Font base = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
        g.setFont(base);
        FontMetrics fm = g.getFontMetrics();

        int top = title.isEmpty() ? 12 : 34;
        int left = 62;
        int right = 92;
        int bottom = xLabel.isEmpty() ? 34 : 50;
        int pw = Math.max(20, width - left - right);
        int ph = Math.max(20, height - top - bottom);

        double x0 = min(xs);
        double x1 = max(xs);
        double y0 = min(ys);
        double y1 = max(ys);
        if (x1 == x0) {
            x1 = x0 + 1;
        }
        if (y1 == y0) {
            y1 = y0 + 1;
        }
        double[] zr = zRange();

        // The grid as a small image, scaled onto the plot area: smooth for fine grids (a surface),
        // crisp cells for coarse ones (a weight matrix).
        BufferedImage cells = new BufferedImage(xs.length, ys.length, BufferedImage.TYPE_INT_RGB);
        for (int i = 0; i < ys.length; i++) {
            for (int j = 0; j < xs.length; j++) {
                cells.setRGB(j, ys.length - 1 - i, colorMap.rgb((z[i][j] - zr[0]) / (zr[1] - zr[0])));
            }
        }
        boolean fine = xs.length >= 24 && ys.length >= 24;
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, fine
                ? RenderingHints.VALUE_INTERPOLATION_BILINEAR : RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
        g.drawImage(cells, left, top, pw, ph, null);
        g.setColor(new Color(0x555555));
        g.setStroke(new BasicStroke(1f));
        g.drawRect(left, top, pw, ph);

        // Axes ticks and labels.
        for (double t : Ticks.nice(x0, x1, Math.max(2, pw / 80))) {
            int px = left + (int) Math.round((t - x0) / (x1 - x0) * pw);
            g.drawLine(px, top + ph, px, top + ph + 4);
            String s = Ticks.label(t);
            g.drawString(s, px - fm.stringWidth(s) / 2, top + ph + 6 + fm.getAscent());
        }
        for (double t : Ticks.nice(y0, y1, Math.max(2, ph / 60))) {
            int py = top + ph - (int) Math.round((t - y0) / (y1 - y0) * ph);
            g.drawLine(left - 4, py, left, py);
            String s = Ticks.label(t);
            g.drawString(s, left - 7 - fm.stringWidth(s), py + fm.getAscent() / 2 - 1);
        }

        // Overlaid paths, in plot coordinates.
        for (Overlay o : paths) {
            Path2D.Double p = new Path2D.Double();
            for (int k = 0; k < o.xs.length; k++) {
                double px = left + (o.xs[k] - x0) / (x1 - x0) * pw;
                double py = top + ph - (o.ys[k] - y0) / (y1 - y0) * ph;
                if (k == 0) {
                    p.moveTo(px, py);
                } else {
                    p.lineTo(px, py);
                }
            }
            Shape saved = g.getClip();
            g.clipRect(left, top, pw, ph);
            g.setColor(Color.WHITE);
            g.setStroke(new BasicStroke(1.8f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(p);
            for (int k = 0; k < o.xs.length; k++) {
                double px = left + (o.xs[k] - x0) / (x1 - x0) * pw;
                double py = top + ph - (o.ys[k] - y0) / (y1 - y0) * ph;
                g.setColor(k == o.xs.length - 1 ? new Color(0xE4572E) : Color.WHITE);
                g.fill(new Ellipse2D.Double(px - 2.5, py - 2.5, 5, 5));
            }
            g.setClip(saved);
        }

        // Colour bar with its own ticks: the legend of the colour scale.
        int cbx = left + pw + 16;
        int cbw = 14;
        for (int k = 0; k < ph; k++) {
            g.setColor(colorMap.at(1.0 - (double) k / Math.max(1, ph - 1)));
            g.fillRect(cbx, top + k, cbw, 1);
        }
        g.setColor(new Color(0x555555));
        g.drawRect(cbx, top, cbw, ph);
        for (double t : Ticks.nice(zr[0], zr[1], Math.max(2, ph / 50))) {
            int py = top + ph - (int) Math.round((t - zr[0]) / (zr[1] - zr[0]) * ph);
            g.drawLine(cbx + cbw, py, cbx + cbw + 3, py);
            g.drawString(Ticks.label(t), cbx + cbw + 6, py + fm.getAscent() / 2 - 1);
        }

        // Titles.
        g.setColor(Color.BLACK);
        if (!title.isEmpty()) {
            g.setFont(base.deriveFont(Font.BOLD, 14f));
            FontMetrics tf = g.getFontMetrics();
            g.drawString(title, left + (pw - tf.stringWidth(title)) / 2, 10 + tf.getAscent());
        }
        g.setFont(base.deriveFont(12f));
        FontMetrics lf = g.getFontMetrics();
        if (!xLabel.isEmpty()) {
            g.drawString(xLabel, left + (pw - lf.stringWidth(xLabel)) / 2, height - 10);
        }
        if (!yLabel.isEmpty()) {
            AffineTransform saved = g.getTransform();
            g.translate(16, top + (ph + lf.stringWidth(yLabel)) / 2.0);
            g.rotate(-Math.PI / 2);
            g.drawString(yLabel, 0, 0);
            g.setTransform(saved);
        }
    }

    @Override
    public String describe(int width, int height) {
        double[] zr = zRange();
        return String.format(Locale.ROOT, "Heatmap%s %dx%d grid, z in [%s, %s], %s %dx%d",
                title.isEmpty() ? "" : " \"" + title + "\"", xs.length, ys.length,
                Ticks.label(zr[0]), Ticks.label(zr[1]), colorMap.name().toLowerCase(Locale.ROOT), width, height);
    }

    @Override
    public String toString() {
        return describe(width, height);
    }

    private static double min(double[] a) {
        double m = Double.POSITIVE_INFINITY;
        for (double v : a) {
            m = Math.min(m, v);
        }
        return m;
    }

    private static double max(double[] a) {
        double m = Double.NEGATIVE_INFINITY;
        for (double v : a) {
            m = Math.max(m, v);
        }
        return m;
    }
}

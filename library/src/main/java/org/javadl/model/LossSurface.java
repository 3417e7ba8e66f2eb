package org.javadl.model;

import java.util.Locale;
import java.util.function.DoubleBinaryOperator;
import org.javadl.graph.Fmt;
import org.javadl.show.Html;
import org.javadl.show.Showable;

/**
 * A function sampled on a regular grid, for heat maps of a loss over two parameters:
 * {@code values()[j][i] = f(xs()[i], ys()[j])} — rows follow the y axis (φ1), columns the x axis
 * (φ0), as image and heat-map libraries expect. {@link #toSvg()} draws the heat map itself.
 *
 * <p>Example: {@code LossSurface.of((a, b) -> a * a + b * b, -1, 1, 21, -1, 1, 21).argmin()}.
 */
public final class LossSurface implements Showable {
    private final double[] xs;
    private final double[] ys;
    private final double[][] values;
    private final String title;

    private LossSurface(double[] xs, double[] ys, double[][] values, String title) {
        this.xs = xs;
        this.ys = ys;
        this.values = values;
        this.title = title;
    }

    /**
     * Samples f on nx × ny evenly spaced points from [x0, x1] × [y0, y1] (ends included).
     * Example: {@code LossSurface.of(model::loss, -3, 3, 61, -3, 3, 61)}.
     */
    public static LossSurface of(DoubleBinaryOperator f, double x0, double x1, int nx, double y0, double y1, int ny) {
        if (f == null) {
            throw new IllegalArgumentException("f must not be null");
        }
        if (nx < 2 || ny < 2) {
            throw new IllegalArgumentException("a grid needs at least 2 points per axis, got " + nx + " × " + ny);
        }
        if (!(x1 > x0) || !(y1 > y0)) {
            throw new IllegalArgumentException("ranges must be increasing: [" + x0 + ", " + x1 + "] × [" + y0 + ", " + y1 + "]");
        }
        double[] xs = linspace(x0, x1, nx);
        double[] ys = linspace(y0, y1, ny);
        double[][] v = new double[ny][nx];
        for (int j = 0; j < ny; j++) {
            for (int i = 0; i < nx; i++) {
                v[j][i] = f.applyAsDouble(xs[i], ys[j]);
            }
        }
        return new LossSurface(xs, ys, v, "L[φ0, φ1]");
    }

    private static double[] linspace(double a, double b, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = i == n - 1 ? b : a + (b - a) * i / (n - 1);
        }
        return v;
    }

    /** The same surface with a title for its picture. */
    public LossSurface titled(String t) {
        return new LossSurface(xs, ys, values, t);
    }

    /** φ0 grid (columns). */
    public double[] xs() {
        return xs.clone();
    }

    /** φ1 grid (rows). */
    public double[] ys() {
        return ys.clone();
    }

    /** values[j][i] = f(xs[i], ys[j]), a copy. */
    public double[][] values() {
        double[][] c = new double[values.length][];
        for (int j = 0; j < values.length; j++) {
            c[j] = values[j].clone();
        }
        return c;
    }

    /** The smallest sampled value. */
    public double min() {
        double[] a = argmin();
        return a[2];
    }

    /** The largest sampled value. */
    public double max() {
        double m = Double.NEGATIVE_INFINITY;
        for (double[] r : values) {
            for (double v : r) {
                m = Math.max(m, v);
            }
        }
        return m;
    }

    /** {x, y, value} of the smallest sampled value. */
    public double[] argmin() {
        int bi = 0;
        int bj = 0;
        for (int j = 0; j < ys.length; j++) {
            for (int i = 0; i < xs.length; i++) {
                if (values[j][i] < values[bj][bi]) {
                    bi = i;
                    bj = j;
                }
            }
        }
        return new double[] {xs[bi], ys[bj], values[bj][bi]};
    }

    @Override
    public String toText() {
        double[] m = argmin();
        return title + ": " + xs.length + " × " + ys.length + " grid, φ0 ∈ [" + Fmt.num(xs[0]) + ", "
                + Fmt.num(xs[xs.length - 1]) + "], φ1 ∈ [" + Fmt.num(ys[0]) + ", " + Fmt.num(ys[ys.length - 1])
                + "], min " + Fmt.num(m[2]) + " at (" + Fmt.num(m[0]) + ", " + Fmt.num(m[1]) + "), max "
                + Fmt.num(max());
    }

    /** A heat map (viridis-like colours, dark = low), φ0 across, φ1 up, with a colour bar. */
    @Override
    public String toSvg() {
        int cell = Math.max(2, Math.min(12, 480 / Math.max(xs.length, ys.length)));
        int w = cell * xs.length;
        int h = cell * ys.length;
        int left = 60;
        int top = 30;
        int width = left + w + 90;
        int height = top + h + 50;
        double lo = min();
        double hi = max();
        StringBuilder s = new StringBuilder();
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width).append("\" height=\"").append(height)
                .append("\" font-family=\"sans-serif\" font-size=\"11\">\n<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        s.append("<text x=\"").append(left).append("\" y=\"18\" font-size=\"13\">").append(Html.escape(title)).append("</text>\n");
        for (int j = 0; j < ys.length; j++) {
            for (int i = 0; i < xs.length; i++) {
                // Row j = 0 is the smallest φ1, drawn at the bottom.
                int x = left + i * cell;
                int y = top + (ys.length - 1 - j) * cell;
                s.append("<rect x=\"").append(x).append("\" y=\"").append(y).append("\" width=\"").append(cell)
                        .append("\" height=\"").append(cell).append("\" fill=\"").append(colour(values[j][i], lo, hi))
                        .append("\"/>");
            }
            s.append('\n');
        }
        s.append("<rect x=\"").append(left).append("\" y=\"").append(top).append("\" width=\"").append(w)
                .append("\" height=\"").append(h).append("\" fill=\"none\" stroke=\"#333\"/>\n");
        label(s, left, top + h + 14, "start", Fmt.num(xs[0]));
        label(s, left + w, top + h + 14, "end", Fmt.num(xs[xs.length - 1]));
        label(s, left + w / 2, top + h + 32, "middle", "φ0");
        label(s, left - 4, top + h, "end", Fmt.num(ys[0]));
        label(s, left - 4, top + 10, "end", Fmt.num(ys[ys.length - 1]));
        label(s, left - 30, top + h / 2, "middle", "φ1");
        // Colour bar.
        int bx = left + w + 20;
        for (int k = 0; k < 50; k++) {
            double v = hi - (hi - lo) * k / 49.0;
            s.append("<rect x=\"").append(bx).append("\" y=\"").append(top + k * h / 50).append("\" width=\"14\" height=\"")
                    .append(h / 50 + 1).append("\" fill=\"").append(colour(v, lo, hi)).append("\"/>");
        }
        s.append('\n');
        label(s, bx + 18, top + 10, "start", Fmt.num(hi, 4));
        label(s, bx + 18, top + h, "start", Fmt.num(lo, 4));
        return s.append("</svg>\n").toString();
    }

    private static void label(StringBuilder s, int x, int y, String anchor, String t) {
        s.append("<text x=\"").append(x).append("\" y=\"").append(y).append("\" text-anchor=\"").append(anchor)
                .append("\">").append(Html.escape(t)).append("</text>\n");
    }

    /** Viridis approximated by five stops, linearly interpolated. */
    private static String colour(double v, double lo, double hi) {
        double[][] stops = {{68, 1, 84}, {59, 82, 139}, {33, 145, 140}, {94, 201, 98}, {253, 231, 37}};
        double t = hi > lo ? (v - lo) / (hi - lo) : 0;
        if (Double.isNaN(t)) {
            return "#888888";
        }
        t = Math.max(0, Math.min(1, t)) * (stops.length - 1);
        int k = Math.min((int) t, stops.length - 2);
        double u = t - k;
        int[] c = new int[3];
        for (int q = 0; q < 3; q++) {
            c[q] = (int) Math.round(stops[k][q] + u * (stops[k + 1][q] - stops[k][q]));
        }
        return String.format(Locale.ROOT, "#%02x%02x%02x", c[0], c[1], c[2]);
    }

    @Override
    public String toString() {
        return toText();
    }
}

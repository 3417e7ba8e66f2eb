package org.javadl.kernel.runtime;

import org.javadl.kernel.display.ChartRenderer;
import org.javadl.kernel.display.Figure;
import org.javadl.kernel.display.RenderOptions;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.BasicStroke;
import java.awt.Graphics2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.DoubleUnaryOperator;

/**
 * A line/scatter plot built fluently; shown when it is a cell's last expression, or by
 * {@link #show()}. Backed by an XChart {@link XYChart} ({@link #chart()} gives it for fine-tuning).
 *
 * <pre>{@code
 * plot().function("σ", x -> sigmoid(x), -6, 6)
 *       .derivative("σ'", x -> sigmoid(x), -6, 6)
 *       .title("sigmoid").xLabel("x")
 * }</pre>
 *
 * Functions are sampled at {@link #samples(int)} points (400 by default); non-finite values are
 * left out as gaps rather than wrecking the axis range.
 */
public final class Plot implements Figure {

    private record Line(String name, double[] xs, double[] ys, boolean scatter, boolean thin) {
    }

    private final List<Line> lines = new ArrayList<>();
    private String title = "";
    private String xLabel = "";
    private String yLabel = "";
    private int width = 600;
    private int height = 400;
    private int samples = 400;
    private RenderOptions.Theme theme;
    private Double yMin;
    private Double yMax;
    private boolean logY;
    private Boolean legend;

    Plot() {
    }

    /** Adds {@code f} sampled over [from, to]. */
    public Plot function(String name, DoubleUnaryOperator f, double from, double to) {
        Objects.requireNonNull(f, "f");
        if (!(to > from)) {
            throw new IllegalArgumentException("plot range must have from < to, got [" + from + ", " + to + "]");
        }
        double[] xs = new double[samples];
        double[] ys = new double[samples];
        for (int i = 0; i < samples; i++) {
            xs[i] = from + (to - from) * i / (samples - 1);
            ys[i] = f.applyAsDouble(xs[i]);
        }
        return add(name, xs, ys, false);
    }

    /** Adds {@code f} without a name (legend shows "f1", "f2", ...). */
    public Plot function(DoubleUnaryOperator f, double from, double to) {
        return function("f" + (lines.size() + 1), f, from, to);
    }

    /**
     * Adds the derivative of {@code f}, by central differences (step scaled to |x|, error ~1e-10 for
     * smooth f), drawn thinner: a check on an analytic derivative plotted beside it.
     */
    public Plot derivative(String name, DoubleUnaryOperator f, double from, double to) {
        Objects.requireNonNull(f, "f");
        function(name, x -> {
            double h = 1e-5 * Math.max(1, Math.abs(x));
            return (f.applyAsDouble(x + h) - f.applyAsDouble(x - h)) / (2 * h);
        }, from, to);
        markLastAsDerivative();
        return this;
    }

    /** Draws the last added function the way {@link #derivative} draws (thinner). */
    void markLastAsDerivative() {
        Line last = lines.remove(lines.size() - 1);
        lines.add(new Line(last.name, last.xs, last.ys, false, true));
    }

    /** Adds a line through the points (xs[i], ys[i]). */
    public Plot series(String name, double[] xs, double[] ys) {
        return add(name, xs, ys, false);
    }

    /** Adds a line through (i, ys[i]): a loss curve by step. */
    public Plot series(String name, double[] ys) {
        return add(name, indices(ys.length), ys, false);
    }

    /** Adds unconnected points. */
    public Plot scatter(String name, double[] xs, double[] ys) {
        return add(name, xs, ys, true);
    }

    public Plot title(String title) {
        this.title = title == null ? "" : title;
        return this;
    }

    public Plot xLabel(String label) {
        this.xLabel = label == null ? "" : label;
        return this;
    }

    public Plot yLabel(String label) {
        this.yLabel = label == null ? "" : label;
        return this;
    }

    /** Size in logical pixels (the PNG has twice as many for HiDPI screens). */
    public Plot size(int width, int height) {
        RenderOptions.defaults().withSize(width, height); // validates
        this.width = width;
        this.height = height;
        return this;
    }

    /** Points per function for later {@link #function} calls (default 400). */
    public Plot samples(int n) {
        if (n < 2 || n > 100_000) {
            throw new IllegalArgumentException("samples must be within 2..100000, got " + n);
        }
        this.samples = n;
        return this;
    }

    /** "xchart", "ggplot2" or "matlab". */
    public Plot theme(String theme) {
        this.theme = RenderOptions.defaults().withTheme(theme).theme();
        return this;
    }

    /** Fixes the y axis range (e.g. to see saturation of an activation). */
    public Plot yRange(double min, double max) {
        if (!(max > min)) {
            throw new IllegalArgumentException("yRange needs min < max, got " + min + ", " + max);
        }
        this.yMin = min;
        this.yMax = max;
        return this;
    }

    /** Logarithmic y axis (loss curves over many orders of magnitude); needs positive values. */
    public Plot logY() {
        this.logY = true;
        return this;
    }

    /** Shows or hides the legend (default: shown when there are two or more series). */
    public Plot legend(boolean show) {
        this.legend = show;
        return this;
    }

    /** Displays the plot now (mid-cell) and returns its display id. */
    public String show() {
        return Notebook.display(this);
    }

    /** A fresh XChart chart with this plot's series and styling. */
    public XYChart chart() {
        XYChart chart = new XYChartBuilder().width(width).height(height).title(title)
                .xAxisTitle(xLabel).yAxisTitle(yLabel)
                .theme(ChartRenderer.chartThemeOf(theme)).build();
        Styler st = chart.getStyler();
        if (theme == null) {
            // XChart's own theme has a grey frame; white reads better in a notebook.
            st.setChartBackgroundColor(java.awt.Color.WHITE);
        }
        st.setLegendVisible(legend != null ? legend : lines.size() > 1);
        st.setLegendPosition(Styler.LegendPosition.InsideNW);
        chart.getStyler().setChartTitleVisible(!title.isEmpty());
        chart.getStyler().setPlotGridLinesVisible(true);
        chart.getStyler().setYAxisLogarithmic(logY);
        if (yMin != null) {
            chart.getStyler().setYAxisMin(yMin);
            chart.getStyler().setYAxisMax(yMax);
        }
        if (lines.isEmpty()) {
            // XChart cannot paint an empty chart; an empty plot shows an empty axis instead of failing.
            XYSeries s = chart.addSeries(" ", new double[] {0, 1}, new double[] {Double.NaN, Double.NaN});
            s.setMarker(SeriesMarkers.NONE);
            st.setLegendVisible(false);
        }
        for (Line line : lines) {
            XYSeries s = chart.addSeries(line.name, line.xs, line.ys);
            if (line.scatter) {
                s.setXYSeriesRenderStyle(org.knowm.xchart.XYSeries.XYSeriesRenderStyle.Scatter);
            } else {
                s.setMarker(line.xs.length <= 30 ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
                // A derivative is drawn thinner. (A dash pattern would not show: XChart draws a sampled
                // line segment by segment and restarts the dash on each one.)
                s.setLineStyle(new BasicStroke(line.thin ? 1.4f : 2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            }
        }
        if (!lines.isEmpty()) {
            breakEqualSpacing(chart);
        }
        return chart;
    }

    /**
     * XChart 4 puts x ticks on the data points when all x values are equally spaced (giving ticks like
     * -4.797, -3.594 for a sampled function). One invisible point off that spacing makes it fall back
     * to its "nice number" ticks (-6, -4, -2, ...).
     */
    private void breakEqualSpacing(XYChart chart) {
        double[] xs = lines.get(0).xs;
        double x = xs.length > 1 ? xs[0] + (xs[1] - xs[0]) * 0.5 : xs[0] + 0.5;
        XYSeries helper = chart.addSeries("_ticks", new double[] {x}, new double[] {Double.NaN});
        helper.setShowInLegend(false);
        helper.setMarker(SeriesMarkers.NONE);
        helper.setLineColor(new java.awt.Color(0, 0, 0, 0));
    }

    @Override
    public int width() {
        return width;
    }

    @Override
    public int height() {
        return height;
    }

    @Override
    public void paint(Graphics2D g, int width, int height) {
        chart().paint(g, width, height);
    }

    @Override
    public String describe(int width, int height) {
        List<String> names = new ArrayList<>();
        for (Line l : lines) {
            names.add(l.name);
        }
        return "Plot" + (title.isEmpty() ? "" : " \"" + title + "\"") + " " + names + " " + width + "x" + height;
    }

    @Override
    public String toString() {
        return describe(width, height);
    }

    private Plot add(String name, double[] xs, double[] ys, boolean scatter) {
        Objects.requireNonNull(xs, "xs");
        Objects.requireNonNull(ys, "ys");
        if (xs.length != ys.length) {
            throw new IllegalArgumentException("xs and ys differ in length: " + xs.length + " vs " + ys.length);
        }
        if (xs.length == 0) {
            throw new IllegalArgumentException("series '" + name + "' has no points");
        }
        String unique = uniqueName(name == null || name.isBlank() ? "series " + (lines.size() + 1) : name);
        lines.add(new Line(unique, xs.clone(), gaps(ys), scatter, false));
        return this;
    }

    /** XChart rejects duplicate series names; a repeated name gets a suffix instead of an error. */
    private String uniqueName(String name) {
        String candidate = name;
        for (int k = 2; ; k++) {
            String c = candidate;
            if (lines.stream().noneMatch(l -> l.name.equals(c))) {
                return candidate;
            }
            candidate = name + " (" + k + ")";
        }
    }

    private static double[] gaps(double[] ys) {
        double[] out = ys.clone();
        for (int i = 0; i < out.length; i++) {
            if (!Double.isFinite(out[i])) {
                out[i] = Double.NaN; // XChart draws NaN as a gap; infinities would break the axis range
            }
        }
        return out;
    }

    static double[] indices(int n) {
        double[] xs = new double[n];
        for (int i = 0; i < n; i++) {
            xs[i] = i;
        }
        return xs;
    }
}

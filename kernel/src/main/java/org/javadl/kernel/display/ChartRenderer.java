package org.javadl.kernel.display;

import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.internal.series.Series;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.theme.GGPlot2Theme;
import org.knowm.xchart.style.theme.MatlabTheme;
import org.knowm.xchart.style.theme.Theme;
import org.knowm.xchart.style.theme.XChartTheme;

import java.awt.Graphics2D;
import java.util.ArrayList;
import java.util.List;

/**
 * Every XChart chart (XY, Category, Pie, Bubble, HeatMap, OHLC, Box, Radar, Dial, HorizontalBar:
 * all extend {@link Chart}) renders as a {@link Figure}: PNG at 2x, SVG on request.
 * Loaded only through {@link Renderers#newStandard()}'s guarded registration.
 */
public final class ChartRenderer implements Renderer<Chart<?, ?>> {

    private static final FigureRenderer FIGURES = new FigureRenderer();

    static void registerInto(Renderers.Builder b) {
        @SuppressWarnings({"unchecked", "rawtypes"})
        Class<Chart<?, ?>> type = (Class) Chart.class;
        b.register(type, new ChartRenderer());
    }

    @Override
    public void render(Chart<?, ?> chart, Bundle out, RenderOptions options) throws Exception {
        if (options.theme() != null) {
            applyTheme(chart, options.theme());
        }
        FIGURES.render(asFigure(chart), out, options);
    }

    /** Switches an existing chart's theme (colours, fonts, markers) in place. */
    public static void applyTheme(Chart<?, ?> chart, RenderOptions.Theme theme) {
        chart.getStyler().setTheme(themeOf(theme));
    }

    public static Theme themeOf(RenderOptions.Theme theme) {
        return switch (theme) {
            case GGPLOT2 -> new GGPlot2Theme();
            case MATLAB -> new MatlabTheme();
            case XCHART -> new XChartTheme();
        };
    }

    public static Styler.ChartTheme chartThemeOf(RenderOptions.Theme theme) {
        return switch (theme == null ? RenderOptions.Theme.XCHART : theme) {
            case GGPLOT2 -> Styler.ChartTheme.GGPlot2;
            case MATLAB -> Styler.ChartTheme.Matlab;
            case XCHART -> Styler.ChartTheme.XChart;
        };
    }

    /** Adapts a chart to {@link Figure}. */
    public static Figure asFigure(Chart<?, ?> chart) {
        return new Figure() {
            @Override
            public int width() {
                return chart.getWidth();
            }

            @Override
            public int height() {
                return chart.getHeight();
            }

            @Override
            public void paint(Graphics2D g, int width, int height) {
                chart.paint(g, width, height);
            }

            @Override
            public String describe(int width, int height) {
                return describeChart(chart, width, height);
            }
        };
    }

    /** E.g. {@code XYChart "Activations" [sigmoid, tanh] 600x400}. */
    public static String describeChart(Chart<?, ?> chart, int width, int height) {
        List<String> names = new ArrayList<>();
        for (Series s : chart.getSeriesCollection()) {
            names.add(s.getName());
        }
        String title = chart.getTitle();
        return chart.getClass().getSimpleName()
                + (title == null || title.isBlank() ? "" : " " + TextFormat.quote(title))
                + " " + names + " " + width + "x" + height;
    }
}

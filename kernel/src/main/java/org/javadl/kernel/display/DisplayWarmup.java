package org.javadl.kernel.display;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Warms the display path while the front end is still connecting, so the first plot of a session
 * costs milliseconds rather than a second: class loading and JIT of XChart, Java2D's font and
 * rasteriser set-up, the PNG encoder, Tablesaw and its HTML writer.
 *
 * <p>Runs once per JVM on a low-priority daemon thread; later calls do nothing. The caller never
 * waits. Failures are ignored (the real render will report them). Its state is static on purpose:
 * what it warms (loaded classes, fonts, compiled code) belongs to the JVM, not to one kernel, and it
 * renders into a registry of its own, so no kernel's renderers or defaults are touched.
 */
public final class DisplayWarmup {
    private DisplayWarmup() {
    }

    private static final AtomicBoolean STARTED = new AtomicBoolean();
    private static final CountDownLatch DONE = new CountDownLatch(1);

    /** Starts warming in the background (idempotent, returns at once). */
    public static void startInBackground() {
        if (!STARTED.compareAndSet(false, true)) {
            return;
        }
        Thread t = new Thread(DisplayWarmup::warm, "javadl-display-warmup");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    /** Waits for a started warm-up to finish (start-up training, benchmarks, tests); true if it did in time. */
    public static boolean await(long timeout, TimeUnit unit) throws InterruptedException {
        return DONE.await(timeout, unit);
    }

    private static void warm() {
        try {
            Renderers renderers = Renderers.newStandard();
            renderers.render(new double[] {1, 2, 3});
            // Two passes: the first loads classes and fonts, the second gets the hot paths compiled.
            for (int i = 0; i < 2; i++) {
                tryQuietly(() -> WarmupCharts.renderSample(renderers));
                tryQuietly(() -> WarmupTables.renderSample(renderers));
            }
            tryQuietly(() -> WarmupCharts.renderSvgSample(renderers));
        } catch (Throwable ignored) {
            // Warming is an optimisation; never let it disturb the kernel.
        } finally {
            DONE.countDown();
        }
    }

    private static void tryQuietly(Runnable r) {
        try {
            r.run();
        } catch (Throwable ignored) {
            // Optional library missing or headless trouble: the real render will say so.
        }
    }

    /** Kept apart so a missing XChart jar only fails this class's loading. */
    private static final class WarmupCharts {
        static void renderSample(Renderers renderers) {
            org.knowm.xchart.XYChart chart = new org.knowm.xchart.XYChartBuilder()
                    .width(600).height(400).title("warm-up").xAxisTitle("x").yAxisTitle("y").build();
            double[] xs = new double[200];
            double[] ys = new double[200];
            for (int i = 0; i < xs.length; i++) {
                xs[i] = -6 + 12.0 * i / (xs.length - 1);
                ys[i] = 1 / (1 + Math.exp(-xs[i]));
            }
            chart.addSeries("s", xs, ys).setMarker(org.knowm.xchart.style.markers.SeriesMarkers.NONE);
            renderers.render(chart);
        }

        static void renderSvgSample(Renderers renderers) {
            org.knowm.xchart.XYChart chart = new org.knowm.xchart.XYChartBuilder().width(200).height(150).build();
            chart.addSeries("s", new double[] {0, 1}, new double[] {0, 1});
            renderers.render(chart, RenderOptions.defaults().withMimeTypes(MimeTypes.SVG));
        }
    }

    /** Kept apart so a missing Tablesaw jar only fails this class's loading. */
    private static final class WarmupTables {
        static void renderSample(Renderers renderers) {
            double[] xs = new double[100];
            for (int i = 0; i < xs.length; i++) {
                xs[i] = i * 0.5;
            }
            renderers.render(tech.tablesaw.api.Table.create("warm-up",
                    tech.tablesaw.api.DoubleColumn.create("x", xs),
                    tech.tablesaw.api.IntColumn.indexColumn("i", xs.length, 0),
                    tech.tablesaw.api.StringColumn.create("s", java.util.Collections.nCopies(xs.length, "a"))));
        }
    }
}

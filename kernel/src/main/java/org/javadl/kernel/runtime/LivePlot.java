package org.javadl.kernel.runtime;

import org.javadl.kernel.display.Figure;

import java.awt.Graphics2D;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A training curve that redraws in place as points arrive:
 * <pre>{@code
 * var curve = liveCurve("loss");
 * for (int step = 0; step < 500; step++) { ...; curve.add(step, loss); }
 * curve.finish();   // optional: the last state also arrives by itself shortly after the last add
 * }</pre>
 * Shown at the first point; redrawn at most every {@value #INTERVAL_MS} ms (a redraw is a chart
 * render and a PNG, tens of milliseconds), and a throttled point is never lost: a trailing redraw
 * follows the last one.
 */
public final class LivePlot implements Figure {

    static final long INTERVAL_MS = 200;

    private static final ScheduledExecutorService TRAILING = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "javadl-liveplot-flush");
        t.setDaemon(true);
        return t;
    });

    private static final class Points {
        double[] xs = new double[64];
        double[] ys = new double[64];
        int n;

        void add(double x, double y) {
            if (n == xs.length) {
                xs = java.util.Arrays.copyOf(xs, n * 2);
                ys = java.util.Arrays.copyOf(ys, n * 2);
            }
            xs[n] = x;
            ys[n] = y;
            n++;
        }
    }

    private final String defaultSeries;
    private final Map<String, Points> series = new LinkedHashMap<>();
    private final Throttle throttle;
    private final boolean trailing;
    private String title = "";
    private String xLabel = "step";
    private String yLabel = "";
    private boolean logY;
    private int width = 600;
    private int height = 360;
    private String id;
    private boolean dirty;
    private boolean flushScheduled;

    /** Taken once when made: updates (also the trailing ones, on a timer thread) go to its kernel. */
    private final Session session;

    LivePlot(String name, Session session, boolean trailing) {
        this.session = session;
        this.defaultSeries = name == null || name.isBlank() ? "value" : name;
        this.yLabel = defaultSeries;
        this.throttle = new Throttle(INTERVAL_MS, session.clock());
        this.trailing = trailing;
    }

    /** Adds a point to the default series. */
    public LivePlot add(double step, double value) {
        return add(defaultSeries, step, value);
    }

    /** Adds a point at the next step (0, 1, 2, ...). */
    public synchronized LivePlot add(double value) {
        Points p = series.get(defaultSeries);
        return add(defaultSeries, p == null ? 0 : p.n, value);
    }

    /** Adds a point to a named series (e.g. "train" and "validation" on one chart). */
    public synchronized LivePlot add(String name, double step, double value) {
        series.computeIfAbsent(name, k -> new Points()).add(step, value);
        dirty = true;
        if (id == null) {
            id = session.display(this);
            throttle.markSent();
            dirty = false;
        } else if (throttle.tryAcquire()) {
            send();
        } else if (trailing && !flushScheduled) {
            flushScheduled = true;
            TRAILING.schedule(this::flush, throttle.intervalMillis(), TimeUnit.MILLISECONDS);
        }
        return this;
    }

    /** Sends the current state now if anything is unsent (idempotent). */
    public synchronized void finish() {
        if (id != null && dirty) {
            send();
        }
    }

    private synchronized void flush() {
        flushScheduled = false;
        if (dirty) {
            throttle.markSent();
            send();
        }
    }

    private void send() {
        dirty = false;
        session.updateDisplay(id, this);
    }

    public synchronized LivePlot title(String title) {
        this.title = title == null ? "" : title;
        return this;
    }

    public synchronized LivePlot xLabel(String label) {
        this.xLabel = label == null ? "" : label;
        return this;
    }

    public synchronized LivePlot yLabel(String label) {
        this.yLabel = label == null ? "" : label;
        return this;
    }

    public synchronized LivePlot logY() {
        this.logY = true;
        return this;
    }

    public synchronized LivePlot size(int width, int height) {
        this.width = width;
        this.height = height;
        return this;
    }

    /** The display id, or null before the first point. */
    public synchronized String displayId() {
        return id;
    }

    /** The points of a series so far, as {x[], y[]}. */
    public synchronized double[][] points(String name) {
        Points p = series.get(name);
        return p == null ? new double[][] {{}, {}}
                : new double[][] {java.util.Arrays.copyOf(p.xs, p.n), java.util.Arrays.copyOf(p.ys, p.n)};
    }

    /** A static snapshot of the curve as a {@link Plot}. */
    public synchronized Plot snapshot() {
        Plot plot = new Plot().title(title).xLabel(xLabel).yLabel(yLabel).size(width, height);
        if (logY) {
            plot.logY();
        }
        for (Map.Entry<String, Points> e : series.entrySet()) {
            Points p = e.getValue();
            plot.series(e.getKey(), java.util.Arrays.copyOf(p.xs, p.n), java.util.Arrays.copyOf(p.ys, p.n));
        }
        return plot;
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
        snapshot().paint(g, width, height);
    }

    @Override
    public synchronized String describe(int width, int height) {
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, Points> e : series.entrySet()) {
            Points p = e.getValue();
            parts.add(p.n == 0 ? e.getKey() : e.getKey() + " (" + p.n + " points, last " + p.ys[p.n - 1] + " at "
                    + p.xs[p.n - 1] + ")");
        }
        return "LivePlot" + (title.isEmpty() ? "" : " \"" + title + "\"") + " " + parts + " " + width + "x" + height;
    }

    @Override
    public String toString() {
        return describe(width, height);
    }
}

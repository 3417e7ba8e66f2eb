package org.javadl.kernel.runtime;

import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import org.javadl.kernel.display.Markup;
import org.javadl.kernel.display.RenderOptions;
import org.javadl.kernel.display.Renderers;
import tech.tablesaw.api.Table;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

/**
 * What notebook cells call. The kernel preloads {@code import static org.javadl.kernel.runtime.Notebook.*;}.
 *
 * <p>Everything shown goes through the calling code's {@link Session}: its {@link Renderers} make the
 * MIME bundle and its {@link DisplaySink} sends it to the front end of the kernel running the cell; in
 * plain Java the text form is printed.
 * Names are chosen not to clash with {@code org.javadl.DL}'s statics or {@code java.util}.
 */
public final class Notebook {
    private Notebook() {
    }

    /**
     * Lets plain Java code and tests register a renderer: values of {@code type} (and of its subtypes
     * without a more specific renderer) are shown by it in this session from now on, e.g.
     * {@code addRenderer(Point.class, (p, out, o) -> out.html("<b>" + p.x() + "</b>"))}.
     */
    public static <T> void addRenderer(Class<T> type, org.javadl.kernel.display.Renderer<? super T> renderer) {
        Session.current().renderers().register(type, renderer);
    }

    // ---------------------------------------------------------------- display

    /** Shows {@code value} now, mid-cell, and returns its display id (for {@link #updateDisplay}). */
    public static String display(Object value) {
        return Session.current().display(value);
    }

    /** Shows only the given MIME types (plus text/plain), e.g. {@code display(chart, "image/svg+xml")}. */
    public static String display(Object value, String... mimeTypes) {
        Session session = Session.current();
        return session.display(value, session.renderers().defaults().withMimeTypes(mimeTypes));
    }

    /** Replaces the output shown under {@code displayId} with {@code value}. */
    public static void updateDisplay(String displayId, Object value) {
        Session.current().updateDisplay(displayId, value);
    }

    /** Clears this cell's output so far. Example: {@code clearOutput(); display(plot(...));} */
    public static void clearOutput() {
        Session.current().clearOutput(false);
    }

    /**
     * Clears this cell's output when the next output arrives ({@code wait = true}), the way
     * animations redraw without flicker. Example: {@code clearOutput(true); display(frame);}
     */
    public static void clearOutput(boolean wait) {
        Session.current().clearOutput(wait);
    }

    /** Default figure size for charts shown from now on (logical pixels; 0, 0 = each chart's own). */
    public static void figureSize(int width, int height) {
        Renderers r = Session.current().renderers();
        r.setDefaults(r.defaults().withSize(width, height));
    }

    /**
     * Which image formats figures are shown in from now on: {@code "png"} (default), {@code "svg"},
     * or both. Text and HTML outputs are unaffected.
     */
    public static void figureFormat(String... formats) {
        String[] mimes = Arrays.stream(formats).map(f -> switch (f.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "png", "image/png" -> "image/png";
            case "svg", "image/svg+xml" -> "image/svg+xml";
            default -> throw new IllegalArgumentException("figure format must be png or svg, got '" + f + "'");
        }).toArray(String[]::new);
        Renderers r = Session.current().renderers();
        // Keep every non-image type: restrict only which images charts produce.
        String[] all = Arrays.copyOf(mimes, mimes.length + 5);
        all[mimes.length] = "text/html";
        all[mimes.length + 1] = "text/latex";
        all[mimes.length + 2] = "text/markdown";
        all[mimes.length + 3] = "application/json";
        all[mimes.length + 4] = org.javadl.kernel.display.MimeTypes.WIDGET_VIEW;
        r.setDefaults(r.defaults().withMimeTypes(mimes.length == 0 ? new String[0] : all));
    }

    /** Chart theme for charts rendered from now on: "xchart", "ggplot2" or "matlab" (null: each chart's own). */
    public static void figureTheme(String theme) {
        Renderers r = Session.current().renderers();
        r.setDefaults(r.defaults().withTheme(theme));
    }

    // ---------------------------------------------------------------- text notations

    /** LaTeX math shown in display mode; the cell's last expression or {@code display(...)} shows it. */
    public static Markup latex(String source) {
        return Markup.latex(source);
    }

    public static Markup markdown(String source) {
        return Markup.markdown(source);
    }

    public static Markup html(String source) {
        return Markup.html(source);
    }

    // ---------------------------------------------------------------- plots

    /** An empty plot to add functions and series to. */
    public static Plot plot() {
        return new Plot();
    }

    /** {@code f} over [from, to]. */
    public static Plot plot(DoubleUnaryOperator f, double from, double to) {
        return new Plot().function("f", f, from, to).legend(false);
    }

    public static Plot plot(String name, DoubleUnaryOperator f, double from, double to) {
        return new Plot().function(name, f, from, to).yLabel(name);
    }

    /** A line through (xs[i], ys[i]). */
    public static Plot plot(double[] xs, double[] ys) {
        return new Plot().series("y", xs, ys).legend(false);
    }

    public static Plot plot(String name, double[] xs, double[] ys) {
        return new Plot().series(name, xs, ys);
    }

    /** A line through (i, ys[i]), e.g. a loss curve. */
    public static Plot plot(double[] ys) {
        return new Plot().series("y", ys).legend(false).xLabel("step");
    }

    /**
     * Several plots or charts in a grid with {@code columns} columns, one image:
     * {@code subplots(4, plot(...).title("sigmoid"), plot(...).title("tanh"), ...)}.
     */
    public static Subplots subplots(int columns, Object... figures) {
        return new Subplots(columns, Arrays.asList(figures));
    }

    public static Subplots subplots(int columns, List<?> figures) {
        return new Subplots(columns, figures);
    }

    /**
     * One panel per function, each with its derivative (by central differences, drawn thinner) beside it,
     * over [from, to]: the seven activations in one call,
     * {@code functionsWithDerivatives(Map.of("sigmoid", x -> sigmoid(x), ...), -5, 5)}.
     * Iteration order of the map is the panel order (use a LinkedHashMap to choose it).
     */
    public static Subplots functionsWithDerivatives(Map<String, ? extends DoubleUnaryOperator> functions,
                                                    double from, double to) {
        List<Plot> panels = new java.util.ArrayList<>();
        for (Map.Entry<String, ? extends DoubleUnaryOperator> e : functions.entrySet()) {
            String name = e.getKey();
            panels.add(new Plot().function(name, e.getValue(), from, to)
                    .derivative(name + "'", e.getValue(), from, to)
                    .title(name).legend(true));
        }
        return new Subplots(Math.min(4, Math.max(1, panels.size())), panels);
    }

    /**
     * One panel per library activation with its analytic derivative f' beside it:
     * {@code functionsWithDerivatives(activations(), -4, 4)} plots homework 003's seven at once.
     */
    public static Subplots functionsWithDerivatives(List<? extends org.javadl.activation.Activation> activations,
                                                    double from, double to) {
        List<Plot> panels = new java.util.ArrayList<>();
        for (org.javadl.activation.Activation a : activations) {
            Plot p = new Plot().function("f", a::value, from, to).function("f'", a::derivative, from, to)
                    .title(a.name()).legend(true);
            p.markLastAsDerivative();
            panels.add(p);
        }
        return new Subplots(Math.min(4, Math.max(1, panels.size())), panels);
    }

    /** A heat map of {@code z[i][j]} at {@code (xs[j], ys[i])}, with a colour bar. */
    public static Heatmap heatmap(double[] xs, double[] ys, double[][] z) {
        return new Heatmap(xs, ys, z);
    }

    /** A heat map of {@code f(x, y)} sampled on a 80x80 grid over the given box (a loss surface). */
    public static Heatmap heatmap(DoubleBinaryOperator f, double xFrom, double xTo, double yFrom, double yTo) {
        int n = 80;
        double[] xs = new double[n];
        double[] ys = new double[n];
        for (int i = 0; i < n; i++) {
            xs[i] = xFrom + (xTo - xFrom) * i / (n - 1);
            ys[i] = yFrom + (yTo - yFrom) * i / (n - 1);
        }
        double[][] z = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                z[i][j] = f.applyAsDouble(xs[j], ys[i]);
            }
        }
        return new Heatmap(xs, ys, z);
    }

    /** A heat map of a matrix, row 0 at the top as matrices are written (weights, kernels). */
    public static Heatmap heatmap(double[][] matrix) {
        int rows = matrix.length;
        int cols = rows == 0 ? 0 : matrix[0].length;
        double[] xs = Plot.indices(cols);
        double[] ys = new double[rows];
        double[][] flipped = new double[rows][];
        for (int i = 0; i < rows; i++) {
            ys[i] = i;
            flipped[i] = matrix[rows - 1 - i];
        }
        return new Heatmap(xs, ys, flipped).yLabel("row (from bottom)").xLabel("column");
    }

    /** A live-updating training curve; see {@link LivePlot}. */
    public static LivePlot liveCurve(String name) {
        return new LivePlot(name, Session.current(), true);
    }

    // ---------------------------------------------------------------- tables

    /** Named columns: {@code table("x", xs, "y", ys)} (arrays or collections of equal length). */
    public static Table table(Object... namesAndColumns) {
        return Tables.ofColumns(namesAndColumns);
    }

    /** A map of name → column (all values sequences) or of key → value (two columns). */
    public static Table table(Map<?, ?> map) {
        return Tables.ofMap(map);
    }

    /** One row per element; records give one column per component. */
    public static Table table(Collection<?> rows) {
        return Tables.ofRows(rows);
    }

    /** A matrix, columns c0, c1, ... */
    public static Table table(double[][] matrix) {
        return Tables.ofMatrix(matrix);
    }

    // ---------------------------------------------------------------- progress

    /** Iterates 0..n-1 with a progress bar; or count by hand with {@code step()}. */
    public static Progress<Integer> progress(int n) {
        return progress("", n);
    }

    public static Progress<Integer> progress(String label, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("progress(n) needs n >= 0, got " + n);
        }
        return new Progress<>(label, () -> java.util.stream.IntStream.range(0, n).iterator(), n, Session.current());
    }

    /** Iterates {@code items} with a progress bar (total known when it is a Collection). */
    public static <T> Progress<T> progress(Iterable<T> items) {
        return progress("", items);
    }

    public static <T> Progress<T> progress(String label, Iterable<T> items) {
        long total = items instanceof Collection<?> c ? c.size() : -1;
        return new Progress<>(label, items, total, Session.current());
    }

    public static <T> Progress<T> progress(T[] items) {
        return progress("", Arrays.asList(items));
    }

    /** A bar counted by hand: {@code var p = progressBar(total); ... p.step(); ... p.close();}. */
    public static Progress<Void> progressBar(String label, long total) {
        return new Progress<>(label, null, total, Session.current());
    }

    // ---------------------------------------------------------------- answers

    /** Publishes an answer: a card, plus {@code {"id", "value"}} as application/vnd.javadl.answer+json. */
    public static void answer(String id, Object value) {
        publishAnswer(new Answer(id, value, null, Answer.DEFAULT_TOLERANCE));
    }

    /** As {@link #answer(String, Object)}, with ✓/✗ against {@code expected} (relative tolerance 1e-9). */
    public static void answer(String id, Object value, Object expected) {
        publishAnswer(new Answer(id, value, Objects.requireNonNull(expected, "expected"), Answer.DEFAULT_TOLERANCE));
    }

    /** As above with tolerance: a number matches if |actual − expected| ≤ tol·max(1, |expected|). */
    public static void answer(String id, Object value, Object expected, double tolerance) {
        publishAnswer(new Answer(id, value, Objects.requireNonNull(expected, "expected"), tolerance));
    }

    private static void publishAnswer(Answer a) {
        Session.current().publish(a.toDisplayData());
    }

    // ---------------------------------------------------------------- checks (test cells)

    /**
     * Checks a named quantity against its expected value (relative tolerance 1e-9) and shows a ✓ or
     * ✗ card saying expected vs got; returns whether it passed. See {@link Check}.
     */
    public static boolean check(String name, Object value, Object expected) {
        return check(name, value, expected, Answer.DEFAULT_TOLERANCE);
    }

    /** As above: a number passes if |value − expected| ≤ tol·max(1, |expected|). */
    public static boolean check(String name, Object value, Object expected, double tolerance) {
        Check c = new Check(name, value, expected, tolerance);
        Session.current().publish(c.toDisplayData());
        return c.passed();
    }

    /** As {@link #check(String, Object, Object)}, and a mismatch fails the cell ({@link Check.CheckFailure}). */
    public static void assertClose(String name, Object value, Object expected) {
        assertClose(name, value, expected, Answer.DEFAULT_TOLERANCE);
    }

    /** As {@link #check(String, Object, Object, double)}, and a mismatch fails the cell. */
    public static void assertClose(String name, Object value, Object expected, double tolerance) {
        Check c = new Check(name, value, expected, tolerance);
        Session.current().publish(c.toDisplayData());
        if (!c.passed()) {
            throw new Check.CheckFailure(c.message());
        }
    }

    // ---------------------------------------------------------------- training (issue 12)

    /**
     * Trains for {@code epochs} epochs with a progress bar and live loss / accuracy curves (training and,
     * if the trainer has one, validation set); returns the history. See {@link Experiments}.
     * Example: {@code fit(new Trainer(model, DL::crossEntropy, new Adam(model.parameters(), 1e-3)).validation(test), loader(train, 32, 0), 20)}.
     */
    public static org.javadl.train.History fit(org.javadl.train.Trainer trainer, org.javadl.data.DataLoader loader,
            int epochs) {
        return Experiments.fit(trainer, loader, epochs);
    }

    /** A data set with (N, F) features as a Tablesaw table: one column per feature, and the target. */
    public static Table table(org.javadl.data.Dataset data) {
        return Experiments.table(data);
    }

    // ---------------------------------------------------------------- threads cells started

    /**
     * The threads cells started that are still alive, as a table: name, state, the cell that
     * started it, daemon or not, CPU time so far. Threads of shared pools (parallel streams) are
     * not listed: they belong to no cell.
     */
    public static Table threads() {
        List<org.javadl.kernel.engine.CellThreads.CellThread> live = org.javadl.kernel.engine.CellThreads.live();
        tech.tablesaw.api.StringColumn name = tech.tablesaw.api.StringColumn.create("name");
        tech.tablesaw.api.StringColumn state = tech.tablesaw.api.StringColumn.create("state");
        tech.tablesaw.api.IntColumn cell = tech.tablesaw.api.IntColumn.create("started by cell");
        tech.tablesaw.api.BooleanColumn daemon = tech.tablesaw.api.BooleanColumn.create("daemon");
        tech.tablesaw.api.DoubleColumn cpu = tech.tablesaw.api.DoubleColumn.create("CPU time [ms]");
        for (org.javadl.kernel.engine.CellThreads.CellThread t : live) {
            name.append(t.name());
            state.append(t.state().name() + (t.inCellCode() ? "" : " (idle)"));
            cell.append(t.cell());
            daemon.append(t.daemon());
            cpu.append(Math.round(t.cpuMillis() * 10) / 10.0);
        }
        return Table.create("threads started by cells", name, state, cell, daemon, cpu);
    }

    /**
     * Stops every thread cells started (except the one calling this), shuts down the executors
     * and timers they created, and prints what it stopped. An interrupt does the same.
     */
    public static void stopThreads() {
        List<String> report = org.javadl.kernel.engine.CellThreads.stopAll(1000);
        System.out.println(report.isEmpty() ? "No threads started by cells were running." : String.join("\n", report));
    }

    // ---------------------------------------------------------------- widgets (org.javadl.kernel.widgets)

    /** An integer slider from {@code min} to {@code max}, starting at {@code value}: {@code slider(0, 10, 5)}. */
    public static org.javadl.kernel.widgets.IntSlider slider(int min, int max, int value) {
        return new org.javadl.kernel.widgets.IntSlider(min, max, 1, value);
    }

    /**
     * A slider over real numbers from {@code min} to {@code max}, starting at {@code value}, in
     * steps of about a hundredth of the range (1, 2 or 5 times a power of ten):
     * {@code slider(0.1, 5, 1)} goes from 0.1 to 5 by 0.02, starting at 1.
     */
    public static org.javadl.kernel.widgets.FloatSlider slider(double min, double max, double value) {
        return new org.javadl.kernel.widgets.FloatSlider(min, max, niceStep(max - min), value);
    }

    /** An integer slider with its step: {@code intSlider(0, 100, 5, 50)}. */
    public static org.javadl.kernel.widgets.IntSlider intSlider(int min, int max, int step, int value) {
        return new org.javadl.kernel.widgets.IntSlider(min, max, step, value);
    }

    /** A real slider with its step: {@code floatSlider(0.001, 1, 0.001, 0.1)}. */
    public static org.javadl.kernel.widgets.FloatSlider floatSlider(double min, double max, double step, double value) {
        return new org.javadl.kernel.widgets.FloatSlider(min, max, step, value);
    }

    /** About a hundredth of {@code range}, rounded down to 1, 2 or 5 times a power of ten. */
    static double niceStep(double range) {
        if (!(range > 0) || !Double.isFinite(range)) {
            throw new IllegalArgumentException("a slider needs min < max, got a range of " + range);
        }
        double raw = range / 100;
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        double m = raw / power;
        return (m >= 5 ? 5 : m >= 2 ? 2 : 1) * power;
    }

    /** A dropdown of options (labelled by {@code toString}); its value is the chosen option. */
    @SafeVarargs
    public static <T> org.javadl.kernel.widgets.Dropdown<T> dropdown(T... options) {
        return new org.javadl.kernel.widgets.Dropdown<>(Arrays.asList(options));
    }

    public static <T> org.javadl.kernel.widgets.Dropdown<T> dropdown(List<? extends T> options) {
        return new org.javadl.kernel.widgets.Dropdown<>(options);
    }

    /** A dropdown of labels for values: {@code dropdown(Map.of("slow", 0.01, "fast", 0.5))} (map order). */
    public static <T> org.javadl.kernel.widgets.Dropdown<T> dropdown(Map<String, ? extends T> labelledValues) {
        return new org.javadl.kernel.widgets.Dropdown<>(labelledValues);
    }

    public static org.javadl.kernel.widgets.Checkbox checkbox(String description, boolean value) {
        return new org.javadl.kernel.widgets.Checkbox(description, value);
    }

    /** A button: {@code button("Step").onClick(() -> ...)}. */
    public static org.javadl.kernel.widgets.Button button(String description) {
        return new org.javadl.kernel.widgets.Button(description);
    }

    /** A text field holding {@code value}. */
    public static org.javadl.kernel.widgets.Text text(String value) {
        return new org.javadl.kernel.widgets.Text(value);
    }

    /** A line of text among widgets; change it with {@code label.value("...")}. */
    public static org.javadl.kernel.widgets.Label label(String text) {
        return new org.javadl.kernel.widgets.Label(text);
    }

    /** Widgets side by side. */
    public static org.javadl.kernel.widgets.Box hbox(org.javadl.kernel.widgets.Widget... children) {
        return org.javadl.kernel.widgets.Box.horizontal(Arrays.asList(children));
    }

    /** Widgets one above the other. */
    public static org.javadl.kernel.widgets.Box vbox(org.javadl.kernel.widgets.Widget... children) {
        return org.javadl.kernel.widgets.Box.vertical(Arrays.asList(children));
    }

    /** An output area: {@code out.capture(() -> ...)} shows there what the code prints and displays. */
    public static org.javadl.kernel.widgets.Output output() {
        return new org.javadl.kernel.widgets.Output();
    }

    /** A play button counting min..max by step every {@code intervalMillis}; {@code jslink} it to a slider. */
    public static org.javadl.kernel.widgets.Play play(int min, int max, int step, int intervalMillis) {
        return new org.javadl.kernel.widgets.Play(min, max, step, intervalMillis);
    }

    /** Keeps {@code target}'s value equal to {@code source}'s, in the front end: {@code jslink(play, slider)}. */
    public static org.javadl.kernel.widgets.Link jslink(org.javadl.kernel.widgets.ValueWidget<?, ?> source,
                                                        org.javadl.kernel.widgets.ValueWidget<?, ?> target) {
        return new org.javadl.kernel.widgets.Link(source, "value", target, "value");
    }

    /** Links any two attributes: {@code jslink(a, "max", b, "max")}. */
    public static org.javadl.kernel.widgets.Link jslink(org.javadl.kernel.widgets.Widget source, String sourceAttribute,
                                                        org.javadl.kernel.widgets.Widget target, String targetAttribute) {
        return new org.javadl.kernel.widgets.Link(source, sourceAttribute, target, targetAttribute);
    }

    /**
     * The control above {@code f} of its value, shown again whenever the control changes:
     * {@code interact(k -> plot().function("σ(kx)", x -> sigmoid(k * x), -6, 6), slider(0.1, 5, 1))}.
     */
    public static <A> org.javadl.kernel.widgets.Interactive interact(
            java.util.function.Function<? super A, ?> f, org.javadl.kernel.widgets.ValueWidget<A, ?> a) {
        Objects.requireNonNull(f, "f");
        return new org.javadl.kernel.widgets.Interactive(List.of(a), () -> f.apply(a.value()));
    }

    /** Two controls: {@code interact((lr, steps) -> ..., slider(0.001, 1, 0.1), slider(1, 100, 20))}. */
    public static <A, B> org.javadl.kernel.widgets.Interactive interact(
            java.util.function.BiFunction<? super A, ? super B, ?> f,
            org.javadl.kernel.widgets.ValueWidget<A, ?> a, org.javadl.kernel.widgets.ValueWidget<B, ?> b) {
        Objects.requireNonNull(f, "f");
        return new org.javadl.kernel.widgets.Interactive(List.of(a, b), () -> f.apply(a.value(), b.value()));
    }

    /** Three controls. */
    public static <A, B, C> org.javadl.kernel.widgets.Interactive interact(
            org.javadl.kernel.widgets.Interactive.Function3<? super A, ? super B, ? super C, ?> f,
            org.javadl.kernel.widgets.ValueWidget<A, ?> a, org.javadl.kernel.widgets.ValueWidget<B, ?> b,
            org.javadl.kernel.widgets.ValueWidget<C, ?> c) {
        Objects.requireNonNull(f, "f");
        return new org.javadl.kernel.widgets.Interactive(List.of(a, b, c),
                () -> f.apply(a.value(), b.value(), c.value()));
    }
}

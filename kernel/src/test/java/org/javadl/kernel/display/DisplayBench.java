package org.javadl.kernel.display;

import org.javadl.kernel.runtime.Notebook;
import org.javadl.kernel.runtime.DisplaySink;
import org.javadl.kernel.runtime.Session;
import org.javadl.kernel.protocol.OutputCapture;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * Hand-run timing harness (not a test: timings do not belong in assertions). Run one JVM per mode:
 * <pre>
 * java -Djava.awt.headless=true -cp test-classes:classes:DEPS org.javadl.kernel.display.DisplayBench warm
 * java ... DisplayBench cold      # first plot with no warm-up, for comparison
 * java ... DisplayBench steady    # warm 600x400 line chart and 10,000-row table, median of N
 * </pre>
 */
public final class DisplayBench {

    public static void main(String[] args) throws Exception {
        long jvmStart = java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
        String mode = args.length > 0 ? args[0] : "steady";
        Session session = new Session();
        session.bind(); // for the whole run: this thread makes every display
        session.connect(new DisplaySink() {
            @Override
            public void display(DisplayData data) {
            }

            @Override
            public void updateDisplay(DisplayData data) {
            }
        }, OutputCapture.standalone());
        switch (mode) {
            case "warm" -> {
                long t0 = System.nanoTime();
                DisplayWarmup.startInBackground();
                long startCall = System.nanoTime() - t0;
                boolean done = DisplayWarmup.await(30, TimeUnit.SECONDS);
                long warm = System.nanoTime() - t0;
                long t1 = System.nanoTime();
                firstUserPlot();
                long first = System.nanoTime() - t1;
                System.out.printf("startInBackground() returned in %.2f ms; warm-up took %d ms (done=%s, %d ms after JVM start)%n",
                        startCall / 1e6, warm / 1_000_000, done, System.currentTimeMillis() - jvmStart);
                System.out.printf("first plot after warm-up: %d ms%n", first / 1_000_000);
            }
            case "cold" -> {
                long t1 = System.nanoTime();
                firstUserPlot();
                System.out.printf("first plot, no warm-up: %d ms%n", (System.nanoTime() - t1) / 1_000_000);
            }
            default -> {
                for (int i = 0; i < 15; i++) {
                    firstUserPlot();
                }
                System.out.printf("warm 600x400 line chart (PNG at 2x): median %.1f ms%n", median(30, DisplayBench::firstUserPlot));
                Table big = bigTable();
                for (int i = 0; i < 20; i++) {
                    Renderers.newStandard().render(big);
                }
                System.out.printf("10,000-row table (HTML + text): median %.1f ms%n",
                        median(50, () -> Renderers.newStandard().render(big)));
                var plot = Notebook.plot(Math::sin, 0, 10);
                System.out.printf("warm 600x400 line chart as SVG: median %.1f ms%n", median(20,
                        () -> Renderers.newStandard().render(plot, RenderOptions.defaults().withMimeTypes(MimeTypes.SVG))));
            }
        }
        System.exit(0);
    }

    private static void firstUserPlot() {
        DisplayData d = Renderers.newStandard().render(Notebook.plot()
                .function("sigmoid", x -> 1 / (1 + Math.exp(-x)), -6, 6)
                .function("tanh", Math::tanh, -6, 6)
                .title("activations").xLabel("x").size(600, 400));
        if (!d.hasDataForType(io.github.spencerpark.jupyter.kernel.display.mime.MIMEType.IMAGE_PNG)) {
            throw new IllegalStateException("no PNG: " + d);
        }
    }

    static Table bigTable() {
        int n = 10_000;
        double[] xs = new double[n];
        double[] ys = new double[n];
        for (int i = 0; i < n; i++) {
            xs[i] = i * 0.001;
            ys[i] = Math.sin(xs[i]);
        }
        return Table.create("big", IntColumn.indexColumn("i", n, 0), DoubleColumn.create("x", xs), DoubleColumn.create("y", ys));
    }

    private static double median(int n, Runnable r) {
        double[] ms = new double[n];
        for (int i = 0; i < n; i++) {
            long t = System.nanoTime();
            r.run();
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        return ms[n / 2];
    }
}

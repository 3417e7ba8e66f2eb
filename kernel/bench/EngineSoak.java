import org.javadl.kernel.engine.CellOutcome;
import org.javadl.kernel.engine.JavaEngine;
import org.javadl.kernel.engine.internals.ReplImportPlugin;

import java.util.Arrays;

/**
 * The soak mix of tests/test_soak.py run in-process on the kernel's engine (no ZeroMQ, no
 * rendering), to see where the time of a long session goes without a Jupyter client in the way.
 * Prints the median and 95th percentile of each 250 cells and the live heap after a GC.
 *
 * <pre>
 * java --add-opens jdk.jshell/jdk.jshell=ALL-UNNAMED \
 *      --add-opens jdk.compiler/com.sun.tools.javac.api=ALL-UNNAMED \
 *      --add-opens jdk.compiler/com.sun.tools.javac.code=ALL-UNNAMED \
 *      --add-opens jdk.compiler/com.sun.tools.javac.tree=ALL-UNNAMED \
 *      --add-opens jdk.compiler/com.sun.tools.javac.util=ALL-UNNAMED \
 *      -cp kernel/target/javadl-kernel.jar kernel/bench/EngineSoak.java 2500
 * </pre>
 * Add the kernel's JVM flags (install-kernel.sh: -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xmn16m)
 * to see a session as the kernel runs it, and -XX:StartFlightRecording=filename=soak.jfr,settings=profile
 * to profile it.
 */
public class EngineSoak {
    /** Cell i (1-based) of the mix: the same ten kinds, in the same order, as tests/test_soak.py. */
    static String cell(int i) {
        return switch (i % 10) {
            case 0 -> "class C" + i + " { final int v = " + i + "; int get() { return v * 2; } }\nnew C" + i + "().get()";
            case 1 -> "int f(int x) { return x + " + i + "; }\nf(1)";
            case 2 -> "double[] big = new double[1_000_000];\njava.util.Arrays.fill(big, " + (i % 97) + ");\n"
                    + "(long) java.util.Arrays.stream(big).sum()";
            case 3 -> "plot(x -> Math.sin(x * " + (i % 7 + 1) + "), -3, 3)";
            case 4 -> "String s" + (i % 50) + " = \"cell " + i + "\";\ns" + (i % 50) + ".length()";
            case 5 -> "record R" + i + "(int a, double b) {}\nnew R" + i + "(" + i + ", 0.5).a()";
            case 6 -> "int[] small = java.util.stream.IntStream.range(0, 1000).map(j -> j * " + (i % 5) + ").toArray();\n"
                    + "java.util.Arrays.stream(small).sum()";
            case 7 -> "table(\"x\", new double[]{1, 2, " + i + "}, \"y\", new double[]{3, 4, 5})";
            case 8 -> "System.out.print(\"\");";
            default -> "sigmoid(0.0) + " + i;
        };
    }

    /** The number of class files JShell keeps for javac (package-private in the engine, for tests). */
    static int classFiles(JavaEngine engine) {
        try {
            java.lang.reflect.Method m = JavaEngine.class.getDeclaredMethod("compiledClassCount");
            m.setAccessible(true);
            return (Integer) m.invoke(engine);
        } catch (ReflectiveOperationException e) {
            return -1;
        }
    }

    public static void main(String[] args) {
        int cells = args.length > 0 ? Integer.parseInt(args[0]) : 2500;
        int window = 250;
        try (JavaEngine engine = JavaEngine.standard()) {
            engine.awaitReady();
            double[] ms = new double[cells + 1];
            long start = System.nanoTime();
            long tasks = ReplImportPlugin.tasksSoFar();
            for (int i = 1; i <= cells; i++) {
                long t = System.nanoTime();
                CellOutcome outcome = engine.execute(cell(i), i);
                ms[i] = (System.nanoTime() - t) / 1e6;
                if (!(outcome instanceof CellOutcome.Success)) {
                    throw new IllegalStateException("cell " + i + " failed: " + outcome);
                }
                if (i % window == 0) {
                    double[] w = Arrays.copyOfRange(ms, i - window + 1, i + 1);
                    Arrays.sort(w);
                    System.gc();
                    long tasksBefore = tasks;
                    tasks = ReplImportPlugin.tasksSoFar();
                    Runtime rt = Runtime.getRuntime();
                    System.out.printf("cells %5d-%5d: p50 %6.1f ms, p95 %6.1f ms; live heap %6.1f MiB; "
                                    + "REPL class files %5d; javac tasks/cell %4.1f; %5.0f s%n",
                            i - window + 1, i, w[window / 2], w[window * 95 / 100],
                            (rt.totalMemory() - rt.freeMemory()) / 1048576.0, classFiles(engine),
                            (tasks - tasksBefore) / (double) window,
                            (System.nanoTime() - start) / 1e9);
                }
            }
        }
    }
}

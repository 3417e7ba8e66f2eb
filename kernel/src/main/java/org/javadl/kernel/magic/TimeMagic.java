package org.javadl.kernel.magic;

import org.javadl.kernel.engine.CellOutcome;
import org.javadl.kernel.engine.RunMeter;

/**
 * {@code %time CODE} and {@code %%time}: runs the code once, as a normal cell part (declarations stay),
 * then prints its wall time (split into running and compiling), CPU time and allocated bytes.
 */
final class TimeMagic extends JavaBodyMagic {
    @Override
    public String name() {
        return "time";
    }

    @Override
    public String summary() {
        return "time one run: wall, CPU, allocated bytes";
    }

    @Override
    public String help() {
        return """
                %time EXPRESSION-OR-STATEMENT
                %%time   (first line; the rest of the cell is timed)

                Runs the code once, as the cell would, and prints:
                  Wall time   from start to end, split into running the code and compiling it (javac)
                  CPU time    of the thread that ran the code
                  Allocated   bytes allocated on the heap by that thread
                The value of an expression is shown as usual, and declarations stay defined.
                Threads the code starts are not counted in CPU time or allocations. For short code use %timeit.""";
    }

    @Override
    public CellOutcome run(MagicContext context, String args, String body) throws MagicException {
        String code = body == null ? args : body;
        if (code.isBlank()) {
            throw new MagicException("%time needs code to time: %time fib(30)   or a cell starting with %%time");
        }
        RunMeter.Reading before = RunMeter.read();
        long t0 = System.nanoTime();
        CellOutcome outcome = context.runJava(code);
        long wall = System.nanoTime() - t0;
        RunMeter.Reading cost = RunMeter.read().minus(before);
        System.out.println(report(wall, cost));
        return outcome;
    }

    static String report(long wallNanos, RunMeter.Reading cost) {
        long compile = Math.max(0, wallNanos - cost.runNanos());
        return "Wall time: " + Durations.time(wallNanos / 1e9)
                + " (running " + Durations.time(cost.runNanos() / 1e9) + ", compiling " + Durations.time(compile / 1e9) + ")"
                + "\nCPU time: " + (cost.cpuNanos() < 0 ? "n/a" : Durations.time(cost.cpuNanos() / 1e9))
                + "\nAllocated: " + Durations.bytes(cost.allocatedBytes());
    }
}

package org.javadl.kernel;

import org.javadl.kernel.engine.CellOutcome;
import org.javadl.kernel.engine.JavaEngine;
import org.javadl.kernel.magic.CellTimeout;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Stops cells: at the user's request (interrupt) and when a cell outlives its time budget. Either way
 * the engine stops the Java that runs, and magics that run their own loops (a shell script) look at
 * {@link #interrupted()}.
 */
final class CellWatchdog {
    private static final String RED = "\u001b[31m";
    private static final String RESET = "\u001b[0m";

    private final JavaEngine engine;
    private ScheduledExecutorService timer;
    private volatile boolean interrupted;
    private volatile boolean timedOut;
    private volatile double budgetSeconds;

    CellWatchdog(JavaEngine engine) {
        this.engine = engine;
    }

    /** Runs one cell under a budget of {@code seconds} (0: none). */
    CellOutcome run(double seconds, Supplier<CellOutcome> cell) {
        interrupted = false;
        timedOut = false;
        budgetSeconds = seconds;
        ScheduledFuture<?> alarm = seconds > 0
                ? timer().schedule(this::expire, Math.round(seconds * 1e9), TimeUnit.NANOSECONDS) : null;
        try {
            return cell.get();
        } finally {
            if (alarm != null) {
                alarm.cancel(false);
            }
        }
    }

    private void expire() {
        timedOut = true;
        interrupt();
    }

    private synchronized ScheduledExecutorService timer() {
        if (timer == null) {
            timer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "javadl-cell-timeout");
                t.setDaemon(true);
                return t;
            });
        }
        return timer;
    }

    void interrupt() {
        interrupted = true;
        engine.interrupt();
    }

    boolean interrupted() {
        return interrupted;
    }

    /** A failure of a cell that ran out of time says so, naming the budget. */
    CellOutcome.Failure explain(CellOutcome.Failure f, CellTimeout timeout) {
        if (!timedOut) {
            return f;
        }
        String budget = org.javadl.kernel.magic.CellTimeout.format(budgetSeconds);
        String msg = "the cell ran longer than its time budget of " + budget + " and was stopped";
        return new CellOutcome.Failure("Timeout", msg, List.of(RED + "Timeout" + RESET + ": " + msg
                + ". Variables keep the values they had when it stopped. Change the budget with %timeout"
                + " (now: " + timeout.describe() + "; JAVADL_TIMEOUT sets it at start-up)."));
    }

    /** What a cell that was interrupted reports (as the engine does for Java). */
    static CellOutcome.Failure interruptedFailure() {
        return new CellOutcome.Failure("Interrupted", "the cell was interrupted",
                List.of(RED + "Interrupted" + RESET + ": the cell was stopped at your request."));
    }
}

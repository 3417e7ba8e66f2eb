package org.javadl.kernel.engine;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What running cells' code has cost so far, measured on JShell's execution thread around each
 * snippet's {@code do_it$} (so javac's compile time is not in it): wall time, the thread's CPU time and
 * the bytes it allocated. Totals only grow; {@code %time} takes a reading before and after.
 */
public final class RunMeter {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final com.sun.management.ThreadMXBean SUN_THREADS =
            THREADS instanceof com.sun.management.ThreadMXBean s && s.isThreadAllocatedMemorySupported() ? s : null;
    private static final AtomicLong RUN_NANOS = new AtomicLong();
    private static final AtomicLong CPU_NANOS = new AtomicLong();
    private static final AtomicLong ALLOCATED = new AtomicLong();

    /** Cumulative totals; {@code cpuNanos} or {@code allocatedBytes} are -1 where the JVM cannot measure them. */
    public record Reading(long runNanos, long cpuNanos, long allocatedBytes) {
        public Reading minus(Reading earlier) {
            return new Reading(runNanos - earlier.runNanos,
                    cpuNanos < 0 ? -1 : cpuNanos - earlier.cpuNanos,
                    allocatedBytes < 0 ? -1 : allocatedBytes - earlier.allocatedBytes);
        }
    }

    private RunMeter() {
    }

    public static Reading read() {
        return new Reading(RUN_NANOS.get(),
                THREADS.isCurrentThreadCpuTimeSupported() ? CPU_NANOS.get() : -1,
                SUN_THREADS == null ? -1 : ALLOCATED.get());
    }

    /** A start mark on the current (execution) thread. */
    static long[] start() {
        return new long[]{System.nanoTime(), cpu(), allocated()};
    }

    /** Adds what the current thread spent since {@code mark}. */
    static void stop(long[] mark) {
        RUN_NANOS.addAndGet(System.nanoTime() - mark[0]);
        CPU_NANOS.addAndGet(Math.max(0, cpu() - mark[1]));
        ALLOCATED.addAndGet(Math.max(0, allocated() - mark[2]));
    }

    private static long cpu() {
        return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : 0;
    }

    private static long allocated() {
        return SUN_THREADS == null ? 0 : SUN_THREADS.getCurrentThreadAllocatedBytes();
    }
}

package org.javadl.kernel.runtime;

import java.util.function.LongSupplier;

/**
 * Rate limit for in-place updates: at most one update per interval, so a tight loop sends ~10
 * messages a second instead of one per iteration (each is a ZeroMQ message and a DOM update in the
 * browser). The clock is injectable for tests.
 */
final class Throttle {
    private final long intervalNanos;
    private final LongSupplier clock;
    private long last;
    private boolean any;

    Throttle(long intervalMillis, LongSupplier clock) {
        this.intervalNanos = intervalMillis * 1_000_000L;
        this.clock = clock;
    }

    /** True (and the slot is taken) when an update may go out now. */
    synchronized boolean tryAcquire() {
        long now = clock.getAsLong();
        if (!any || now - last >= intervalNanos) {
            any = true;
            last = now;
            return true;
        }
        return false;
    }

    /** Records an update that went out regardless (the first display, the final state). */
    synchronized void markSent() {
        any = true;
        last = clock.getAsLong();
    }

    long intervalMillis() {
        return intervalNanos / 1_000_000L;
    }
}

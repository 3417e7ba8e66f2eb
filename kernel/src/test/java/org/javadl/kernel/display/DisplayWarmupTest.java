package org.javadl.kernel.display;

import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;

class DisplayWarmupTest {

    @Test
    void startIsIdempotentAndDoesNotBlock() throws InterruptedException {
        DisplayWarmup.startInBackground();
        DisplayWarmup.startInBackground();
        long before = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("javadl-display-warmup")).count();
        assertTrue(before <= 1, "one warm-up thread at most");
        assertTrue(DisplayWarmup.await(60, TimeUnit.SECONDS), "warm-up finishes");
        DisplayWarmup.startInBackground(); // after completion: still a no-op
    }
}

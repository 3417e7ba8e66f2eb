package org.javadl.kernel.runtime;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.javadl.kernel.display.BundleAssertions.png;
import static org.javadl.kernel.display.BundleAssertions.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LivePlotTest {

    private RecordingSink sink;
    private Session.Binding bound;
    private Session session;
    private final AtomicLong now = new AtomicLong(5_000_000_000L);

    @BeforeEach
    void install() {
        sink = new RecordingSink();
        session = sink.session(now::get);
        bound = session.bind();
    }

    @AfterEach
    void restore() {
        bound.close();
    }

    @Test
    void redrawsInPlaceThrottled() {
        LivePlot curve = new LivePlot("loss", session, false);
        for (int step = 0; step < 100; step++) {
            curve.add(step, 1.0 / (step + 1));
            now.addAndGet(20_000_000L); // 20 ms per step: 2 s in all
        }
        assertEquals(1, sink.count("display"));
        long updates = sink.count("update");
        assertTrue(updates >= 8 && updates <= 11, "about 5 redraws a second, got " + updates);
        curve.finish();
        assertTrue(text(sink.last().data()).contains("100 points"), text(sink.last().data()));
        String id = curve.displayId();
        assertTrue(sink.messages.stream().allMatch(m -> id.equals(m.data().getDisplayId())));
        assertEquals(1200, png(sink.last().data()).getWidth());
        long before = sink.messages.size();
        curve.finish(); // nothing new: nothing sent
        assertEquals(before, sink.messages.size());
    }

    @Test
    void trailingRedrawDeliversTheLastPoint() throws InterruptedException {
        LivePlot curve = Notebook.liveCurve("loss");
        curve.add(0, 1.0);
        curve.add(1, 0.5); // throttled: real clock has not moved 200 ms
        long deadline = System.currentTimeMillis() + 5000;
        while (sink.count("update") == 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(1, sink.count("update"));
        assertTrue(text(sink.last().data()).contains("2 points"), text(sink.last().data()));
    }

    @Test
    void severalSeriesOnOneChart() {
        LivePlot curve = new LivePlot("train", session, false);
        curve.add(0, 1.0).add("validation", 0, 1.2).add(1, 0.8).add("validation", 1, 1.0);
        curve.finish();
        String t = text(sink.last().data());
        assertTrue(t.contains("train (2 points") && t.contains("validation (2 points"), t);
    }
}

package org.javadl.kernel.runtime;

import org.javadl.kernel.display.MimeTypes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.javadl.kernel.display.BundleAssertions.data;
import static org.javadl.kernel.display.BundleAssertions.parseHtmlFragment;
import static org.javadl.kernel.display.BundleAssertions.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProgressTest {

    private RecordingSink sink;
    private Session.Binding bound;
    private final AtomicLong now = new AtomicLong(1_000_000_000L);

    @BeforeEach
    void install() {
        sink = new RecordingSink();
        bound = sink.session(now::get).bind();
    }

    @AfterEach
    void restore() {
        bound.close();
    }

    @Test
    void iteratingThrottlesAndEndsWithFinalState() {
        int sum = 0;
        for (int i : Notebook.progress("train", 1000)) {
            sum += i;
            now.addAndGet(1_000_000L); // 1 ms per iteration: 1 s in all
        }
        assertEquals(999 * 1000 / 2, sum);
        assertEquals(1, sink.count("display"));
        long updates = sink.count("update");
        assertTrue(updates >= 9 && updates <= 12, "about 10 updates per second plus the final one, got " + updates);
        String last = text(sink.last().data());
        assertTrue(last.startsWith("train: 100% |"), last);
        assertTrue(last.contains("1000/1000"), last);
        String id = sink.messages.get(0).data().getDisplayId();
        assertTrue(sink.messages.stream().allMatch(m -> id.equals(m.data().getDisplayId())), "all updates target one display");
        parseHtmlFragment((String) data(sink.last().data(), MimeTypes.HTML));
    }

    @Test
    void tightLoopWithoutTimePassingSendsOnlyFirstAndFinal() {
        for (int ignored : Notebook.progress(100_000)) {
            // no time passes
        }
        assertEquals(1, sink.count("display"));
        assertEquals(1, sink.count("update"));
        assertTrue(text(sink.last().data()).contains("100000/100000"));
    }

    @Test
    void manualStepsAndClose() {
        Progress<Void> p = Notebook.progressBar("epochs", 10);
        for (int i = 0; i < 4; i++) {
            p.step();
            now.addAndGet(150_000_000L);
        }
        assertEquals(1, sink.count("display"));
        p.note("loss=0.25").close();
        p.close(); // idempotent
        String last = text(sink.last().data());
        assertTrue(last.contains("4/10") && last.contains("loss=0.25"), last);
        assertEquals(4, p.count());
        long updates = sink.count("update");
        assertTrue(updates <= 5, "updates " + updates);
    }

    @Test
    void unknownTotalCountsIterations() {
        Iterable<String> it = () -> List.of("a", "b", "c").iterator();
        int n = 0;
        for (String s : Notebook.progress(it)) {
            n += s.length();
        }
        assertEquals(3, n);
        assertTrue(text(sink.last().data()).startsWith("3 it"), text(sink.last().data()));
    }

    @Test
    void emptyRangeStillShowsAFinalState() {
        for (int ignored : Notebook.progress(0)) {
            throw new AssertionError("no iterations");
        }
        assertEquals(1, sink.count("display"));
        assertEquals(1, sink.count("update"));
    }
}

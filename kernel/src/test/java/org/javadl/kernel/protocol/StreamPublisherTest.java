package org.javadl.kernel.protocol;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Output routed by cell: the running cell's budget, background output under its own cell and cap. */
class StreamPublisherTest {
    private record Sent(String parent, String text) {
    }

    private final List<Sent> sent = new ArrayList<>();
    private final AtomicInteger writer = new AtomicInteger();
    private final AtomicBoolean muted = new AtomicBoolean();
    private final OutputRouter router = new OutputRouter(writer::get);
    private JsonObject current = header("none");
    private final StreamPublisher out = new StreamPublisher("stdout",
            (type, parent, content) -> sent.add(new Sent(parent.get("msg_id").getAsString(), content.get("text").getAsString())),
            () -> current, 100, muted::get, router);

    private static JsonObject header(String id) {
        JsonObject h = new JsonObject();
        h.addProperty("msg_id", id);
        return h;
    }

    private void start(int cell) {
        current = header("cell-" + cell);
        router.cellStarted(cell, current, false);
    }

    private void end() {
        router.cellEnded();
        out.endCell();
    }

    private void print(int writerCell, String text) {
        writer.set(writerCell);
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        out.write(b, 0, b.length);
    }

    private String textUnder(String parent) {
        out.publishPending();
        StringBuilder s = new StringBuilder();
        sent.stream().filter(m -> m.parent().equals(parent)).forEach(m -> s.append(m.text()));
        return s.toString();
    }

    @Test
    void aThreadOfAnEarlierCellPrintsUnderThatCellWithItsOwnCap() {
        start(1);
        print(1, "cell one\n");
        end();
        start(2);
        print(1, "x".repeat(250)); // the thread of cell 1, while cell 2 runs: capped at 100 bytes
        print(2, "mine\n");
        print(0, "kernel\n"); // a kernel thread while cell 2 runs: cell 2's
        end();
        assertEquals("mine\nkernel\n", textUnder("cell-2"));
        String one = textUnder("cell-1");
        assertTrue(one.startsWith("cell one\n" + "x".repeat(100) + "\n[javadl: output of background threads of cell [1] "
                + "reached its limit of 100 bytes on stdout; the rest is dropped."), one);
        print(1, "more");
        assertEquals(one, textUnder("cell-1"), "after the cap, nothing more and no second note");
    }

    @Test
    void theNextCellKeepsItsWholeBudget() {
        start(1);
        end();
        start(2);
        print(1, "y".repeat(500));
        print(2, "z".repeat(100));
        end();
        assertEquals("z".repeat(100), textUnder("cell-2"), "no truncation note: cell 2 printed exactly its limit");
    }

    @Test
    void betweenCellsOutputOfUnknownOriginGoesUnderTheLastCell() {
        start(5);
        end();
        print(0, "late\n");
        assertEquals("late\n", textUnder("cell-5"));
    }

    @Test
    void aSilentCellIsMutedButBackgroundOutputIsNot() {
        start(1);
        end();
        current = header("silent");
        router.cellStarted(1, current, true); // silent requests keep the previous count
        muted.set(true);
        print(0, "hidden");
        end();
        muted.set(false);
        assertEquals("", textUnder("silent"));
        start(2);
        muted.set(true);
        print(1, "from cell one");
        end();
        assertEquals("from cell one", textUnder("cell-1"));
    }

    @Test
    void theForegroundNoteStillReportsTruncation() {
        start(1);
        print(1, "a".repeat(150));
        end();
        String text = textUnder("cell-1");
        assertTrue(text.startsWith("a".repeat(100) + "\n[javadl: output truncated: this cell printed 150 bytes"), text);
    }
}

package org.javadl.kernel.protocol;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The kernel's System.out/err/in come back after a cell replaced or closed them; stdin is the running cell's. */
class KernelStreamsTest {
    private PrintStream oldOut;
    private PrintStream oldErr;
    private InputStream oldIn;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final InputStream in = new ByteArrayInputStream(new byte[0]);
    private KernelStreams streams;

    @BeforeEach
    void install() {
        oldOut = System.out;
        oldErr = System.err;
        oldIn = System.in;
        streams = new KernelStreams(out, err, in);
        streams.install();
    }

    @AfterEach
    void restore() {
        System.setOut(oldOut);
        System.setErr(oldErr);
        System.setIn(oldIn);
    }

    @Test
    void nothingTouchedNothingSaid() {
        System.out.println("hello");
        assertNull(streams.reclaim("this cell"));
        assertEquals("hello\n", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void replacedStreamsComeBack() {
        PrintStream mine = System.out;
        System.setOut(null);
        System.setIn(new ByteArrayInputStream("x".getBytes(StandardCharsets.UTF_8)));
        assertEquals("note: this cell replaced System.out and System.in; the kernel put its own back for the next cells.",
                streams.reclaim("this cell"));
        assertSame(mine, System.out);
        assertSame(in, System.in);
        System.out.println("again");
        assertEquals("again\n", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void closingThroughAPrintWriterIsIgnored() {
        PrintWriter w = new PrintWriter(System.out);
        w.println("via writer");
        w.close();
        System.out.println("after");
        System.err.close();
        assertEquals("note: this cell closed System.out and System.err, which stays open (the kernel's streams ignore close()).",
                streams.reclaim("this cell"));
        assertEquals("via writer\nafter\n", out.toString(StandardCharsets.UTF_8));
        assertNull(streams.reclaim("this cell"), "a close is reported once");
    }

    @Test
    void backgroundThreadsMayNotReadStdin() {
        boolean[] foreground = {false};
        KernelInput input = new KernelInput(prompt -> "typed", () -> foreground[0]);
        input.startCell(true);
        StdinUnavailableException e = assertThrows(StdinUnavailableException.class, input::read);
        assertEquals(true, e.getMessage().startsWith("System.in belongs to the running cell"));
        foreground[0] = true;
        assertEquals('t', input.read());
    }
}

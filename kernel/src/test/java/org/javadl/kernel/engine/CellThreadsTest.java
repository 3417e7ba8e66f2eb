package org.javadl.kernel.engine;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Threads cells start: known by cell, stopped by an interrupt on JDK 17 and 25, reported. */
class CellThreadsTest {
    private static JavaEngine engine;
    private static int cell;

    @BeforeAll
    static void start() {
        engine = JavaEngine.standard();
        engine.awaitReady();
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    @AfterEach
    void noThreadLeftBehind() throws InterruptedException {
        engine.interrupt();
        assertTrue(waitUntil(() -> CellThreads.live().stream().noneMatch(CellThreads.CellThread::inCellCode), 3000),
                () -> "cell threads still running: " + names(CellThreads.live()));
    }

    private static CellOutcome run(String code) {
        CellOutcome o = engine.execute(code, ++cell);
        assertInstanceOf(CellOutcome.Success.class, o, () -> "cell failed: " + o);
        return o;
    }

    private static Object value(String code) {
        CellOutcome o = run(code);
        CellOutcome.Success s = assertInstanceOf(CellOutcome.Success.class, o, () -> "cell failed: " + o);
        return s.value();
    }

    private static String names(List<CellThreads.CellThread> threads) {
        return threads.stream().map(CellThreads.CellThread::name).toList().toString();
    }

    private static boolean waitUntil(java.util.function.BooleanSupplier condition, long millis) throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000L;
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(10);
        }
        return condition.getAsBoolean();
    }

    /** Runs a cell on another thread, interrupts it once the thread it starts runs, returns its outcome. */
    private static CellOutcome interruptOnce(String code, String threadName) throws Exception {
        int n = ++cell;
        CompletableFuture<CellOutcome> f = CompletableFuture.supplyAsync(() -> engine.execute(code, n));
        assertTrue(waitUntil(() -> CellThreads.live().stream().anyMatch(c -> c.name().equals(threadName)), 10_000),
                threadName + " never started");
        Thread.sleep(100); // well inside its loop
        engine.interrupt();
        return f.get(5, TimeUnit.SECONDS);
    }

    @Test
    void aThreadThatOutlivesItsCellIsListedWithItsCellAndStoppedByAnInterrupt() throws Exception {
        run("Thread spinner = new Thread(() -> { while (true) { } }, \"spinner\"); spinner.start();");
        int started = cell;
        List<CellThreads.CellThread> live = CellThreads.liveOf(started);
        assertEquals(List.of("spinner"), live.stream().map(CellThreads.CellThread::name).toList());
        String note = engine.backgroundThreadsNote(started);
        assertNotNull(note);
        assertTrue(note.contains("1 thread started by this cell is still running: spinner (runnable)"), note);
        engine.interrupt(); // no cell running: the interrupt stops the background thread
        assertTrue(waitUntil(() -> !(Boolean) value("spinner.isAlive()"), 2000), "spinner survived the interrupt");
        assertNull(engine.backgroundThreadsNote(started));
    }

    @Test
    void interruptingACellThatJoinsItsSpinningThreadStopsBothAndSaysWhich() throws Exception {
        CellOutcome o = interruptOnce("Thread w = new Thread(() -> { long n = 0; while (true) { n++; } }, \"worker-1\");\n"
                + "w.start();\nw.join();", "worker-1");
        CellOutcome.Failure f = assertInstanceOf(CellOutcome.Failure.class, o);
        assertEquals("Interrupted", f.ename());
        String tb = String.join("\n", f.traceback());
        assertTrue(tb.contains("Stopped 1 thread started by this cell: worker-1."), tb);
        assertTrue(CellThreads.live().stream().noneMatch(c -> c.name().equals("worker-1")));
    }

    @Test
    void aThreadCreatedInOneSnippetAndStartedInAnotherIsStillTheCells() throws Exception {
        // JShell runs each snippet in its own thread group; the thread's group is that of its creation.
        CellOutcome o = interruptOnce("Runnable spin = () -> { while (true) { } };\n"
                + "Thread a = new Thread(spin, \"made-early\");\nint x = 1;\na.start();\na.join();", "made-early");
        String tb = String.join("\n", ((CellOutcome.Failure) o).traceback());
        assertTrue(tb.contains("made-early"), tb);
        assertTrue(waitUntil(() -> !(Boolean) value("a.isAlive()"), 1000));
    }

    @Test
    void executorTasksStopAndTheExecutorIsShutDown() throws Exception {
        run("var pool = java.util.concurrent.Executors.newFixedThreadPool(2);\n"
                + "pool.submit(() -> { while (true) { } });\npool.submit(() -> { while (true) { } });");
        assertEquals(2, CellThreads.liveOf(cell).size());
        engine.interrupt();
        assertTrue(waitUntil(() -> (Boolean) value("pool.isTerminated()"), 2000), "pool not terminated");
    }

    @Test
    void aSleepingLoopThatSwallowsInterruptsStillStops() throws Exception {
        run("Thread stubborn = new Thread(() -> { while (true) { try { Thread.sleep(50); } catch (InterruptedException e) { } } });\n"
                + "stubborn.start();");
        engine.interrupt();
        assertTrue(waitUntil(() -> !(Boolean) value("stubborn.isAlive()"), 2000));
    }

    @Test
    void aCatchAllInsideTheLoopDoesNotSaveIt() throws Exception {
        run("Thread tough = new Thread(() -> { while (true) { try { while (true) { } } catch (Throwable t) { } } });\n"
                + "tough.start();");
        engine.interrupt();
        assertTrue(waitUntil(() -> !(Boolean) value("tough.isAlive()"), 2000));
    }

    @Test
    void commonPoolTasksAreStoppedAndThePoolKeepsWorking() throws Exception {
        run("var asyncSpin = java.util.concurrent.CompletableFuture.runAsync(() -> { while (true) { } });");
        Thread.sleep(100);
        engine.interrupt();
        assertTrue(waitUntil(() -> (Boolean) value("asyncSpin.isCompletedExceptionally()"), 2000), "common pool task still running");
        assertEquals(5050, value("IntStream.rangeClosed(1, 100).parallel().sum()"));
        assertEquals(42, value("java.util.concurrent.CompletableFuture.supplyAsync(() -> 42).join()"));
    }

    @Test
    void aTimerTheCellCreatedIsCancelled() throws Exception {
        run("var ticks = new java.util.concurrent.atomic.AtomicInteger();\n"
                + "var timer = new java.util.Timer(\"ticker\");\n"
                + "timer.scheduleAtFixedRate(new java.util.TimerTask() { public void run() { ticks.incrementAndGet(); } }, 0, 10);");
        Thread.sleep(100);
        engine.interrupt();
        Thread.sleep(200);
        int after = (Integer) value("ticks.get()");
        Thread.sleep(200);
        assertEquals(after, (Integer) value("ticks.get()"), "the timer kept ticking");
    }

    @Test
    void methodsOfEarlierCellsStopTooOnAnyThread() throws Exception {
        run("void spinForever() { while (true) { } }");
        run("Thread viaMethod = new Thread(() -> spinForever()); viaMethod.start();");
        engine.interrupt();
        assertTrue(waitUntil(() -> !(Boolean) value("viaMethod.isAlive()"), 2000));
    }

    @Test
    void laterCellsRunNormallyAfterAStop() throws Exception {
        run("Thread again = new Thread(() -> { while (true) { } }); again.start();");
        engine.interrupt();
        assertTrue(waitUntil(() -> !(Boolean) value("again.isAlive()"), 2000));
        assertEquals(499500L, value("long s = 0; for (int i = 0; i < 1000; i++) { s += i; } s"));
        assertEquals("done", value("var th = new Thread(() -> { }); th.start(); th.join(); \"done\""));
    }

    @Test
    void anExceptionThatEndsACellThreadIsPrinted() throws Exception {
        PrintStream old = System.err;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setErr(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            run("void fail() { throw new IllegalStateException(\"boom\"); }");
            run("Thread failing = new Thread(() -> fail(), \"failing\"); failing.start(); failing.join();");
        } finally {
            System.setErr(old);
        }
        String err = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(err.contains("Exception in thread \"failing\" (started by cell [" + cell + "]): "
                + "java.lang.IllegalStateException: boom"), err);
        assertTrue(err.contains("at fail (cell [" + (cell - 1) + "])"), err);
    }

    @Test
    void cellsThatStartAThreadAtOnceStillEnd() {
        // JShell joins every thread of the snippet's group it finds right after starting the
        // snippet: a thread started before that would make the cell wait for it forever.
        for (int i = 0; i < 25; i++) {
            String code = i % 2 == 0 ? "var race" + i + " = new java.util.Timer(\"race-" + i + "\");"
                    : "new Thread(() -> { while (true) { try { Thread.sleep(1000); } catch (InterruptedException e) { return; } } }).start();";
            CellOutcome o = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(10),
                    () -> engine.execute(code, ++cell), code);
            assertInstanceOf(CellOutcome.Success.class, o);
        }
    }

    @Test
    void aPlainCellLeavesNoNote() {
        run("int plain = 1;");
        assertNull(engine.backgroundThreadsNote(cell));
        run("var quick = new Thread(() -> { }); quick.start();");
        assertNull(engine.backgroundThreadsNote(cell), "a thread that ends at once is not reported");
    }
}

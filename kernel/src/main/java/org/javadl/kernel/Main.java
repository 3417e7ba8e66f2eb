package org.javadl.kernel;

import io.github.spencerpark.jupyter.kernel.KernelConnectionProperties;
import org.javadl.kernel.display.DisplayWarmup;
import org.javadl.kernel.engine.JavaEngine;
import org.javadl.kernel.protocol.KernelProtocol;
import org.javadl.kernel.protocol.KernelServer;
import org.javadl.kernel.protocol.MessageCodec;
import org.javadl.kernel.runtime.Session;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.LogRecord;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.logging.StreamHandler;

/**
 * Entry point: {@code java -jar javadl-kernel.jar CONNECTION_FILE}.
 *
 * <p>Order matters for start-up time: the sockets are bound first (so the front end connects and
 * gets {@code kernel_info} at once), JShell and the display libraries warm up on background
 * threads meanwhile, and the first cell waits only for what it needs.
 *
 * <p>{@code --train} runs a short representative session and exits normally; the install script
 * runs it under {@code -XX:ArchiveClassesAtExit} to build the class-data-sharing archive.
 */
public final class Main {
    private static final Logger LOG = Logger.getLogger("org.javadl.kernel");
    /** Default per-cell output limit for each of stdout and stderr. */
    static final long DEFAULT_OUTPUT_LIMIT = 8L << 20;

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream log = System.err; // the real stderr: kernel logs must not go into cells' output
        configureLogging(log);
        if (args.length == 1 && "--train".equals(args[0])) {
            Training.run(log);
            System.exit(0); // exit, not halt: the start-up archive is written at a normal exit
        }
        if (args.length != 1) {
            log.println("usage: java -jar javadl-kernel.jar CONNECTION_FILE   (or --train)");
            System.exit(2);
        }
        // JShell's start is the long pole (javac's set-up and the imports): begin it before anything else.
        JavaEngine engine = JavaEngine.standard();
        String json = Files.readString(Path.of(args[0]), StandardCharsets.UTF_8);
        KernelConnectionProperties props = KernelConnectionProperties.parse(json);
        startDisplayWarmup(engine);
        KernelServer server = new KernelServer(props, new MessageCodec(props.getKey(), props.getSignatureScheme()));
        JavaKernel kernel = new JavaKernel(engine);
        KernelProtocol protocol = new KernelProtocol(server, kernel, outputLimit(), () -> shutdown(server));
        protocol.installStreams();
        // Threads no cell started (the common fork-join pool's) display into this, the process's only kernel.
        Session.serveUnboundThreads(kernel.session());
        installInterruptSignal(engine);
        server.start(protocol);
        exitWhenOrphaned(server);
    }

    /**
     * Ends the kernel when the process that started it is gone (a front end killed without
     * shutting its kernel down), as ipykernel does. jupyter_client names that process in
     * JPY_PARENT_PID; without it, or when it is init, there is nothing to watch.
     */
    private static void exitWhenOrphaned(KernelServer server) {
        String env = System.getenv("JPY_PARENT_PID");
        long parent;
        try {
            parent = env == null ? -1 : Long.parseLong(env.strip());
        } catch (NumberFormatException e) {
            return;
        }
        if (parent <= 1) {
            return;
        }
        Thread watcher = new Thread(() -> {
            while (!server.isClosed()) {
                // The parent may already be gone when we get here (killed during our start-up).
                boolean alive = ProcessHandle.of(parent).map(ProcessHandle::isAlive).orElse(false);
                long ppid = ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(1L);
                if (!alive || ppid == 1) {
                    LOG.warning("the process that started this kernel (" + parent + ") is gone; shutting down");
                    server.close(500);
                    Runtime.getRuntime().halt(0);
                }
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "javadl-parent-watch");
        watcher.setDaemon(true);
        watcher.start();
    }

    /**
     * Warms fonts, XChart, PNG encoding and Tablesaw so the first plot or table is fast. With cores
     * to spare this runs alongside JShell's start. On fewer than four cores it waits until JShell
     * is ready and the kernel has been idle for {@value #IDLE_BEFORE_WARMUP_MILLIS} ms, normally
     * right after the first cell's reply: the warm-up costs ~0.3 s of CPU (Tablesaw's first use
     * alone scans the class path, ~0.23 s), and run beside the first cell on two cores it took CPU
     * the first reply needed (CPU to the first reply 0.75 -> 0.68 s without it, kernel/bench). A
     * plot in the first second pays the difference. JAVADL_DISPLAY_WARMUP=start|ready|idle|off decides.
     */
    private static void startDisplayWarmup(JavaEngine engine) {
        String mode = System.getenv("JAVADL_DISPLAY_WARMUP");
        if (mode == null || mode.isBlank()) {
            mode = Runtime.getRuntime().availableProcessors() >= 4 ? "start" : "idle";
        }
        switch (mode.strip().toLowerCase()) {
            case "start" -> DisplayWarmup.startInBackground();
            case "off" -> LOG.fine("display warm-up off");
            case "ready" -> engine.whenReady(DisplayWarmup::startInBackground);
            default -> engine.whenReady(() -> whenIdle(engine, DisplayWarmup::startInBackground));
        }
    }

    static final long IDLE_BEFORE_WARMUP_MILLIS = 300;

    /**
     * Runs {@code action} on a daemon thread once no cell has been running for
     * {@link #IDLE_BEFORE_WARMUP_MILLIS}: a cell queued before JShell was ready starts within a
     * millisecond of it, so the first cell of a session goes first.
     */
    private static void whenIdle(JavaEngine engine, Runnable action) {
        Thread t = new Thread(() -> {
            long idleSince = System.nanoTime();
            try {
                while (true) {
                    Thread.sleep(50);
                    if (engine.isRunning()) {
                        idleSince = System.nanoTime();
                    } else if (System.nanoTime() - idleSince >= IDLE_BEFORE_WARMUP_MILLIS * 1_000_000) {
                        break;
                    }
                }
            } catch (InterruptedException e) {
                return;
            }
            action.run();
        }, "javadl-warmup-when-idle");
        t.setDaemon(true);
        t.start();
    }

    private static void shutdown(KernelServer server) {
        Thread t = new Thread(() -> {
            server.close(700);
            // halt, not exit: a cell may still be running, and nothing else needs to run at exit
            Runtime.getRuntime().halt(0);
        }, "javadl-shutdown");
        t.start();
    }

    /** SIGINT (interrupt_mode "signal", or Ctrl-C reaching the process group) stops the cell, not the kernel. */
    private static void installInterruptSignal(JavaEngine engine) {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal("INT"), sig -> engine.interrupt());
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            LOG.fine("no SIGINT handler: " + e);
        }
    }

    private static long outputLimit() {
        String v = System.getenv("JAVADL_OUTPUT_LIMIT");
        if (v != null && !v.isBlank()) {
            try {
                return Long.parseLong(v.strip());
            } catch (NumberFormatException e) {
                LOG.warning("JAVADL_OUTPUT_LIMIT is not a number: " + v);
            }
        }
        return DEFAULT_OUTPUT_LIMIT;
    }

    private static void configureLogging(PrintStream log) {
        Logger root = Logger.getLogger("");
        for (var h : root.getHandlers()) {
            root.removeHandler(h);
        }
        System.setProperty("java.util.logging.SimpleFormatter.format", "[javadl %4$s] %5$s%6$s%n");
        // Not ConsoleHandler: re-pointing it closes the stream it had, which is System.err itself.
        StreamHandler handler = new StreamHandler(log, new SimpleFormatter()) {
            @Override
            public synchronized void publish(LogRecord record) {
                super.publish(record);
                flush();
            }
        };
        root.addHandler(handler);
        String level = System.getenv("JAVADL_LOG");
        Level l = level == null ? Level.INFO : Level.parse(level.toUpperCase());
        root.setLevel(l);
        handler.setLevel(l);
    }
}

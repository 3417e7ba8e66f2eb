package org.javadl.kernel;

import org.javadl.kernel.engine.CellOutcome;
import org.javadl.kernel.engine.JavaEngine;
import org.javadl.kernel.magic.MagicCells;
import org.javadl.kernel.magic.MagicContext;
import org.javadl.kernel.magic.PathPatterns;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;

/**
 * What a session adds to the kernel as it starts and as it goes: {@code JAVADL_CLASSPATH} and
 * {@code %classpath} entries, the start-up script {@code JAVADL_STARTUP} (run before the first cell,
 * its output and any failure shown in that cell), and the environment {@code %env} changes.
 */
final class SessionSetup {
    private static final Logger LOG = Logger.getLogger(SessionSetup.class.getName());

    private final JavaEngine engine;
    private final Map<String, String> startEnvironment;
    private final Map<String, String> environment;
    private final Set<Path> added = new LinkedHashSet<>();
    private boolean started;

    SessionSetup(JavaEngine engine, Map<String, String> environment) {
        this.engine = engine;
        this.startEnvironment = Map.copyOf(environment);
        this.environment = new HashMap<>(environment);
    }

    /** True the first time only: the set-up runs then. */
    boolean firstCell() {
        if (started) {
            return false;
        }
        started = true;
        return true;
    }

    /** JAVADL_CLASSPATH, then JAVADL_STARTUP; problems are said on the first cell's stderr, and the cell runs anyway. */
    void run(MagicContext context) {
        String cp = startEnvironment.get("JAVADL_CLASSPATH");
        if (cp != null && !cp.isBlank()) {
            try {
                addToClassPath(PathPatterns.expand(cp));
            } catch (IllegalArgumentException e) {
                System.err.println("javadl: JAVADL_CLASSPATH: " + e.getMessage() + "; the other entries were not added either.");
            }
        }
        String script = startEnvironment.get("JAVADL_STARTUP");
        if (script != null && !script.isBlank()) {
            runStartup(context, Path.of(script.strip()));
        }
    }

    private void runStartup(MagicContext context, Path file) {
        String code;
        try {
            code = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            System.err.println("javadl: JAVADL_STARTUP: cannot read " + file.toAbsolutePath() + ": " + e);
            return;
        }
        long t0 = System.nanoTime();
        CellOutcome o = MagicCells.run(context, org.javadl.kernel.engine.CellText.normalizeLineEndings(code));
        LOG.fine(() -> "start-up script " + file + " ran in " + (System.nanoTime() - t0) / 1_000_000 + " ms");
        if (o instanceof CellOutcome.Failure f) {
            System.err.println("javadl: the start-up script JAVADL_STARTUP=" + file + " failed; what it defined before the"
                    + " failure stays defined:");
            f.traceback().forEach(System.err::println);
        }
    }

    /** Adds what is new to the engine; returns everything added so far. */
    synchronized List<Path> addToClassPath(List<Path> paths) {
        List<Path> fresh = new ArrayList<>();
        for (Path p : paths) {
            Path abs = p.toAbsolutePath().normalize();
            if (added.add(abs)) {
                fresh.add(abs);
            }
        }
        if (!fresh.isEmpty()) {
            engine.addToClasspath(fresh);
        }
        return List.copyOf(added);
    }

    Map<String, String> environment() {
        return environment;
    }
}

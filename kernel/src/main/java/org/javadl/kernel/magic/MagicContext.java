package org.javadl.kernel.magic;

import com.google.gson.JsonObject;
import org.javadl.kernel.engine.CellOutcome;
import org.javadl.kernel.engine.JavaEngine;

import java.nio.file.Path;
import java.util.List;

/** What a magic may use of the kernel while it runs in a cell. */
public interface MagicContext {

    /** The running cell's execution count. */
    int executionCount();

    /** Runs Java (which may itself contain line magics) as part of this cell. */
    CellOutcome runJava(String code);

    JavaEngine engine();

    Magics magics();

    /** Adds a reply payload: a pager page, {@code set_next_input}. */
    void addPayload(JsonObject payload);

    /**
     * Adds jars or class directories to the session's compile and run class paths, skipping those it
     * has already; returns every entry the session added so far, in order ({@code List.of()} only asks).
     */
    List<Path> addToClassPath(List<Path> paths);

    /** The per-cell time budget (in seconds, 0 = none) and a way to change it. */
    CellTimeout timeout();


    /** The session's Maven dependencies (the resolver is loaded on first use). */
    Dependencies dependencies();

    /** Environment for the processes magics start (%env changes it; the JVM's own cannot change). */
    java.util.Map<String, String> environment();

    /** True once the running cell was interrupted or ran out of time: a magic's own loops stop then. */
    boolean interrupted();

    /** The failure to return after stopping because of {@link #interrupted()}. */
    CellOutcome interruptedOutcome();
}

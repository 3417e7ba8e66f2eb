package org.javadl.kernel.protocol;

import com.google.gson.JsonObject;

import java.util.List;
import java.util.function.Consumer;

/**
 * What the wire needs from a language: run a cell, complete, inspect, say whether code is complete.
 * {@link KernelProtocol} does everything else a Jupyter kernel must (status, execute_input, replies,
 * execution counts, history, the abort queue, comms); an implementation never sees a message.
 *
 * <p>Calls come from the shell thread one at a time, except {@link #interrupt()}, which comes from the
 * control thread (or a signal) while a cell runs.
 */
public interface Language {

    /** The language's part of {@code kernel_info_reply}: language_info, banner, help_links, implementation. */
    JsonObject kernelInfo();

    /**
     * Runs a cell. Output it prints or displays goes out through {@link CellOutput} while it runs; the
     * value shown as {@code execute_result} and pager/next-input payloads come back in the outcome.
     */
    Outcome execute(String code, int executionCount, boolean silent);

    /** One {@code user_expressions} entry: its value as a MIME bundle, or its error. */
    Outcome evaluate(String expression);

    Completion complete(String code, int cursor);

    /** Documentation for the name at {@code cursor}, or {@link Inspection#NOTHING}. */
    Inspection inspect(String code, int cursor, int detailLevel);

    Completeness isComplete(String code);

    /** Stops the running cell, if any (any thread). */
    void interrupt();

    /** True once an interrupt was asked for during the running cell (an input request then gives up). */
    boolean interruptRequested();

    /**
     * A shell request that runs code (a cell, a widget's message) is being handled: an interrupt
     * from now until {@link #requestEnded()} is meant for it, even one that arrives before its code
     * starts (the front end has shown it busy since it sent the request).
     */
    default void requestStarting() {
    }

    default void requestEnded() {
    }

    /**
     * The execution count of the cell whose code the calling thread runs (a thread a cell started
     * counts as that cell's), 0 for the kernel's own threads. Output of a thread an earlier cell left
     * running goes under that cell ({@link OutputRouter}).
     */
    default int writerCell() {
        return 0;
    }

    /** A note to print after the cell's code (e.g. the threads it left running), or null. */
    default String afterCellNote(int executionCount) {
        return null;
    }

    /**
     * The kernel's side of the front end, handed over once when the streams are installed: where the
     * language's displays go, its Output-widget captures, and its comms.
     */
    default void connect(FrontEnd frontEnd) {
    }

    /**
     * What {@link #connect} hands over; each kernel has its own, so two kernels in one JVM stay apart.
     * {@code comms} may be null where there is no wire (a test driving the language directly): no widgets then.
     */
    record FrontEnd(org.javadl.kernel.runtime.DisplaySink displays, OutputCapture captures, Comms comms) {
    }

    /** Where to send notes that arise between cells (an interrupt that stopped background threads). */
    default void onBackgroundNote(Consumer<String> sink) {
    }

    /** Matches replacing {@code code[start, end)}; {@code metadata} may be empty. */
    record Completion(List<String> matches, int start, int end, JsonObject metadata) {
    }

    /** A MIME bundle of documentation ({@code data}), or not found. */
    record Inspection(boolean found, JsonObject data) {
        public static final Inspection NOTHING = new Inspection(false, new JsonObject());
    }

    /** is_complete's answer: "complete", "incomplete" (with an indent), "invalid" or "unknown". */
    record Completeness(String status, String indent) {
    }
}

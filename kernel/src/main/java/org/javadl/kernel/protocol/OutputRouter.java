package org.javadl.kernel.protocol;

import com.google.gson.JsonObject;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntSupplier;

/**
 * Decides which request a piece of output belongs to: the running cell's, or, for a thread an
 * earlier cell started that is still printing, that earlier cell's.
 *
 * <p>Jupyter lets a kernel send output with the header of an earlier request as its parent, and
 * front ends show it under that request's cell: JupyterLab and Notebook 7 keep a cell's output
 * future open until the cell runs again, the classic Notebook keeps its callbacks the same way,
 * and ipykernel routes the output of threads to the cell that started them for this reason. So a
 * background thread's flood stays in its own cell instead of burying the next cell's output.
 */
public final class OutputRouter {
    /** {@link #destination()} for the running cell. */
    public static final int FOREGROUND = -1;
    /** Headers of this many recent cells are kept (a thread of an older cell prints under the last cell). */
    private static final int KEPT_HEADERS = 256;

    private final IntSupplier writerCell;
    private final Map<Integer, JsonObject> headers = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, JsonObject> eldest) {
            return size() > KEPT_HEADERS;
        }
    };
    private volatile boolean busy;
    private volatile int runningCell;
    private volatile JsonObject lastHeader = new JsonObject();

    /** @param writerCell the cell whose code the calling thread runs, 0 if none (a kernel thread) */
    public OutputRouter(IntSupplier writerCell) {
        this.writerCell = writerCell;
    }

    /** A router that sends everything to the running request (for tests and tools without cells). */
    public static OutputRouter foregroundOnly() {
        return new OutputRouter(() -> 0);
    }

    /**
     * A cell starts: {@code cell} is its execution count, {@code header} its request's header. A
     * {@code silent} request's header is not remembered: nothing shows output under it.
     */
    public void cellStarted(int cell, JsonObject header, boolean silent) {
        if (!silent) {
            synchronized (headers) {
                headers.put(cell, header);
            }
            lastHeader = header;
        }
        runningCell = cell;
        busy = true;
    }

    public void cellEnded() {
        busy = false;
    }

    /**
     * Where the calling thread's output goes: {@link #FOREGROUND} while a cell runs (for that cell's
     * own threads and the kernel's); otherwise the number of the cell that started the thread, or 0
     * for output nobody can be named for between cells.
     */
    public int destination() {
        int cell = writerCell.getAsInt();
        if (busy && (cell == 0 || cell == runningCell)) {
            return FOREGROUND;
        }
        return cell;
    }

    /** True if the calling thread works for the running cell (it may then ask for keyboard input). */
    public boolean isForeground() {
        return destination() == FOREGROUND;
    }

    /** The header output of {@code cell} goes under (the last cell's if that one is forgotten). */
    public JsonObject headerOf(int cell) {
        JsonObject h;
        synchronized (headers) {
            h = headers.get(cell);
        }
        return h != null ? h : lastHeader;
    }
}

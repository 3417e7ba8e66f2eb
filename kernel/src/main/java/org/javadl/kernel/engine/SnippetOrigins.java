package org.javadl.kernel.engine;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers where each JShell snippet came from (which cell, which line), so that a stack frame
 * such as {@code (#12:3)} can be shown as "cell [4], line 5" even when the method was defined in
 * an earlier cell.
 */
final class SnippetOrigins {
    /** The "cell" of the snippet that calls a widget's callback ({@link JavaEngine#runCallback}): never shown. */
    static final int CALLBACK = -1;

    /**
     * @param cell execution count of the cell, 0 for the kernel's own start-up snippets, or
     *             {@link #CALLBACK}
     */
    record Origin(int cell, CellText text, int firstLine, int firstColumn) {
        /** Cell line of a 1-based snippet line. */
        int cellLine(int snippetLine) {
            return firstLine + Math.max(snippetLine, 1) - 1;
        }
    }

    private final Map<String, Origin> byId = new ConcurrentHashMap<>();

    void record(String snippetId, Origin origin) {
        byId.put(snippetId, origin);
    }

    Origin find(String snippetId) {
        return byId.get(snippetId);
    }
}

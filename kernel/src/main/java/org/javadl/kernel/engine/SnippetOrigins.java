package org.javadl.kernel.engine;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers where each JShell snippet came from (which cell, which line), so that a stack frame
 * such as {@code (#12:3)} can be shown as "cell [4], line 5" even when the method was defined in
 * an earlier cell.
 */
final class SnippetOrigins {
    /** @param cell execution count of the cell, or 0 for the kernel's own start-up snippets */
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

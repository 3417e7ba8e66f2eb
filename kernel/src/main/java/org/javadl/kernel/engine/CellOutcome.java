package org.javadl.kernel.engine;

import java.util.List;

/** What running a cell produced. */
public sealed interface CellOutcome {

    /**
     * The cell ran to the end.
     *
     * @param hasValue true if the last snippet was an expression (its value may be null)
     * @param value    the real result object of that expression
     */
    record Success(boolean hasValue, Object value) implements CellOutcome {
    }

    /**
     * The cell failed: a compile error, an exception, or an interrupt.
     *
     * @param ename     error name (exception class, {@code CompilationError}, {@code Interrupted})
     * @param evalue    one-line message
     * @param traceback lines to show, already translated to cell lines
     */
    record Failure(String ename, String evalue, List<String> traceback) implements CellOutcome {
    }
}

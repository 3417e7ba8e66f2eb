package org.javadl.kernel.engine;

/**
 * Thrown in place of {@code System.exit}, {@code Runtime.exit} and {@code Runtime.halt} inside a
 * cell: ending the JVM would end the kernel and lose every variable of the session.
 */
public final class CellExitException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CellExitException(String call, int status) {
        super(call + "(" + status + ") was called in a cell. It would end the kernel and lose all state, so "
                + "javadl stopped the cell instead. To restart the kernel, use the front end's "
                + "\"Restart kernel\" command.");
    }
}

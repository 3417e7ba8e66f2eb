package org.javadl.kernel.protocol;

/**
 * Reading {@code System.in} in a cell whose front end does not take input ({@code allow_stdin}
 * false, as with nbconvert). Unchecked on purpose: {@code Scanner} swallows {@code IOException}s
 * and would report a puzzling "No line found" instead of this message.
 */
public final class StdinUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StdinUnavailableException() {
        super("This front end does not accept keyboard input (allow_stdin is false), so System.in "
                + "cannot be read here. Run the cell in JupyterLab, the Notebook or jupyter console, "
                + "or give the data to the cell directly.");
    }

    /** Reading refused for another reason, given by {@code message}. */
    public StdinUnavailableException(String message) {
        super(message);
    }
}

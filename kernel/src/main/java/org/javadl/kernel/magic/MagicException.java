package org.javadl.kernel.magic;

/** A magic was used wrongly (missing or bad arguments): the message says how to use it. */
public final class MagicException extends Exception {
    private static final long serialVersionUID = 1L;

    public MagicException(String message) {
        super(message);
    }
}

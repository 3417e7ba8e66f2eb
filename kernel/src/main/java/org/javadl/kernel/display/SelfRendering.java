package org.javadl.kernel.display;

/**
 * A value that writes its own MIME bundle (a widget: its view reference and a text form), for
 * kernel types whose representation is not a figure, a table or a notation.
 */
public interface SelfRendering {
    /** Puts this value's representations into {@code out}, text/plain among them. */
    void renderTo(Bundle out);
}

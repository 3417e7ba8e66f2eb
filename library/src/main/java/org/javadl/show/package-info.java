/**
 * How library objects describe themselves without knowing anything of Jupyter:
 * {@link org.javadl.show.Showable} offers text, HTML, SVG and LaTeX forms, and the kernel's
 * {@code org.javadl.kernel.display.ShowableRenderer} turns each one present into a MIME type.
 * {@link org.javadl.show.Html} has the escaping and colours those forms share.
 *
 * <p>Every other library package may use this one; it depends on nothing but the JDK, and must never
 * name a Jupyter or kernel type (a plain {@code main} and the library's tests use the same objects).
 */
package org.javadl.show;

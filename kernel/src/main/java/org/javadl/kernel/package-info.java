/**
 * The javadl Jupyter kernel: Java cells run by JShell in this JVM, with the javadl library
 * preloaded, rich displays, magics and widgets.
 *
 * <p>This package only wires the parts together. Entry point {@link org.javadl.kernel.Main}
 * ({@code java -jar javadl-kernel.jar CONNECTION_FILE}) binds the sockets, starts the engine and
 * the display warm-up; {@link org.javadl.kernel.JavaKernel} is the Java {@code Language} the
 * protocol calls: magics or the engine for each cell, the renderers for its value, completion and
 * inspection. {@link org.javadl.kernel.CellWatchdog} (interrupt, time budget),
 * {@link org.javadl.kernel.SessionSetup} ({@code JAVADL_CLASSPATH}, {@code JAVADL_STARTUP}) and
 * {@link org.javadl.kernel.Training} (the session the start-up archive is recorded from) serve it.
 *
 * <p>The sub-packages: {@code protocol} (the wire), {@code engine} (JShell), {@code display} (values to
 * MIME bundles), {@code runtime} (what cells call), {@code magic}, {@code widgets}, {@code maven}.
 * docs/ARCHITECTURE.md follows a cell through them. Nothing below this package may depend on it.
 */
package org.javadl.kernel;

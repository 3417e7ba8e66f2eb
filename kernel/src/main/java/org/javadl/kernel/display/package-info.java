/**
 * Values to MIME bundles: one {@link org.javadl.kernel.display.Renderer} per displayed type, all
 * registered in {@link org.javadl.kernel.display.Renderers#standard()}, which picks the most specific
 * one for a value and never fails (a renderer that throws gives plain text with a note).
 *
 * <p>Entry points: {@link org.javadl.kernel.display.Renderers}, {@link org.javadl.kernel.display.Bundle}
 * (what a renderer writes to; it drops MIME types nobody asked for),
 * {@link org.javadl.kernel.display.MimeTypes}, {@link org.javadl.kernel.display.RenderOptions}; the
 * renderers {@link org.javadl.kernel.display.BasicRenderers} (JDK types, text),
 * {@link org.javadl.kernel.display.ShowableRenderer} (library objects),
 * {@link org.javadl.kernel.display.FigureRenderer} (anything that paints, PNG and SVG),
 * {@link org.javadl.kernel.display.TableRenderer} (Tablesaw), {@link org.javadl.kernel.display.ChartRenderer}
 * (XChart), {@link org.javadl.kernel.display.ImageRenderer}; {@link org.javadl.kernel.display.DisplayWarmup}
 * makes the first plot of a session fast.
 *
 * <p>Must not depend on: the protocol, the engine or any other kernel package. Tablesaw and XChart
 * are registered through {@code registerOptional}, so a missing optional library never breaks start-up.
 */
package org.javadl.kernel.display;

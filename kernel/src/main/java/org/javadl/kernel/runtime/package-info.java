/**
 * What notebook cells call: {@link org.javadl.kernel.runtime.Notebook}, imported statically into
 * every session ({@code display}, {@code updateDisplay}, {@code plot}, {@code table}, {@code latex},
 * {@code progress}, {@code liveCurve}, {@code answer}, {@code check}, …), and the objects those return:
 * {@link org.javadl.kernel.runtime.Plot}, {@link org.javadl.kernel.runtime.Subplots},
 * {@link org.javadl.kernel.runtime.Heatmap}, {@link org.javadl.kernel.runtime.LivePlot},
 * {@link org.javadl.kernel.runtime.Progress}, {@link org.javadl.kernel.runtime.Answer} (with
 * {@link org.javadl.kernel.runtime.AnswerJson}, the JSON form graders read),
 * {@link org.javadl.kernel.runtime.Check}, {@link org.javadl.kernel.runtime.Tables},
 * {@link org.javadl.kernel.runtime.Experiments}.
 *
 * <p>Rich output leaves through a {@link org.javadl.kernel.runtime.DisplaySink} that the protocol
 * installs; without a kernel {@link org.javadl.kernel.runtime.StdoutSink} prints the text form, so
 * this API also works in plain Java. Must not depend on: the protocol's classes (the sink is the
 * only door) or JShell.
 */
package org.javadl.kernel.runtime;

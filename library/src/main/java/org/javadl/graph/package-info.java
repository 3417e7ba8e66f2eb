/**
 * Scalar computational graphs that explain themselves: every arithmetic call on a
 * {@link org.javadl.graph.Value} adds a node, and the {@link org.javadl.graph.Graph} behind an output
 * runs reverse mode and forward mode and shows its work (a trace table, the chain rule with the
 * numbers filled in, an SVG drawing).
 *
 * <p>Entry points: {@link org.javadl.graph.Value} (nodes, {@code backward()}),
 * {@link org.javadl.graph.Graph}, {@link org.javadl.graph.GraphTrace}, {@link org.javadl.graph.Derivation}
 * and {@link org.javadl.graph.ChainRule}, {@link org.javadl.graph.GraphView} (the drawing),
 * {@link org.javadl.graph.GraphGradCheck}; and the small presentation pieces other packages share:
 * {@link org.javadl.graph.TextTable}, {@link org.javadl.graph.Tabular}, {@link org.javadl.graph.Fmt},
 * {@link org.javadl.graph.BoxDiagram}.
 *
 * <p>Scalars only: tensor graphs are {@code org.javadl.autograd.TensorGraph}, which borrows the drawing
 * from here. Must not depend on: Jupyter or the kernel.
 */
package org.javadl.graph;

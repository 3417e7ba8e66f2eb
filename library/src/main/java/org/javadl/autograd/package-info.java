/**
 * Reverse- and forward-mode automatic differentiation on {@link org.javadl.tensor.Tensor}s, in the
 * manner of PyTorch: each op records a {@link org.javadl.autograd.Node} (its {@code grad_fn}) with
 * its vector-Jacobian and Jacobian-vector rules written next to its forward computation.
 *
 * <p>Entry points: {@link org.javadl.autograd.Backward} ({@code loss.backward()}),
 * {@link org.javadl.autograd.ForwardMode} (tangents), {@link org.javadl.autograd.GradMode}
 * ({@code noGrad(...)}), {@link org.javadl.autograd.InPlace} (the one door for optimizers' in-place
 * updates); the op families {@link org.javadl.autograd.Arithmetic},
 * {@link org.javadl.autograd.Pointwise}, {@link org.javadl.autograd.Reductions},
 * {@link org.javadl.autograd.ShapeOps}, {@link org.javadl.autograd.LinearAlgebra},
 * {@link org.javadl.autograd.Softmaxes}, {@link org.javadl.autograd.Losses},
 * {@link org.javadl.autograd.Convolution}, {@link org.javadl.autograd.Pooling},
 * {@link org.javadl.autograd.Dropouts}; {@link org.javadl.autograd.TensorGraph} draws a recorded graph.
 *
 * <p>A new op goes into the family it belongs to, forward, gradient and tangent together, with a
 * finite-difference test. Must not depend on: Jupyter or the kernel.
 */
package org.javadl.autograd;

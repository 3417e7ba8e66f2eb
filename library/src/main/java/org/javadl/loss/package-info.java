/**
 * Losses of single samples as the homework writes them, each with its gradient and, where it helps
 * to show the work, a table of its terms ({@link org.javadl.loss.LossBreakdown}).
 *
 * <p>Entry points: {@link org.javadl.loss.BinaryCrossEntropy}, {@link org.javadl.loss.SoftmaxCrossEntropy},
 * {@link org.javadl.loss.KlDivergence}, {@link org.javadl.loss.MulticlassHinge},
 * {@link org.javadl.loss.MarginLosses} (hinge, logistic, smooth hinge) and
 * {@link org.javadl.loss.SquaredErrors} (the sum, the mean and half the sum, named apart). Batched training
 * losses on tensors are {@code org.javadl.autograd.Losses}.
 *
 * <p>Must not depend on: Jupyter or the kernel.
 */
package org.javadl.loss;

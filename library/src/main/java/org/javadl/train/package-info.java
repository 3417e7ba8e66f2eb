/**
 * The training loop every experiment writes, and what it reports: {@link org.javadl.train.Trainer}
 * (epochs of minibatches: zero the gradients, loss, backward, step; then the schedule and
 * validation), {@link org.javadl.train.EpochStats} and {@link org.javadl.train.History} per run,
 * {@link org.javadl.train.Metrics} and {@link org.javadl.train.ConfusionMatrix} to evaluate a classifier.
 *
 * <p>Progress bars and live curves are the kernel's ({@code org.javadl.kernel.runtime.Experiments}
 * listens to a trainer); this package must not depend on Jupyter or the kernel.
 */
package org.javadl.train;

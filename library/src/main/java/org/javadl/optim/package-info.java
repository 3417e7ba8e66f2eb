/**
 * Optimizers as {@code torch.optim} defines them: {@link org.javadl.optim.SGD} (momentum, Nesterov,
 * weight decay), {@link org.javadl.optim.Adam}, {@link org.javadl.optim.AdamW}, all
 * {@link org.javadl.optim.Optimizer}s, and {@link org.javadl.optim.LrSchedule} for the learning rate
 * per epoch.
 *
 * <p>A step changes parameters in place only through {@code org.javadl.autograd.InPlace}, without
 * recording a graph. Must not depend on: Jupyter or the kernel, nor on {@code org.javadl.nn} (an
 * optimizer sees parameter tensors, not layers).
 */
package org.javadl.optim;

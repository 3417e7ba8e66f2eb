/**
 * Finite-difference gradient checks with central differences: {@link org.javadl.check.GradCheck}
 * compares an analytic gradient (of a function of a double, a {@code double[]} or a tensor) with
 * {@code (f(x + h) - f(x - h)) / 2h}, component by component, and reports the worst error.
 *
 * <p>Must not depend on: Jupyter or the kernel.
 */
package org.javadl.check;

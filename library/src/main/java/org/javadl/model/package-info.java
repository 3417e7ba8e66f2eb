/**
 * The classical models of the homework, small enough to be written out: 1-D linear regression and
 * logistic regression, their losses term by term, gradient descent and the path it takes, and the
 * loss surface and Hessian that explain it.
 *
 * <p>Entry points: {@link org.javadl.model.LinearRegression}, {@link org.javadl.model.LogisticRegression}
 * (both {@link org.javadl.model.Objective}s), {@link org.javadl.model.GradientDescent} with its
 * {@link org.javadl.model.Trajectory}, {@link org.javadl.model.LossTerms}, {@link org.javadl.model.LossSurface},
 * {@link org.javadl.model.Hessian}, and the seeded data of {@link org.javadl.model.Data} and
 * {@link org.javadl.model.LabelledData}.
 *
 * <p>Works on {@code double[]}s, not tensors. Must not depend on: Jupyter or the kernel.
 */
package org.javadl.model;

/**
 * javadl, a small deep-learning library for teaching, written so that a notebook cell reads like
 * the homework it answers.
 *
 * <p>Entry point: {@link org.javadl.DL}, the static facade every notebook imports
 * ({@code import static org.javadl.DL.*}): {@code sigmoid(0.5)}, {@code softmax(v)},
 * {@code convolve(x, w, FULL)}, {@code tensor(...)}, {@code variable("x", 0.5)}. Below it, one package
 * per concept a student would name: {@code tensor}, {@code autograd}, {@code activation}, {@code loss},
 * {@code conv}, {@code graph}, {@code model}, {@code nn}, {@code optim}, {@code train}, {@code data},
 * {@code check}, and {@code show} for how objects describe themselves.
 *
 * <p>Must not depend on: anything but the JDK. In particular no Jupyter type, nothing of the kernel
 * ({@code org.javadl.kernel}), no Tablesaw or XChart: the library is used from plain Java and from its
 * own tests, and the kernel maps its {@link org.javadl.show.Showable} notations to MIME types.
 * {@code jdk.incubator.vector} is optional (see {@code org.javadl.tensor.MatMul}).
 */
package org.javadl;

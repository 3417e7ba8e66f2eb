/**
 * The activation functions of the course, each a scalar function with its derivative, applied
 * element-wise to tensors.
 *
 * <p>Entry points: {@link org.javadl.activation.Activations} (the fixed ones: sigmoid, tanh, ReLU, …,
 * and {@code all()} for homework 003's plot), {@link org.javadl.activation.Activation} (the interface),
 * the parametrised {@link org.javadl.activation.LeakyRelu} and {@link org.javadl.activation.Plu},
 * {@link org.javadl.activation.Softmax} (stable softmax, log-softmax, log-sum-exp on vectors and rows),
 * and {@link org.javadl.activation.Erf}, which the JDK lacks.
 *
 * <p>Must not depend on: Jupyter or the kernel.
 */
package org.javadl.activation;

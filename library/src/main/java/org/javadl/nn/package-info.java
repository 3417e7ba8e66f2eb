/**
 * Neural-network layers with PyTorch's names, shapes and initialisation ({@code nn.Linear},
 * {@code nn.Conv2d}, {@code nn.Sequential}, …) on autograd tensors, plus the hand-sized networks of
 * the homework whose every intermediate can be traced.
 *
 * <p>Entry points: {@link org.javadl.nn.Layer} (PyTorch's {@code nn.Module}), {@link org.javadl.nn.Sequential},
 * {@link org.javadl.nn.Linear}, {@link org.javadl.nn.Conv2d}, {@link org.javadl.nn.MaxPool2d},
 * {@link org.javadl.nn.BatchNorm1d}, {@link org.javadl.nn.Dropout}, {@link org.javadl.nn.Flatten}, the
 * activation layers, {@link org.javadl.nn.Init} and {@link org.javadl.nn.ModelSummary}; for the homework,
 * {@link org.javadl.nn.TwoLayerNet}, {@link org.javadl.nn.ThreeLayerNet} (with {@link org.javadl.nn.NetPass})
 * and the matrix step of {@link org.javadl.nn.MatrixBackprop} and {@link org.javadl.nn.MatrixStep}.
 *
 * <p>Must not depend on: Jupyter or the kernel, nor on {@code org.javadl.train} (training loops use
 * layers, not the other way round).
 */
package org.javadl.nn;

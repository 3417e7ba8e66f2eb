/**
 * Convolution and pooling as the homework asks about them, with numpy's conventions:
 * {@code convolve} flips the kernel, {@code correlate} does not, {@code SAME} is centred as
 * {@code numpy.convolve} centres it, and the output size is {@code floor((n + 2p - d(k-1) - 1)/s) + 1}.
 *
 * <p>Entry points: {@link org.javadl.conv.Conv1d} and {@link org.javadl.conv.Conv2d} (the functional
 * forms, with {@link org.javadl.conv.Mode} FULL / VALID / SAME), {@link org.javadl.conv.ConvolutionSteps}
 * (each output's sum of products), {@link org.javadl.conv.ConvGradients},
 * {@link org.javadl.conv.LayerStack} and {@link org.javadl.conv.ConvShapes} (shapes, parameters and
 * receptive fields of a stack of layers), {@link org.javadl.conv.MaxPool2d}, and
 * {@link org.javadl.conv.Im2col}, the patch matrix the differentiable convolution multiplies. The
 * layers a network is built from ({@code nn.Conv2d}, {@code nn.MaxPool2d}) are in {@code org.javadl.nn}.
 *
 * <p>Must not depend on: Jupyter or the kernel.
 */
package org.javadl.conv;

/**
 * Dense tensors of doubles with numpy's conventions: shapes, broadcasting, indexing, and the
 * matrix product.
 *
 * <p>Entry points: {@link org.javadl.tensor.Tensor} (immutable to its users; element-wise ops
 * broadcast, a shape mismatch names both shapes), {@link org.javadl.tensor.Shapes} for shape
 * arithmetic, {@link org.javadl.tensor.MatMul} for the GEMM behind {@code matmul} and the im2col
 * convolution, with {@link org.javadl.tensor.VectorGemm} as its vectorised kernel when the JVM has
 * {@code jdk.incubator.vector}.
 *
 * <p>The differentiable operations a {@code Tensor} offers are implemented in
 * {@code org.javadl.autograd}, which alone may reach a tensor's storage (through its
 * {@code TensorAccess}). Must not depend on: Jupyter or the kernel; {@code VectorGemm} must not be
 * touched unless the incubator module is in the boot layer (Java 17 without the flag must work).
 */
package org.javadl.tensor;

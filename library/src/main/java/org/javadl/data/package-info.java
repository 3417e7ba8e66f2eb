/**
 * Data sets that need no network: two real ones bundled with the library (the UCI
 * digits and Fisher's iris; {@code org/javadl/data/SOURCES.md} has their sources and licence), seeded synthetic ones, and
 * minibatches of them.
 *
 * <p>Entry points: {@link org.javadl.data.Datasets}, {@link org.javadl.data.Dataset} (features and
 * targets, seeded train/test splits), {@link org.javadl.data.DataLoader} (PyTorch's),
 * {@link org.javadl.data.ImageGrid} (small images drawn as SVG).
 *
 * <p>Must not depend on: Jupyter or the kernel, nor on the network or files outside the jar.
 */
package org.javadl.data;

/**
 * {@code %maven}'s side of a session: {@link org.javadl.kernel.maven.MavenDependencies} resolves
 * artifacts (Maven Central first, then {@code %mavenRepo} repositories) and hands the jars to the class
 * path, leaving out what the kernel jar already holds ({@link org.javadl.kernel.maven.KernelArtifacts});
 * {@link org.javadl.kernel.maven.ResolverLoader} loads Maven Resolver, nested in the kernel jar, in a
 * class loader of its own on the first {@code %maven}.
 *
 * <p>Must not depend on: Maven Resolver's types at compile time (they live in the
 * {@code maven-resolver} module and are reached by reflection, so a session without {@code %maven}
 * never loads them), nor on the engine or the protocol.
 */
package org.javadl.kernel.maven;

/**
 * The kernel's patches to JShell ({@code jdk.jshell}) and javac ({@code jdk.compiler}) internals,
 * which keep a session of thousands of cells as fast and as small as a new one.
 *
 * <p>{@link org.javadl.kernel.engine.internals.JdkPatches#install JdkPatches.install} is the one
 * entry point: it applies the patches in the order of {@code JdkPatches.Patch} (each names the
 * patches it needs before it), logs one line with the state of each ({@link
 * org.javadl.kernel.engine.internals.PatchStates}), opens their per-cell scope
 * ({@code JdkPatches.cell()}, see {@code CellScope}), compiles through the safety net
 * ({@code CompileSafetyNet}) and runs their housekeeping after each cell
 * ({@code JdkPatches.cellEnded}).
 *
 * <p>Every reflective step goes through {@code Reflect}; every patch is optional and turns itself
 * off, with a log line, when a JDK refuses it or is not what it expects, and the kernel then works
 * as plain JShell, only slower as a session grows. Each class comment names the JDK members it
 * touches and the JDK versions that was checked on. They need the packages the kernel jar's
 * manifest opens ({@code Add-Opens}), and on JDK 26+ {@code --enable-final-field-mutation} for the
 * two final fields replaced ({@code Reflect.replaceFinal}).
 *
 * <p>State: each installed patch set owns its patches' state; what javac reaches without a
 * reference to it (its ServiceLoader-made plugin, its calls into the replaced tables) finds the
 * running cell through {@code CellScope}'s one thread-local. The counters read by tests
 * ({@code CompileSafetyNet.retries()}, {@code ReplImportTrimmer.removedSoFar()}, ...) are JVM-wide.
 */
package org.javadl.kernel.engine.internals;

package org.javadl.kernel.engine.classpath;

import java.nio.file.Path;
import java.util.List;

/** One element of the compile class path: a jar or a directory of class files. */
sealed interface ClassPathEntry extends AutoCloseable permits JarEntries, ClassDirectory {
    Path path();

    /** The class files directly in package {@code pkg} (dotted), or in it and its subpackages. */
    List<ClassPathFile> list(String pkg, boolean recurse);

    /** The class file for a binary name such as {@code a.b.Outer$Inner}, or null. */
    ClassPathFile find(String binaryName);

    @Override
    void close();
}

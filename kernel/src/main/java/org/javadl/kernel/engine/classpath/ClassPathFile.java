package org.javadl.kernel.engine.classpath;

import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.tools.JavaFileObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.Writer;
import java.net.URI;

/**
 * One class file on the compile class path, in a jar or a directory, as javac reads it: bytes on
 * demand, and the names javac's own file objects would give it (so messages look the same).
 */
final class ClassPathFile implements JavaFileObject {
    /** Opens the class file's bytes. */
    @FunctionalInterface
    interface Opener {
        InputStream open() throws IOException;
    }

    private final String binaryName;
    private final String simpleName;
    private final URI uri;
    private final String displayName;
    private final java.util.function.LongSupplier lastModified;
    private final Opener opener;

    /** {@code lastModified} is asked only when javac compares a class file with a source file. */
    ClassPathFile(String binaryName, URI uri, String displayName, java.util.function.LongSupplier lastModified,
                  Opener opener) {
        this.binaryName = binaryName;
        this.simpleName = binaryName.substring(binaryName.lastIndexOf('.') + 1);
        this.uri = uri;
        this.displayName = displayName;
        this.lastModified = lastModified;
        this.opener = opener;
    }

    /** {@code a.b.Outer$Inner}: the answer to javac's {@code inferBinaryName}. */
    String binaryName() {
        return binaryName;
    }

    @Override
    public Kind getKind() {
        return Kind.CLASS;
    }

    @Override
    public boolean isNameCompatible(String simpleName, Kind kind) {
        return kind == Kind.CLASS && this.simpleName.equals(simpleName);
    }

    @Override
    public NestingKind getNestingKind() {
        return null; // unknown until the class file is read, as for javac's own objects
    }

    @Override
    public Modifier getAccessLevel() {
        return null;
    }

    @Override
    public URI toUri() {
        return uri;
    }

    @Override
    public String getName() {
        return displayName;
    }

    @Override
    public InputStream openInputStream() throws IOException {
        return opener.open();
    }

    @Override
    public OutputStream openOutputStream() {
        throw new UnsupportedOperationException("class files on the class path are read-only");
    }

    @Override
    public Reader openReader(boolean ignoreEncodingErrors) {
        throw new UnsupportedOperationException("a class file has no characters");
    }

    @Override
    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
        throw new UnsupportedOperationException("a class file has no characters");
    }

    @Override
    public Writer openWriter() {
        throw new UnsupportedOperationException("class files on the class path are read-only");
    }

    @Override
    public long getLastModified() {
        return lastModified.getAsLong();
    }

    @Override
    public boolean delete() {
        return false;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ClassPathFile other && other.uri.equals(uri);
    }

    @Override
    public int hashCode() {
        return uri.hashCode();
    }

    @Override
    public String toString() {
        return displayName;
    }
}

package org.javadl.kernel.engine.classpath;

import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * JShell's javac file manager with the class path answered from {@link CompileClassPath} instead
 * of javac's own jar handling; everything else (the JDK's modules, output, sources) goes to
 * javac's standard file manager unchanged.
 *
 * <p>Installed with {@code JShell.Builder.fileManager}. The class path comes from the constructor
 * or from a {@code -classpath} option (which is how {@code JShell.addToClasspath} changes it), and
 * javac's standard manager is given an empty class path so it never opens the jars itself.
 */
public final class IndexedFileManager extends ForwardingJavaFileManager<StandardJavaFileManager>
        implements StandardJavaFileManager {
    private static final Set<String> CLASS_PATH_OPTIONS = Set.of("-classpath", "-cp", "--class-path");

    private volatile CompileClassPath classPath;
    private final ClassLoader compilerPlugins;

    public IndexedFileManager(StandardJavaFileManager standard, String classPath) {
        this(standard, classPath, null);
    }

    /**
     * {@code compilerPlugins}, if not null, is the class loader javac searches for plugins (through
     * the annotation processor path: JShell's own file manager passes only that route on); javac
     * starts those that ask to be started automatically.
     */
    public IndexedFileManager(StandardJavaFileManager standard, String classPath, ClassLoader compilerPlugins) {
        super(standard);
        this.compilerPlugins = compilerPlugins;
        this.classPath = CompileClassPath.parse(classPath);
        this.classPath.openInBackground();
        try {
            standard.setLocationFromPaths(StandardLocation.CLASS_PATH, List.of());
        } catch (IOException e) {
            throw new IllegalStateException("cannot clear javac's class path", e);
        }
    }

    private void replaceClassPath(CompileClassPath next) {
        CompileClassPath old = classPath;
        next.takeOver(old);
        classPath = next;
        old.close();
    }

    // --- the class path --------------------------------------------------------------------------

    @Override
    public Iterable<JavaFileObject> list(Location location, String packageName, Set<JavaFileObject.Kind> kinds,
                                         boolean recurse) throws IOException {
        if (location != StandardLocation.CLASS_PATH) {
            return super.list(location, packageName, kinds, recurse);
        }
        if (!kinds.contains(JavaFileObject.Kind.CLASS)) {
            return List.of();
        }
        return new ArrayList<>(classPath.list(packageName, recurse));
    }

    @Override
    public String inferBinaryName(Location location, JavaFileObject file) {
        if (file instanceof ClassPathFile f) {
            return f.binaryName();
        }
        return super.inferBinaryName(location, file);
    }

    @Override
    public JavaFileObject getJavaFileForInput(Location location, String className, JavaFileObject.Kind kind)
            throws IOException {
        if (location == StandardLocation.CLASS_PATH) {
            return kind == JavaFileObject.Kind.CLASS ? classPath.find(className) : null;
        }
        return super.getJavaFileForInput(location, className, kind);
    }

    @Override
    public boolean hasLocation(Location location) {
        return location == StandardLocation.CLASS_PATH
                || (location == StandardLocation.ANNOTATION_PROCESSOR_PATH && compilerPlugins != null)
                || super.hasLocation(location);
    }

    @Override
    public ClassLoader getClassLoader(Location location) {
        if (location == StandardLocation.ANNOTATION_PROCESSOR_PATH && compilerPlugins != null) {
            return compilerPlugins;
        }
        return super.getClassLoader(location);
    }

    @Override
    public boolean contains(Location location, FileObject fo) throws IOException {
        if (fo instanceof ClassPathFile) {
            return location == StandardLocation.CLASS_PATH;
        }
        return super.contains(location, fo);
    }

    @Override
    public boolean isSameFile(FileObject a, FileObject b) {
        if (a instanceof ClassPathFile || b instanceof ClassPathFile) {
            return a.equals(b);
        }
        return super.isSameFile(a, b);
    }

    @Override
    public boolean handleOption(String current, Iterator<String> remaining) {
        if (CLASS_PATH_OPTIONS.contains(current)) {
            if (!remaining.hasNext()) {
                throw new IllegalArgumentException(current + " needs a class path");
            }
            replaceClassPath(CompileClassPath.parse(remaining.next()));
            return true;
        }
        return super.handleOption(current, remaining);
    }

    @Override
    public void setLocation(Location location, Iterable<? extends File> files) throws IOException {
        if (location == StandardLocation.CLASS_PATH) {
            List<Path> paths = new ArrayList<>();
            if (files != null) {
                files.forEach(f -> paths.add(f.toPath()));
            }
            replaceClassPath(new CompileClassPath(paths));
            return;
        }
        fileManager.setLocation(location, files);
    }

    @Override
    public void setLocationFromPaths(Location location, Collection<? extends Path> paths) throws IOException {
        if (location == StandardLocation.CLASS_PATH) {
            replaceClassPath(new CompileClassPath(paths == null ? List.of() : new ArrayList<>(paths)));
            return;
        }
        fileManager.setLocationFromPaths(location, paths);
    }

    @Override
    public Iterable<? extends File> getLocation(Location location) {
        if (location == StandardLocation.CLASS_PATH) {
            return classPath.declared().stream().map(Path::toFile).toList();
        }
        return fileManager.getLocation(location);
    }

    @Override
    public Iterable<? extends Path> getLocationAsPaths(Location location) {
        if (location == StandardLocation.CLASS_PATH) {
            return classPath.declared();
        }
        return fileManager.getLocationAsPaths(location);
    }

    @Override
    public void close() throws IOException {
        classPath.close();
        super.close();
    }

    // --- the rest of StandardJavaFileManager, passed through --------------------------------------

    @Override
    public Iterable<? extends JavaFileObject> getJavaFileObjectsFromFiles(Iterable<? extends File> files) {
        return fileManager.getJavaFileObjectsFromFiles(files);
    }

    @Override
    public Iterable<? extends JavaFileObject> getJavaFileObjectsFromPaths(Collection<? extends Path> paths) {
        return fileManager.getJavaFileObjectsFromPaths(paths);
    }

    @Override
    @SuppressWarnings("deprecation")
    public Iterable<? extends JavaFileObject> getJavaFileObjectsFromPaths(Iterable<? extends Path> paths) {
        return fileManager.getJavaFileObjectsFromPaths(paths);
    }

    @Override
    public Iterable<? extends JavaFileObject> getJavaFileObjects(File... files) {
        return fileManager.getJavaFileObjects(files);
    }

    @Override
    public Iterable<? extends JavaFileObject> getJavaFileObjects(Path... paths) {
        return fileManager.getJavaFileObjects(paths);
    }

    @Override
    public Iterable<? extends JavaFileObject> getJavaFileObjectsFromStrings(Iterable<String> names) {
        return fileManager.getJavaFileObjectsFromStrings(names);
    }

    @Override
    public Iterable<? extends JavaFileObject> getJavaFileObjects(String... names) {
        return fileManager.getJavaFileObjects(names);
    }

    @Override
    public void setLocationForModule(Location location, String moduleName, Collection<? extends Path> paths)
            throws IOException {
        fileManager.setLocationForModule(location, moduleName, paths);
    }

    @Override
    public Path asPath(FileObject file) {
        return fileManager.asPath(file);
    }

    @Override
    public void setPathFactory(PathFactory f) {
        fileManager.setPathFactory(f);
    }
}

package org.javadl.kernel.engine.internals;

import com.sun.source.util.JavacTask;
import com.sun.source.util.Plugin;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Puts a {@link ReplImportTrimmer} into every javac task JShell runs. javac starts plugins whose
 * {@link #autoStart} is true from the class loader the file manager gives for the annotation
 * processor path ({@link #loader}); JShell has no other way to reach its compilations.
 *
 * <p>JDK members it touches (checked on JDK 17.0.15 and 25.0.3): none beyond javac's public plugin API ({@code com.sun.source.util.Plugin}); it relies on javac looking plugins up in the loader the file manager gives for {@code ANNOTATION_PROCESSOR_PATH}.
 */
public final class ReplImportPlugin implements Plugin {
    private static final AtomicLong TASKS = new AtomicLong();

    /** javac tasks started so far with this plugin, in this JVM (for benchmarks and tests). */
    public static long tasksSoFar() {
        return TASKS.get();
    }

    @Override
    public String getName() {
        return "javadl-repl-imports";
    }

    @Override
    public boolean autoStart() {
        return true;
    }

    @Override
    public void init(JavacTask task, String... args) {
        TASKS.incrementAndGet();
        CellScope.compilationStarted();
        ReplClassTable.attach(task);
        if (ReplImportTrimmer.available()) {
            task.addTaskListener(new ReplImportTrimmer(task));
        }
    }

    /**
     * The class loader javac looks up plugins in (through {@code ServiceLoader}): it offers this
     * plugin and nothing else. Its provider list is served from memory, not from a
     * {@code META-INF/services} entry: such an entry would start the plugin in every javac that has
     * the kernel on its class path, the kernel's own build included, and reading it from the jar
     * costs time on the first cell.
     */
    public static ClassLoader loader() {
        return PluginLoader.INSTANCE;
    }

    private static final class PluginLoader extends ClassLoader {
        static final PluginLoader INSTANCE = new PluginLoader();
        private static final String SERVICES = "META-INF/services/" + Plugin.class.getName();
        private static final byte[] PROVIDERS = (ReplImportPlugin.class.getName() + "\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);

        private PluginLoader() {
            super("javadl-javac-plugins", ReplImportPlugin.class.getClassLoader());
        }

        @Override
        public java.util.Enumeration<java.net.URL> getResources(String name) throws java.io.IOException {
            if (!SERVICES.equals(name)) {
                return java.util.Collections.emptyEnumeration();
            }
            java.net.URL list = new java.net.URL(null, "javadl-plugins:" + SERVICES, new java.net.URLStreamHandler() {
                @Override
                protected java.net.URLConnection openConnection(java.net.URL u) {
                    return new java.net.URLConnection(u) {
                        @Override
                        public void connect() {
                        }

                        @Override
                        public java.io.InputStream getInputStream() {
                            return new java.io.ByteArrayInputStream(PROVIDERS);
                        }
                    };
                }
            });
            return java.util.Collections.enumeration(java.util.List.of(list));
        }
    }
}

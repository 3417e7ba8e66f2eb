package org.javadl.kernel.engine.javac;

import com.sun.source.util.JavacTask;
import com.sun.source.util.Plugin;

/**
 * Puts a {@link ReplImportTrimmer} into every javac task JShell runs. javac starts plugins whose
 * {@link #autoStart} is true from the class loader the file manager gives for the annotation
 * processor path ({@link #loader}); JShell has no other way to reach its compilations.
 */
public final class ReplImportPlugin implements Plugin {
    private static final java.util.concurrent.atomic.AtomicLong TASKS = new java.util.concurrent.atomic.AtomicLong();

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
        ReplClassListing.compilationStarted();
        if (ReplImportTrimmer.available()) {
            task.addTaskListener(new ReplImportTrimmer());
        }
    }

    /**
     * The class loader for javac's plugin lookup: it finds this plugin and nothing else, and
     * is not {@link java.io.Closeable}, so javac neither scans the class path for providers on
     * every compilation nor closes it afterwards. The provider list is the resource
     * {@code plugins.services} next to this class, not a {@code META-INF/services} entry: that
     * would start the plugin in every javac that has the kernel on its class path, the kernel's
     * own build included.
     */
    public static ClassLoader loader() {
        return PluginLoader.INSTANCE;
    }

    private static final class PluginLoader extends ClassLoader {
        static final PluginLoader INSTANCE = new PluginLoader();
        private static final String SERVICES = "META-INF/services/" + Plugin.class.getName();

        private PluginLoader() {
            super("javadl-javac-plugins", ReplImportPlugin.class.getClassLoader());
        }

        @Override
        public java.util.Enumeration<java.net.URL> getResources(String name) throws java.io.IOException {
            if (!SERVICES.equals(name)) {
                return java.util.Collections.emptyEnumeration();
            }
            java.net.URL own = ReplImportPlugin.class.getResource("plugins.services");
            return own == null ? java.util.Collections.emptyEnumeration()
                    : java.util.Collections.enumeration(java.util.List.of(own));
        }
    }
}

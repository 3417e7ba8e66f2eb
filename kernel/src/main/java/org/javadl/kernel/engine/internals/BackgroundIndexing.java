package org.javadl.kernel.engine.internals;

import jdk.jshell.SourceCodeAnalysis;

import java.lang.reflect.Method;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Holds back JShell's background indexing of the JDK and the class path until the kernel has a
 * moment to spare.
 *
 * <p>Why: creating JShell's {@link SourceCodeAnalysis} starts a thread that walks every class of
 * the JDK's module image and of the kernel's jar (~350 ms of CPU) to build the list of packages
 * that completion offers after {@code java.ut}. On a two-core machine that walk ran during the
 * imports and the first cells and slowed them; it is only needed when somebody completes a package
 * name. JShell pauses it itself while it answers a completion request; this class uses the same
 * switch ({@code SourceCodeAnalysisImpl.suspendIndexing}, reached by reflection through the
 * jar's {@code Add-Opens: jdk.jshell/jdk.jshell}) to keep it paused from the start until
 * {@link #resume()}. Without access it does nothing and indexing runs as JShell would run it.
 *
 * <p>JDK members it touches (checked on JDK 17.0.15 and 25.0.3): {@code jdk.jshell.SourceCodeAnalysisImpl.suspendIndexing()}, {@code resumeIndexing()} and {@code waitBackgroundTaskFinished()} (public methods of a class in an unexported package).
 */
public final class BackgroundIndexing {
    private static final Logger LOG = Logger.getLogger(BackgroundIndexing.class.getName());

    private final SourceCodeAnalysis analysis;
    private final Method resume;
    private boolean paused;
    private boolean awaited;

    private BackgroundIndexing(SourceCodeAnalysis analysis, Method resume, boolean paused) {
        this.analysis = analysis;
        this.resume = resume;
        this.paused = paused;
    }

    /** Pauses indexing for {@code analysis} (as early as possible: right after it is created). */
    public static BackgroundIndexing pause(SourceCodeAnalysis analysis) {
        try {
            Method suspend = Reflect.publicMethod(analysis.getClass(), "suspendIndexing");
            Method resume = Reflect.publicMethod(analysis.getClass(), "resumeIndexing");
            suspend.invoke(analysis);
            return new BackgroundIndexing(analysis, resume, true);
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.log(Level.FINE, "cannot pause JShell's indexing; it runs during start-up", e);
            return new BackgroundIndexing(analysis, null, false);
        }
    }

    /** Lets indexing run; later calls do nothing. */
    public synchronized void resume() {
        if (!paused) {
            return;
        }
        paused = false;
        try {
            resume.invoke(analysis);
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.log(Level.WARNING, "could not resume JShell's indexing: package completion may be incomplete", e);
        }
    }

    public synchronized boolean paused() {
        return paused;
    }

    /**
     * Resumes indexing and, the first time only, waits up to {@code timeoutMillis} for it to
     * finish: the first completion request of a session may ask for a package name, and the
     * answer should not depend on whether the kernel happened to be idle long enough before.
     */
    public void resumeAndAwaitOnce(long timeoutMillis) {
        synchronized (this) {
            resume();
            if (awaited) {
                return;
            }
            awaited = true;
        }
        Thread waiter = new Thread(() -> {
            try {
                Method wait = Reflect.publicMethod(analysis.getClass(), "waitBackgroundTaskFinished");
                wait.invoke(analysis);
            } catch (ReflectiveOperationException | RuntimeException e) {
                LOG.log(Level.FINE, "cannot wait for JShell's indexing", e);
            }
        }, "javadl-index-wait");
        waiter.setDaemon(true);
        waiter.start();
        try {
            waiter.join(timeoutMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

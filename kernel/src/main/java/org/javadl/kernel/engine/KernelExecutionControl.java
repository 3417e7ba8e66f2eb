package org.javadl.kernel.engine;

import jdk.jshell.execution.LocalExecutionControl;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.stream.Stream;

/**
 * JShell's in-process execution, plus what the kernel needs: the real result object of each
 * snippet ({@link SnippetRun}, kept by the snippet's wrapper class until the engine takes it), exit calls turned into exceptions ({@link ExitGuard}), and threads
 * the cell starts known and stoppable ({@link CellThreads}: each snippet runs through
 * {@link CellThreads#runSnippet()}, each class gets the stop checks of {@link StopCheckWeaver}).
 *
 * <p>Extending {@link LocalExecutionControl} (rather than writing our own executor) keeps its
 * {@code stop()}, which really stops a busy loop on JDK 17 and on JDK 21+. Cancelling a Future
 * instead would leave the loop spinning.
 */
final class KernelExecutionControl extends LocalExecutionControl {
    private static final Method INVOKER = invoker();
    /** The runs since {@link #forgetRuns()}, by the binary name of the wrapper class invoked. */
    private final Map<String, SnippetRun> runs = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile SnippetRun lastRun;
    private volatile boolean stopping;

    @Override
    public void load(ClassBytecodes[] cbcs) throws ClassInstallException, NotImplementedException, EngineTerminationException {
        super.load(guard(cbcs));
    }

    @Override
    public void redefine(ClassBytecodes[] cbcs) throws ClassInstallException, NotImplementedException, EngineTerminationException {
        super.redefine(guard(cbcs));
    }

    private static ClassBytecodes[] guard(ClassBytecodes[] cbcs) {
        return Stream.of(cbcs)
                .map(c -> new ClassBytecodes(c.name(), StopCheckWeaver.weave(ExitGuard.rewrite(c.bytecodes()), CellThreads.runningCell())))
                .toArray(ClassBytecodes[]::new);
    }

    @Override
    protected String invoke(Method doitMethod) throws Exception {
        SnippetRun run = new SnippetRun(doitMethod, () -> stopping);
        runs.put(doitMethod.getDeclaringClass().getName(), run);
        lastRun = run;
        try (AutoCloseable handedOver = run.handOver()) {
            return super.invoke(INVOKER);
        }
    }

    /**
     * The run of the snippet whose wrapper class is {@code wrapperClass} ({@code REPL.$JShell$12})
     * since {@link #forgetRuns()}, or null if it did not run; with a null name (JShell's names out of
     * reach), the last run.
     */
    SnippetRun run(String wrapperClass) {
        return wrapperClass == null ? lastRun : runs.get(wrapperClass);
    }

    /** Forgets the runs so far, before the engine evaluates a snippet and after a cell. */
    void forgetRuns() {
        runs.values().forEach(SnippetRun::forget);
        runs.clear();
        lastRun = null;
    }

    /** The kernel is about to stop the running cell: a ThreadDeath is then JShell's, not the cell's. */
    void stopping(boolean on) {
        stopping = on;
    }

    private static Method invoker() {
        try {
            return CellThreads.class.getMethod("runSnippet");
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Plugs the control into {@code JShell.builder().executionEngine(...)}. */
    static final class Provider implements ExecutionControlProvider {
        private volatile KernelExecutionControl generated;

        /** The control JShell asked for (null before its first evaluation). */
        KernelExecutionControl control() {
            return generated;
        }

        @Override
        public String name() {
            return "javadl";
        }

        @Override
        public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
            KernelExecutionControl control = new KernelExecutionControl();
            generated = control;
            return control;
        }
    }
}

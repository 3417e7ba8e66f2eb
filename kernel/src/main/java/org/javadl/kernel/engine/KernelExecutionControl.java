package org.javadl.kernel.engine;

import jdk.jshell.execution.LocalExecutionControl;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.stream.Stream;

/**
 * JShell's in-process execution, plus what the kernel needs: the real result object
 * ({@link ResultCapture}), exit calls turned into exceptions ({@link ExitGuard}), and threads
 * the cell starts known and stoppable ({@link CellThreads}: each snippet runs through
 * {@link CellThreads#runSnippet()}, each class gets the stop checks of {@link StopCheckWeaver}).
 *
 * <p>Extending {@link LocalExecutionControl} (rather than writing our own executor) keeps its
 * {@code stop()}, which really stops a busy loop on JDK 17 and on JDK 21+. Cancelling a Future
 * instead would leave the loop spinning.
 */
final class KernelExecutionControl extends LocalExecutionControl {
    private static final Method INVOKER = invoker();

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
        ResultCapture.prepare(doitMethod);
        CellThreads.invokedBy(Thread.currentThread());
        return super.invoke(INVOKER);
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
        @Override
        public String name() {
            return "javadl";
        }

        @Override
        public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
            return new KernelExecutionControl();
        }
    }
}

package org.javadl.kernel.engine;

import jdk.jshell.execution.LocalExecutionControl;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.stream.Stream;

/**
 * JShell's in-process execution, plus two things the kernel needs: the real result object
 * ({@link ResultCapture}) and exit calls turned into exceptions ({@link ExitGuard}).
 *
 * <p>Extending {@link LocalExecutionControl} (rather than writing our own executor) keeps its
 * {@code stop()}, which really stops a busy loop on JDK 17 and on JDK 21+. Cancelling a Future
 * instead would leave the loop spinning.
 */
final class KernelExecutionControl extends LocalExecutionControl {
    private static final Method INVOKER = ResultCapture.invoker();

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
                .map(c -> new ClassBytecodes(c.name(), ExitGuard.rewrite(c.bytecodes())))
                .toArray(ClassBytecodes[]::new);
    }

    @Override
    protected String invoke(Method doitMethod) throws Exception {
        ResultCapture.prepare(doitMethod);
        return super.invoke(INVOKER);
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

package org.javadl.kernel.engine;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** One engine for a test class, with numbered cells and assertions on their outcome. */
public final class EngineSession implements AutoCloseable {
    private final JavaEngine engine = JavaEngine.standard();
    private int cell;

    public EngineSession() {
        engine.awaitReady();
    }

    public JavaEngine engine() {
        return engine;
    }

    public CellOutcome run(String code) {
        return engine.execute(code, ++cell);
    }

    /** Runs a cell that must succeed. */
    public CellOutcome.Success ok(String code) {
        CellOutcome o = run(code);
        return assertInstanceOf(CellOutcome.Success.class, o, () -> "cell failed: " + code + "\n" + o);
    }

    /** Runs a cell that must fail. */
    public CellOutcome.Failure failure(String code) {
        CellOutcome o = run(code);
        return assertInstanceOf(CellOutcome.Failure.class, o, () -> "cell should have failed: " + code);
    }

    @Override
    public void close() {
        engine.close();
    }
}

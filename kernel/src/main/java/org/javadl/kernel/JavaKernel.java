package org.javadl.kernel;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.javadl.kernel.display.Renderers;
import org.javadl.kernel.engine.CellOutcome;
import org.javadl.kernel.engine.CellText;
import org.javadl.kernel.engine.CodeAssist;
import org.javadl.kernel.engine.CellThreads;
import org.javadl.kernel.engine.JavaEngine;
import org.javadl.kernel.magic.CellTimeout;
import org.javadl.kernel.magic.Dependencies;
import org.javadl.kernel.maven.MavenDependencies;
import org.javadl.kernel.magic.MagicAssist;
import org.javadl.kernel.magic.MagicCells;
import org.javadl.kernel.magic.MagicContext;
import org.javadl.kernel.magic.Magics;
import org.javadl.kernel.magic.Pager;
import org.javadl.kernel.protocol.Language;
import org.javadl.kernel.protocol.MimeBundle;
import org.javadl.kernel.protocol.Outcome;
import org.javadl.kernel.runtime.Session;
import org.javadl.kernel.widgets.CallbackRunner;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Java as a Jupyter language: cells run on the {@link JavaEngine} (JShell), with magics
 * ({@link MagicCells}) in between; values are rendered by {@link Renderers}; completion and
 * inspection come from JShell and the magics. The wire is {@link org.javadl.kernel.protocol.KernelProtocol}'s.
 *
 * <p>The kernel's {@link Session} (its display sink, renderers, widgets) is made here and bound to the
 * thread of every cell and widget callback it runs, so the threads JShell and the cell start find it;
 * the protocol connects it to the front end ({@link #connect}).
 */
public final class JavaKernel implements Language {
    static final String VERSION = "0.1.0";

    private final JavaEngine engine;
    private final Session session = new Session();
    private final Magics magics = Magics.standard();
    private final SessionSetup setup;
    private final CellTimeout timeout = CellTimeout.fromEnvironment(System.getenv("JAVADL_TIMEOUT"));
    private final CellWatchdog watchdog;
    private final MagicAssist assist;
    private MavenDependencies maven;

    public JavaKernel(JavaEngine engine) {
        this.engine = engine;
        this.setup = new SessionSetup(engine, System.getenv());
        this.watchdog = new CellWatchdog(engine);
        this.assist = new MagicAssist(engine, magics, this::context);
    }

    @Override
    public JsonObject kernelInfo() {
        JsonObject c = new JsonObject();
        c.addProperty("implementation", "javadl");
        c.addProperty("implementation_version", VERSION);
        JsonObject li = new JsonObject();
        li.addProperty("name", "java");
        li.addProperty("version", Runtime.version().toString());
        li.addProperty("mimetype", "text/x-java");
        li.addProperty("file_extension", ".java");
        li.addProperty("pygments_lexer", "java");
        li.addProperty("codemirror_mode", "text/x-java");
        c.add("language_info", li);
        c.addProperty("banner", "javadl " + VERSION + ": Java " + Runtime.version().feature()
                + " with JShell and the javadl deep-learning library (org.javadl.DL.* preloaded); %lsmagic lists the magics");
        JsonArray links = new JsonArray();
        JsonObject jdk = new JsonObject();
        jdk.addProperty("text", "Java API");
        jdk.addProperty("url", "https://docs.oracle.com/en/java/javase/" + Runtime.version().feature() + "/docs/api/");
        links.add(jdk);
        c.add("help_links", links);
        c.addProperty("debugger", false);
        return c;
    }

    @Override
    public Outcome execute(String rawCode, int executionCount, boolean silent) {
        try (Session.Binding bound = session.bind()) {
            if (setup.firstCell()) {
                setup.run(context(0));
            }
            session.displayIds().newCell();
            String code = CellText.normalizeLineEndings(rawCode);
            Cell cell = context(executionCount);
            CellOutcome outcome = watchdog.run(timeout.seconds(),
                    () -> MagicCells.concerns(code) ? MagicCells.run(cell, code) : engine.execute(code, executionCount));
            return toWire(outcome, !silent, cell.payload);
        }
    }

    /** This kernel's session: what its cells' {@code display(...)}, widgets and progress bars use. */
    public Session session() {
        return session;
    }

    @Override
    public void connect(FrontEnd frontEnd) {
        session.connect(frontEnd.displays(), frontEnd.captures());
        if (frontEnd.comms() != null) {
            session.widgets().connect(frontEnd.comms(), this::runCallback);
        }
    }

    /**
     * Runs what a widget message from the front end starts (listeners, an {@code interact} redraw)
     * as a cell runs: through the engine, so after any running cell, stopped by an interrupt, and
     * under the cell time budget; null if it succeeded, else its error as a cell's would read.
     */
    public CallbackRunner.Failure runCallback(int ownerCell, Runnable callback) {
        CellOutcome outcome;
        try (Session.Binding bound = session.bind()) {
            outcome = watchdog.run(timeout.seconds(), () -> engine.runCallback(ownerCell, callback));
        }
        if (outcome instanceof CellOutcome.Failure failure) {
            CellOutcome.Failure f = watchdog.explain(failure, timeout);
            return new CallbackRunner.Failure(f.ename(), f.evalue(), f.traceback());
        }
        return null;
    }

    @Override
    public Outcome evaluate(String expression) {
        try (Session.Binding bound = session.bind()) {
            return toWire(engine.execute(expression, 0), true, List.of());
        }
    }

    /** The engine's outcome for the wire; {@code render} false skips rendering a value nobody sees. */
    private Outcome toWire(CellOutcome outcome, boolean render, List<JsonObject> payload) {
        if (outcome instanceof CellOutcome.Success s) {
            boolean show = s.hasValue() && render && !session.displayIds().isDisplayIdOfThisCell(s.value());
            return new Outcome.Ok(show ? MimeBundle.of(session.renderers().render(s.value())) : null, payload);
        }
        CellOutcome.Failure f = watchdog.explain((CellOutcome.Failure) outcome, timeout);
        return new Outcome.Error(f.ename(), f.evalue(), f.traceback());
    }

    /** %maven's side of the session, made on the first %maven (or its completion). */
    private synchronized MavenDependencies maven() {
        if (maven == null) {
            maven = new MavenDependencies(System.getenv(), setup::addToClassPath);
        }
        return maven;
    }

    Cell context(int executionCount) {
        return new Cell(executionCount);
    }

    @Override
    public Completion complete(String code, int cursor) {
        return assist.complete(code, cursor);
    }

    @Override
    public Inspection inspect(String code, int cursor, int detailLevel) {
        return assist.inspect(code, cursor);
    }

    /** Signatures and javadoc as text/plain and text/html. */
    static JsonObject documentationBundle(CodeAssist.Documentation doc) {
        return Pager.documentation(doc);
    }

    @Override
    public Completeness isComplete(String code) {
        return assist.isComplete(code);
    }

    @Override
    public void interrupt() {
        watchdog.interrupt();
    }

    @Override
    public void requestStarting() {
        engine.requestStarting();
    }

    @Override
    public void requestEnded() {
        engine.requestEnded();
    }

    @Override
    public int writerCell() {
        return CellThreads.writerCell();
    }

    @Override
    public String afterCellNote(int executionCount) {
        return engine.backgroundThreadsNote(executionCount);
    }

    @Override
    public void onBackgroundNote(java.util.function.Consumer<String> sink) {
        engine.onBackgroundStop(lines ->
                sink.accept("note: the interrupt also stopped what earlier cells left running. " + String.join(" ", lines)));
    }

    @Override
    public boolean interruptRequested() {
        return engine.interruptRequested() || watchdog.interrupted();
    }

    /** What magics see of the kernel while one cell runs. */
    final class Cell implements MagicContext {
        private final int executionCount;
        final List<JsonObject> payload = new ArrayList<>();

        Cell(int executionCount) {
            this.executionCount = executionCount;
        }

        @Override
        public int executionCount() {
            return executionCount;
        }

        @Override
        public CellOutcome runJava(String code) {
            return engine.execute(code, executionCount);
        }

        @Override
        public JavaEngine engine() {
            return engine;
        }

        @Override
        public Magics magics() {
            return magics;
        }

        @Override
        public void addPayload(JsonObject p) {
            payload.add(p);
        }

        @Override
        public List<Path> addToClassPath(List<Path> paths) {
            return setup.addToClassPath(paths);
        }

        @Override
        public CellTimeout timeout() {
            return timeout;
        }

        @Override
        public Dependencies dependencies() {
            return maven();
        }

        @Override
        public Map<String, String> environment() {
            return setup.environment();
        }

        @Override
        public boolean interrupted() {
            return watchdog.interrupted();
        }

        @Override
        public CellOutcome interruptedOutcome() {
            return CellWatchdog.interruptedFailure();
        }
    }
}

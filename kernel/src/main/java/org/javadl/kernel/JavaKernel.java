package org.javadl.kernel;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.javadl.kernel.display.Renderers;
import org.javadl.kernel.engine.CellOutcome;
import org.javadl.kernel.engine.CodeAssist;
import org.javadl.kernel.engine.JavaEngine;
import org.javadl.kernel.protocol.Language;
import org.javadl.kernel.protocol.MimeBundle;
import org.javadl.kernel.protocol.Outcome;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Java as a Jupyter language: cells run on the {@link JavaEngine} (JShell), values are rendered by
 * {@link Renderers}, completion and inspection come from JShell. The wire is {@link
 * org.javadl.kernel.protocol.KernelProtocol}'s.
 */
public final class JavaKernel implements Language {
    static final String VERSION = "0.1.0";

    private final JavaEngine engine;

    public JavaKernel(JavaEngine engine) {
        this.engine = engine;
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
                + " with JShell and the javadl deep-learning library (org.javadl.DL.* preloaded)");
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
    public Outcome execute(String code, int executionCount, boolean silent) {
        Matcher help = HELP.matcher(code);
        if (help.matches()) {
            return page(help.group(1));
        }
        return outcome(engine.execute(code, executionCount), !silent);
    }

    @Override
    public Outcome evaluate(String expression) {
        return outcome(engine.execute(expression, 0), true);
    }

    /** The engine's outcome for the wire; {@code render} false skips rendering a value nobody sees. */
    static Outcome outcome(CellOutcome outcome, boolean render) {
        if (outcome instanceof CellOutcome.Success s) {
            if (!s.hasValue() || !render) {
                return Outcome.Ok.nothing();
            }
            return new Outcome.Ok(MimeBundle.of(Renderers.standard().render(s.value())), List.of());
        }
        CellOutcome.Failure f = (CellOutcome.Failure) outcome;
        return new Outcome.Error(f.ename(), f.evalue(), f.traceback());
    }

    /** {@code Math.abs?} or {@code sigmoid?}: documentation in the front end's pager, as in IPython. */
    private static final Pattern HELP =
            Pattern.compile("\\s*([\\p{L}_$][\\p{L}\\p{N}_$]*(?:\\s*\\.\\s*[\\p{L}_$][\\p{L}\\p{N}_$]*)*)\\s*\\?\\s*");

    private Outcome page(String name) {
        CodeAssist.Documentation doc = engine.inspect(name, name.length());
        if (!doc.found()) {
            return new Outcome.Error("NotFound", "no documentation found for " + name,
                    List.of("NotFound: no documentation found for " + name
                            + " (is it defined, and spelled as in Java?)"));
        }
        JsonObject page = new JsonObject();
        page.addProperty("source", "page");
        page.add("data", documentationBundle(doc));
        page.addProperty("start", 0);
        return new Outcome.Ok(null, List.of(page));
    }

    @Override
    public Completion complete(String code, int cursor) {
        CodeAssist.Completion c = engine.complete(code, cursor);
        return new Completion(c.matches(), c.cursorStart(), c.cursorEnd(), new JsonObject());
    }

    @Override
    public Inspection inspect(String code, int cursor, int detailLevel) {
        CodeAssist.Documentation doc = engine.inspect(code, cursor);
        return doc.found() ? new Inspection(true, documentationBundle(doc)) : Inspection.NOTHING;
    }

    /** Signatures and javadoc as text/plain and text/html. */
    static JsonObject documentationBundle(CodeAssist.Documentation doc) {
        StringBuilder text = new StringBuilder();
        StringBuilder html = new StringBuilder();
        for (int i = 0; i < doc.signatures().size(); i++) {
            String sig = doc.signatures().get(i);
            String jd = doc.javadocs().get(i);
            text.append(sig).append('\n');
            html.append("<div><code><b>").append(org.javadl.show.Html.escape(sig)).append("</b></code>");
            if (!jd.isBlank()) {
                text.append(jd.strip().indent(4)).append('\n');
                html.append("<pre style=\"white-space:pre-wrap\">").append(org.javadl.show.Html.escape(jd.strip()))
                        .append("</pre>");
            }
            html.append("</div>");
        }
        JsonObject data = new JsonObject();
        data.addProperty("text/plain", text.toString().strip());
        data.addProperty("text/html", html.toString());
        return data;
    }

    @Override
    public Completeness isComplete(String code) {
        CodeAssist.IsComplete r = engine.isComplete(code);
        return new Completeness(r.status(), r.indent());
    }

    @Override
    public void interrupt() {
        engine.interrupt();
    }

    @Override
    public boolean interruptRequested() {
        return engine.interruptRequested();
    }
}

package org.javadl.kernel.magic;

import com.google.gson.JsonObject;
import org.javadl.kernel.engine.CodeAssist;
import org.javadl.kernel.engine.JavaEngine;
import org.javadl.kernel.engine.OpenLiteral;
import org.javadl.kernel.protocol.Language;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Completion, inspection and is_complete for cells with magics. A magic line's name completes to
 * magic names, its arguments to what the magic offers (files, Maven coordinates); everything else is
 * Java, asked of the engine with the magic lines blanked out, so offsets and line numbers stay the cell's.
 */
public final class MagicAssist {
    private static final Pattern NAME_SO_FAR = Pattern.compile("^([ \\t]*)(%%?)([\\w.-]*)$");
    private static final Pattern ARGS_SO_FAR = Pattern.compile("^[ \\t]*(%%?)([A-Za-z][\\w.-]*)([ \\t]+)(.*)$");
    private static final Pattern MAGIC_LINE = Pattern.compile("^[ \\t]*%%?[A-Za-z][\\w.-]*.*$");

    private final JavaEngine engine;
    private final Magics magics;
    private final IntFunction<? extends MagicContext> contexts;

    public MagicAssist(JavaEngine engine, Magics magics, IntFunction<? extends MagicContext> contexts) {
        this.engine = engine;
        this.magics = magics;
        this.contexts = contexts;
    }

    public Language.Completion complete(String code, int cursor) {
        cursor = Math.max(0, Math.min(cursor, code.length()));
        if (code.indexOf('%') >= 0) {
            int lineStart = code.lastIndexOf('\n', cursor - 1) + 1;
            String before = code.substring(lineStart, cursor);
            boolean magicPlace = !OpenLiteral.endsInsideBlock(code.substring(0, lineStart));
            Matcher name = NAME_SO_FAR.matcher(before);
            if (magicPlace && name.matches()) {
                boolean cell = name.group(2).equals("%%");
                List<String> matches = new ArrayList<>();
                for (String n : magics.names(!cell)) {
                    if (n.startsWith(name.group(3))) {
                        matches.add(name.group(2) + n);
                    }
                }
                return new Language.Completion(matches, lineStart + name.group(1).length(), cursor, new JsonObject());
            }
            Matcher args = ARGS_SO_FAR.matcher(before);
            if (magicPlace && args.matches()) {
                Optional<Magic> magic = magics.find(args.group(2));
                if (magic.isPresent()) {
                    Magic.Suggestions s = magic.get().complete(contexts.apply(0), args.group(4));
                    int argsStart = cursor - args.group(4).length();
                    return new Language.Completion(s.matches(), argsStart + s.start(), cursor, new JsonObject());
                }
            }
        }
        String java = javaView(code);
        if (java == null) {
            return new Language.Completion(List.of(), cursor, cursor, new JsonObject());
        }
        CodeAssist.Completion c = engine.complete(java, cursor);
        return new Language.Completion(c.matches(), c.cursorStart(), c.cursorEnd(), new JsonObject());
    }

    public Language.Inspection inspect(String code, int cursor) {
        cursor = Math.max(0, Math.min(cursor, code.length()));
        int lineStart = code.lastIndexOf('\n', Math.max(0, cursor - 1)) + 1;
        int lineEnd = code.indexOf('\n', cursor);
        String line = code.substring(lineStart, lineEnd < 0 ? code.length() : lineEnd);
        Matcher m = ARGS_OR_NAME.matcher(line);
        if (m.matches() && !OpenLiteral.endsInsideBlock(code.substring(0, lineStart))) {
            Optional<Magic> magic = magics.find(m.group(1));
            if (magic.isPresent()) {
                JsonObject data = new JsonObject();
                data.addProperty("text/plain", magic.get().help());
                return new Language.Inspection(true, data);
            }
        }
        String java = javaView(code);
        if (java == null) {
            return Language.Inspection.NOTHING;
        }
        CodeAssist.Documentation doc = engine.inspect(java, cursor);
        return doc.found() ? new Language.Inspection(true, Pager.documentation(doc)) : Language.Inspection.NOTHING;
    }

    private static final Pattern ARGS_OR_NAME = Pattern.compile("^[ \\t]*%%?([A-Za-z][\\w.-]*).*$");

    public Language.Completeness isComplete(String code) {
        String java = javaView(code);
        if (java == null || java.isBlank()) {
            return new Language.Completeness("complete", "");
        }
        CodeAssist.IsComplete r = engine.isComplete(java);
        return new Language.Completeness(r.status(), r.indent());
    }

    /**
     * The cell's Java with magic lines blanked (same length, so offsets hold); null when the cell is a
     * cell magic whose body is not Java ({@code %%bash}).
     */
    String javaView(String code) {
        if (code.indexOf('%') < 0) {
            return code;
        }
        List<CellParts.Part> parts = CellParts.split(code);
        if (parts.size() == 1 && parts.get(0) instanceof CellParts.CellMagic cm) {
            Optional<Magic> magic = magics.find(cm.name());
            if (magic.isEmpty() || !magic.get().bodyIsJava()) {
                return null;
            }
        }
        StringBuilder out = new StringBuilder(code.length());
        boolean first = true;
        for (String line : code.split("\n", -1)) {
            if (!first) {
                out.append('\n');
            }
            first = false;
            boolean magicLine = MAGIC_LINE.matcher(line).matches() && !OpenLiteral.endsInsideBlock(out.toString());
            out.append(magicLine ? " ".repeat(line.length()) : line);
        }
        return out.toString();
    }
}

package org.javadl.kernel.magic;

import org.javadl.kernel.engine.CellOutcome;
import org.javadl.kernel.engine.CodeAssist;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs a cell that may hold magics: {@code NAME?} help, one cell magic, or Java and line magics in
 * turn (the first failure ends the cell). The value of the last part is the cell's value.
 */
public final class MagicCells {
    /** {@code Math.abs?} or {@code sigmoid?}: documentation in the front end's pager, as in IPython. */
    private static final Pattern JAVA_HELP =
            Pattern.compile("\\s*([\\p{L}_$][\\p{L}\\p{N}_$]*(?:\\s*\\.\\s*[\\p{L}_$][\\p{L}\\p{N}_$]*)*)\\s*\\?\\s*");
    /** {@code %time?}, {@code %%time?} or {@code ?%time}: the magic's help. */
    private static final Pattern MAGIC_HELP = Pattern.compile("\\s*(?:%%?([A-Za-z][\\w.-]*)\\?|\\?%%?([A-Za-z][\\w.-]*))\\s*");

    private MagicCells() {
    }

    /** True if {@code code} needs this class (a magic or a help request); plain Java goes straight to the engine. */
    public static boolean concerns(String code) {
        return code.indexOf('%') >= 0 || code.indexOf('?') >= 0 && JAVA_HELP.matcher(code).matches();
    }

    public static CellOutcome run(MagicContext context, String code) {
        Matcher help = JAVA_HELP.matcher(code);
        if (help.matches()) {
            return javaHelp(context, help.group(1));
        }
        Matcher magicHelp = MAGIC_HELP.matcher(code);
        if (magicHelp.matches()) {
            String name = magicHelp.group(1) != null ? magicHelp.group(1) : magicHelp.group(2);
            return runMagic(context, context.magics().find("help").orElseThrow(), name, null);
        }
        List<CellParts.Part> parts = CellParts.split(code);
        CellOutcome last = new CellOutcome.Success(false, null);
        for (CellParts.Part part : parts) {
            if (context.interrupted()) {
                return context.interruptedOutcome();
            }
            if (part instanceof CellParts.Java j) {
                last = context.runJava(j.code());
            } else if (part instanceof CellParts.LineMagic m) {
                last = line(context, m);
            } else {
                last = cell(context, (CellParts.CellMagic) part);
            }
            if (last instanceof CellOutcome.Failure) {
                return last;
            }
        }
        return last;
    }

    private static CellOutcome line(MagicContext context, CellParts.LineMagic m) {
        if (m.name().startsWith("%")) {
            return usageError("%" + m.name() + " is a cell magic: put it on the first line of the cell (line "
                    + m.line() + " here); the rest of the cell is its body.");
        }
        Optional<Magic> magic = context.magics().find(m.name());
        if (magic.isEmpty()) {
            return usageError(context.magics().unknown(m.name(), true));
        }
        if (!magic.get().isLine()) {
            return usageError("%%" + m.name() + " is a cell magic: write %%" + m.name()
                    + " on the first line of the cell, with its body below.");
        }
        return runMagic(context, magic.get(), m.args(), null);
    }

    private static CellOutcome cell(MagicContext context, CellParts.CellMagic m) {
        Optional<Magic> magic = context.magics().find(m.name());
        if (magic.isEmpty()) {
            return usageError(context.magics().unknown(m.name(), false));
        }
        if (!magic.get().isCell()) {
            return usageError("%" + m.name() + " is a line magic, not a cell magic: write %" + m.name()
                    + " ARGS on a line of its own (%%" + m.name() + " is not defined).");
        }
        return runMagic(context, magic.get(), m.args(), m.body());
    }

    private static CellOutcome runMagic(MagicContext context, Magic magic, String args, String body) {
        try {
            return magic.run(context, args, body);
        } catch (MagicException e) {
            return usageError(e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return context.interruptedOutcome();
        } catch (Exception e) {
            String msg = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            return new CellOutcome.Failure(e.getClass().getName(), String.valueOf(e.getMessage()),
                    List.of("%" + magic.name() + " failed: " + msg));
        }
    }

    static CellOutcome.Failure usageError(String message) {
        return new CellOutcome.Failure("UsageError", message, List.of(RED + "UsageError" + RESET + ": " + message));
    }

    private static final String RED = "\u001b[31m";
    private static final String RESET = "\u001b[0m";

    private static CellOutcome javaHelp(MagicContext context, String name) {
        CodeAssist.Documentation doc = context.engine().inspect(name, name.length());
        if (!doc.found()) {
            Optional<Magic> magic = context.magics().find(name);
            if (magic.isPresent()) {
                context.addPayload(Pager.page(magic.get().help()));
                return new CellOutcome.Success(false, null);
            }
            return new CellOutcome.Failure("NotFound", "no documentation found for " + name,
                    List.of("NotFound: no documentation found for " + name + " (is it defined, and spelled as in Java?)"));
        }
        context.addPayload(Pager.page(Pager.documentation(doc)));
        return new CellOutcome.Success(false, null);
    }
}

package org.javadl.kernel.magic;

import org.javadl.kernel.engine.CellOutcome;

/** {@code %help [NAME]}: a magic's help, or how magics work. */
final class HelpMagic implements Magic {
    @Override
    public String name() {
        return "help";
    }

    @Override
    public String summary() {
        return "help on magics: %help NAME";
    }

    @Override
    public String help() {
        return "%help [NAME]\n\nWith a name (time, %time or %%time), shows that magic's help in the pager;"
                + " without one, how magics work and which there are.\nJava names have help too: Math.abs? or sigmoid?";
    }

    @Override
    public CellOutcome run(MagicContext context, String args, String body) throws MagicException {
        String name = args.strip().replaceFirst("^%%?", "");
        if (name.isEmpty()) {
            context.addPayload(Pager.page(overview(context.magics())));
            return new CellOutcome.Success(false, null);
        }
        Magic m = context.magics().find(name).orElseThrow(() -> new MagicException(context.magics().unknown(name, true)));
        context.addPayload(Pager.page(m.help()));
        return new CellOutcome.Success(false, null);
    }

    static String overview(Magics magics) {
        StringBuilder b = new StringBuilder("""
                Magics are kernel commands mixed with Java:
                  %name args     a line magic, on a line of its own (a cell may have several, between Java lines)
                  %%name args    a cell magic, on the first line; the rest of the cell is its body
                  %name?         this help for one magic;  NAME?  Java documentation (Math.abs?)

                """);
        for (Magic m : magics.all()) {
            b.append(String.format("  %-12s %s%n", m.name(), m.summary()));
        }
        b.append("\n%help NAME shows one in full.");
        return b.toString();
    }

    @Override
    public Suggestions complete(MagicContext context, String args) {
        String prefix = args.strip();
        return new Suggestions(context.magics().names(true).stream().filter(n -> n.startsWith(prefix)).toList(),
                args.length() - prefix.length());
    }
}

package org.javadl.kernel.magic;

import org.javadl.kernel.engine.CellOutcome;

/** {@code %lsmagic}: every magic with its one-line summary. */
final class LsMagic implements Magic {
    @Override
    public String name() {
        return "lsmagic";
    }

    @Override
    public String summary() {
        return "list the magic commands";
    }

    @Override
    public String help() {
        return "%lsmagic\n\nLists the line magics (%name args) and cell magics (%%name args on the first line of a cell)"
                + " with one line on each. %help NAME or %NAME? shows a magic's help.";
    }

    @Override
    public CellOutcome run(MagicContext context, String args, String body) {
        StringBuilder b = new StringBuilder();
        b.append("Line magics (%name on a line of its own; several may precede Java):\n");
        for (Magic m : context.magics().all()) {
            if (m.isLine()) {
                b.append(String.format("  %-28s %s%n", usageName("%", m), m.summary()));
            }
        }
        b.append("\nCell magics (%%name on the first line; the rest of the cell is the body):\n");
        for (Magic m : context.magics().all()) {
            if (m.isCell()) {
                b.append(String.format("  %-28s %s%n", usageName("%%", m), m.summary()));
            }
        }
        b.append("\nAlso: NAME? or %NAME? shows documentation in the pager (Math.abs?, sigmoid?, %timeit?).\n");
        System.out.print(b);
        return new CellOutcome.Success(false, null);
    }

    private static String usageName(String prefix, Magic m) {
        StringBuilder s = new StringBuilder(prefix).append(m.name());
        for (String a : m.aliases()) {
            s.append(", ").append(prefix).append(a);
        }
        return s.toString();
    }
}

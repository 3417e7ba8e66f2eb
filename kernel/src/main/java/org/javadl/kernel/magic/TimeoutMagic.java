package org.javadl.kernel.magic;

import org.javadl.kernel.engine.CellOutcome;

/** {@code %timeout [DURATION|off]}: shows or sets the per-cell time budget. */
final class TimeoutMagic implements Magic {
    @Override
    public String name() {
        return "timeout";
    }

    @Override
    public String summary() {
        return "per-cell time budget: %timeout 30s, %timeout off";
    }

    @Override
    public String help() {
        return """
                %timeout              shows the per-cell time budget
                %timeout DURATION     sets it: 30 (seconds), 30s, 2m, 500ms, 1h
                %timeout off          no budget (also 0 or none)

                A cell that runs longer than the budget is stopped as the interrupt button would stop it,
                and fails with a message saying so; variables keep the values they had. The budget starts
                as JAVADL_TIMEOUT (same format) when the kernel starts, and applies from the next cell on
                (or, on a line before Java in the same cell, to that Java).""";
    }

    @Override
    public CellOutcome run(MagicContext context, String args, String body) throws MagicException {
        CellTimeout t = context.timeout();
        if (!args.isBlank()) {
            try {
                t.set(CellTimeout.parse(args));
            } catch (IllegalArgumentException e) {
                throw new MagicException("%timeout: " + e.getMessage());
            }
        }
        System.out.println("Time budget: " + t.describe());
        return new CellOutcome.Success(false, null);
    }
}

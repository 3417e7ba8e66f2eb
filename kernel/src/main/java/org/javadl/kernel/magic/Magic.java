package org.javadl.kernel.magic;

import org.javadl.kernel.engine.CellOutcome;

import java.util.List;

/**
 * One magic command: a line magic ({@code %name args}), a cell magic ({@code %%name args} on a cell's
 * first line, the rest of the cell its body), or both. Each is a small class registered in
 * {@link Magics#standard()}, with its own help text.
 */
public interface Magic {

    /** The name after {@code %} or {@code %%}. */
    String name();

    /** Other names it answers to ({@code %vars} for {@code %whos}). */
    default List<String> aliases() {
        return List.of();
    }

    /** One line for {@code %lsmagic}. */
    String summary();

    /** Usage and explanation, shown by {@code %help name} and {@code %name?}. */
    String help();

    /** Whether {@code %name} works. */
    default boolean isLine() {
        return true;
    }

    /** Whether {@code %%name} works. */
    default boolean isCell() {
        return false;
    }

    /** True if a cell magic's body is Java (so is_complete and completion look at it as Java). */
    default boolean bodyIsJava() {
        return false;
    }

    /**
     * Runs the magic. {@code body} is null for a line magic and the rest of the cell for a cell magic.
     * A value in a {@link CellOutcome.Success} is shown as the cell's result when the magic ends it.
     *
     * @throws MagicException for wrong usage: shown as a {@code UsageError} with the message
     */
    CellOutcome run(MagicContext context, String args, String body) throws Exception;

    /** Completions of the argument text before the cursor ({@code args}); replaced from {@link Suggestions#start()}. */
    default Suggestions complete(MagicContext context, String args) {
        return Suggestions.NONE;
    }

    /** Completion candidates for a magic's arguments, replacing {@code args.substring(start)}. */
    record Suggestions(List<String> matches, int start) {
        public static final Suggestions NONE = new Suggestions(List.of(), 0);
    }
}

package org.javadl.kernel.runtime;

import io.github.spencerpark.jupyter.kernel.display.DisplayData;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * The display ids {@code display(...)} and {@code show()} returned during the running cell, so that a
 * cell ending in {@code display(x)} shows x once, not x and then its id as the cell's value. Ids are
 * compared by identity: only the very String a display call returned is recognised, never an equal
 * string the cell made itself.
 */
public final class DisplayIds {
    private static final Set<Object> SHOWN = Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));

    private DisplayIds() {
    }

    /** A sink that notes every id it displays, then hands the output on to {@code next}. */
    public static DisplaySink noting(DisplaySink next) {
        return new DisplaySink() {
            @Override
            public void display(DisplayData data) {
                if (data.getDisplayId() != null) {
                    SHOWN.add(data.getDisplayId());
                }
                next.display(data);
            }

            @Override
            public void updateDisplay(DisplayData data) {
                next.updateDisplay(data);
            }

            @Override
            public void clearOutput(boolean wait) {
                next.clearOutput(wait);
            }
        };
    }

    /** True if {@code value} is an id that a display call of this cell returned. */
    public static boolean isDisplayIdOfThisCell(Object value) {
        return value instanceof String && SHOWN.contains(value);
    }

    /** Called when a cell starts: ids of earlier cells are values like any other string. */
    public static void newCell() {
        SHOWN.clear();
    }
}

package org.javadl.kernel.runtime;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * The display ids {@code display(...)} and {@code show()} returned during a session's running cell,
 * so that a cell ending in {@code display(x)} shows x once, not x and then its id as the cell's value.
 * Ids are compared by identity: only the very String a display call returned is recognised, never an
 * equal string the cell made itself. One per {@link Session}.
 */
public final class DisplayIds {
    private final Set<Object> shown = Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));

    DisplayIds() {
    }

    void note(String id) {
        shown.add(id);
    }

    /** True if {@code value} is an id that a display call of this cell returned. */
    public boolean isDisplayIdOfThisCell(Object value) {
        return value instanceof String && shown.contains(value);
    }

    /** Called when a cell starts: ids of earlier cells are values like any other string. */
    public void newCell() {
        shown.clear();
    }
}

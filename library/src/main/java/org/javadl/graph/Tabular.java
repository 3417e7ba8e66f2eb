package org.javadl.graph;

import org.javadl.show.Showable;

/**
 * A {@link Showable} whose text and HTML are those of one {@link Table} (traces, step tables, data
 * listings). Other notations stay the implementing class's own choice.
 */
public interface Tabular extends Showable {

    /** The table this object shows. */
    Table table();

    @Override
    default String toText() {
        return table().toText();
    }

    @Override
    default String toHtml() {
        return table().toHtml();
    }
}

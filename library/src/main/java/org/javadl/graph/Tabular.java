package org.javadl.graph;

import org.javadl.show.Showable;

/**
 * A {@link Showable} whose text and HTML are those of one {@link TextTable} (traces, step tables, data
 * listings). Other notations stay the implementing class's own choice.
 */
public interface Tabular extends Showable {

    /** The table this object shows. */
    TextTable table();

    @Override
    default String toText() {
        return table().toText();
    }

    @Override
    default String toHtml() {
        return table().toHtml();
    }
}

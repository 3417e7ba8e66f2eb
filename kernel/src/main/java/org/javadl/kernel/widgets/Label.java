package org.javadl.kernel.widgets;

/** Text shown as a widget ({@code LabelModel}), e.g. beside controls in a box; code changes it. */
public final class Label extends StringWidget<Label> {

    public Label(String value) {
        super("Label", Style.label());
        value(value);
    }
}

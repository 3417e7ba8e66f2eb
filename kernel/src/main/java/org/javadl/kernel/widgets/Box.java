package org.javadl.kernel.widgets;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Widgets side by side ({@link #horizontal}, {@code HBoxModel}) or one above the other ({@code VBoxModel}). */
public class Box extends DOMWidget<Box> {
    private final String name;
    private volatile List<Widget> children;

    protected Box(String name, List<? extends Widget> children) {
        super(name, null);
        this.name = name;
        this.children = List.copyOf(children);
        define("box_style", json(""));
        define("children", new com.google.gson.JsonArray());
        change("children", references(this.children));
    }

    public static Box horizontal(List<? extends Widget> children) {
        return new Box("HBox", children);
    }

    public static Box vertical(List<? extends Widget> children) {
        return new Box("VBox", children);
    }

    public List<Widget> children() {
        return children;
    }

    /** Replaces the children (new ones are opened before the front end is told). */
    public Box children(List<? extends Widget> newChildren) {
        List<Widget> next = List.copyOf(newChildren);
        this.children = next;
        if (isOpen()) {
            next.forEach(manager()::open);
        }
        change("children", references(next));
        return this;
    }

    /** {@code "success"}, {@code "info"}, {@code "warning"}, {@code "danger"} or {@code ""}: a coloured frame. */
    public Box boxStyle(String style) {
        change("box_style", json(style == null ? "" : style));
        return this;
    }

    @Override
    protected String reprName() {
        return name;
    }

    @Override
    protected Collection<Widget> references() {
        List<Widget> refs = new ArrayList<>(super.references());
        refs.addAll(children);
        return refs;
    }
}

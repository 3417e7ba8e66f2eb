package org.javadl.graph;

import java.util.List;
import org.javadl.show.Html;
import org.javadl.show.Showable;

/**
 * A sequence of chain-rule steps, in the order they are computed: one line per node in text and
 * HTML, an {@code aligned} block in LaTeX. Made by {@link Graph#reverseDerivation()} and
 * {@link Graph#forwardDerivation(Value)}.
 */
public final class Derivation implements Showable {
    private final String title;
    private final List<ChainRule> steps;

    Derivation(String title, List<ChainRule> steps) {
        this.title = title;
        this.steps = List.copyOf(steps);
    }

    /** The steps, in computation order. */
    public List<ChainRule> steps() {
        return steps;
    }

    /** The node labels in computation order, e.g. [y, f5, f4, f3, f2, f1, x] in reverse mode. */
    public List<String> order() {
        return steps.stream().map(ChainRule::node).toList();
    }

    /** The step for one node. */
    public ChainRule step(String node) {
        for (ChainRule r : steps) {
            if (r.node().equals(node)) {
                return r;
            }
        }
        throw new IllegalArgumentException("no step for node '" + node + "'");
    }

    @Override
    public String toText() {
        StringBuilder s = new StringBuilder(title).append('\n');
        for (ChainRule r : steps) {
            s.append(r.toText()).append('\n');
        }
        return s.toString();
    }

    @Override
    public String toHtml() {
        StringBuilder s = new StringBuilder("<div class=\"javadl-derivation\"><p><b>")
                .append(Html.escape(title)).append("</b></p><ol>");
        for (ChainRule r : steps) {
            s.append("<li><code>").append(Html.escape(r.toText())).append("</code></li>");
        }
        return s.append("</ol></div>").toString();
    }

    @Override
    public String toLatex() {
        StringBuilder s = new StringBuilder("\\begin{aligned}\n");
        for (ChainRule r : steps) {
            s.append(r.lhsLatex()).append(" &").append(r.rhsLatex()).append(" \\\\\n");
        }
        return s.append("\\end{aligned}").toString();
    }

    @Override
    public String toString() {
        return toText();
    }
}

package org.javadl.graph;

import java.util.ArrayList;
import java.util.List;
import org.javadl.show.Html;
import org.javadl.show.Showable;

/**
 * One chain-rule step for one node, written out with the numbers filled in, e.g. (reverse mode)
 * <pre>
 * ∂y/∂f3 = ∂y/∂f4·∂f4/∂f3 + ∂y/∂f5·∂f5/∂f3 = 1·exp(f3) + 1·cos(f3) = 1·20.0855 + 1·(−0.98999) = 19.0955
 * </pre>
 * or (forward mode) {@code ∂f2/∂x = ∂f2/∂f1·∂f1/∂x = 2·f1·1.64872 = 3.29744·1.64872 = 5.43656}.
 * Made by {@link Graph#adjointRule} and {@link Graph#tangentRule}.
 */
public final class ChainRule implements Showable {
    /** Reverse (adjoint) or forward (tangent) mode. */
    public enum Mode { REVERSE, FORWARD }

    private final Mode mode;
    private final String node;
    private final double result;
    /** Stages of the right-hand side in text and LaTeX: symbolic, locals written out, all numbers. */
    private final List<String> text;
    private final List<String> latex;
    private final String lhsText;
    private final String lhsLatex;

    private ChainRule(Mode mode, String node, String lhsText, String lhsLatex, List<String> text,
                      List<String> latex, double result) {
        this.mode = mode;
        this.node = node;
        this.lhsText = lhsText;
        this.lhsLatex = lhsLatex;
        this.text = text;
        this.latex = latex;
        this.result = result;
    }

    private static String dText(String top, String bottom) {
        return "∂" + top + "/∂" + bottom;
    }

    private static String dLatex(String top, String bottom) {
        return "\\frac{\\partial " + Fmt.latexName(top) + "}{\\partial " + Fmt.latexName(bottom) + "}";
    }

    /** ∂y/∂v = Σ_c ∂y/∂c · ∂c/∂v over the nodes c that use v. */
    static ChainRule reverse(Graph g, Value v) {
        String y = g.label(g.output());
        String name = g.label(v);
        List<String> sym = new ArrayList<>();
        List<String> mid = new ArrayList<>();
        List<String> num = new ArrayList<>();
        List<String> symL = new ArrayList<>();
        List<String> midL = new ArrayList<>();
        List<String> numL = new ArrayList<>();
        if (v != g.output()) {
            for (int[] use : g.consumers().get(g.indexOf(v))) {
                Value c = g.at(use[0]);
                int slot = use[1];
                String cl = g.label(c);
                String la = g.label(c.a);
                String lb = c.b == null ? "" : g.label(c.b);
                sym.add(dText(y, cl) + "·" + dText(cl, name));
                symL.add(dLatex(y, cl) + "\\cdot" + dLatex(cl, name));
                mid.add(Fmt.factor(c.grad) + "·" + c.op.localText(slot, la, lb, c.k));
                midL.add(Fmt.factorLatex(c.grad) + "\\cdot " + c.op.localLatex(slot, Fmt.latexName(la),
                        Fmt.latexName(lb), c.k));
                double local = c.local(slot);
                num.add(Fmt.factor(c.grad) + "·" + Fmt.factor(local));
                numL.add(Fmt.factorLatex(c.grad) + "\\cdot " + Fmt.factorLatex(local));
            }
        }
        return build(Mode.REVERSE, name, dText(y, name), dLatex(y, name), sym, mid, num, symL, midL, numL,
                v.grad, v == g.output());
    }

    /** ∂v/∂x = Σ_u ∂v/∂u · ∂u/∂x over the inputs u of v. */
    static ChainRule forward(Graph g, Value v) {
        Value seed = g.seed();
        String x = seed == null ? "x" : g.label(seed);
        String name = g.label(v);
        List<String> sym = new ArrayList<>();
        List<String> mid = new ArrayList<>();
        List<String> num = new ArrayList<>();
        List<String> symL = new ArrayList<>();
        List<String> midL = new ArrayList<>();
        List<String> numL = new ArrayList<>();
        if (v != seed && !v.op.isLeaf()) {
            Value[] ins = v.b == null ? new Value[] {v.a} : new Value[] {v.a, v.b};
            String la = g.label(v.a);
            String lb = v.b == null ? "" : g.label(v.b);
            for (int slot = 0; slot < ins.length; slot++) {
                Value u = ins[slot];
                String ul = g.label(u);
                sym.add(dText(name, ul) + "·" + dText(ul, x));
                symL.add(dLatex(name, ul) + "\\cdot" + dLatex(ul, x));
                mid.add(v.op.localText(slot, la, lb, v.k) + "·" + Fmt.factor(u.tangent));
                midL.add(v.op.localLatex(slot, Fmt.latexName(la), Fmt.latexName(lb), v.k) + "\\cdot "
                        + Fmt.factorLatex(u.tangent));
                double local = v.local(slot);
                num.add(Fmt.factor(local) + "·" + Fmt.factor(u.tangent));
                numL.add(Fmt.factorLatex(local) + "\\cdot " + Fmt.factorLatex(u.tangent));
            }
        }
        return build(Mode.FORWARD, name, dText(name, x), dLatex(name, x), sym, mid, num, symL, midL, numL,
                v.tangent, v == seed);
    }

    private static ChainRule build(Mode mode, String node, String lhs, String lhsL, List<String> sym,
                                   List<String> mid, List<String> num, List<String> symL,
                                   List<String> midL, List<String> numL, double result, boolean seeded) {
        List<String> text = new ArrayList<>();
        List<String> latex = new ArrayList<>();
        if (seeded) {
            // The seed: ∂y/∂y = 1 in reverse mode, ∂x/∂x = 1 in forward mode.
            text.add("1 (seed)");
            latex.add("1");
        } else if (sym.isEmpty()) {
            // A leaf in forward mode (or a node y does not use): nothing flows into it.
            text.add("0");
            latex.add("0");
        } else {
            addStage(text, String.join(" + ", sym));
            addStage(text, String.join(" + ", mid));
            addStage(text, String.join(" + ", num));
            addStage(text, Fmt.num(result));
            addStage(latex, String.join(" + ", symL));
            addStage(latex, String.join(" + ", midL));
            addStage(latex, String.join(" + ", numL));
            addStage(latex, Fmt.latex(result));
        }
        return new ChainRule(mode, node, lhs, lhsL, List.copyOf(text), List.copyOf(latex), result);
    }

    /** Adds a stage unless it repeats the previous one (e.g. when a local derivative is just 1). */
    private static void addStage(List<String> stages, String s) {
        if (stages.isEmpty() || !stages.get(stages.size() - 1).equals(s)) {
            stages.add(s);
        }
    }

    /** REVERSE for adjoints, FORWARD for tangents. */
    public Mode mode() {
        return mode;
    }

    /** The node's label. */
    public String node() {
        return node;
    }

    /** The value the rule arrives at (the node's adjoint or tangent). */
    public double result() {
        return result;
    }

    /** The left-hand side as LaTeX, e.g. {@code \frac{\partial y}{\partial f_{3}}}. */
    String lhsLatex() {
        return lhsLatex;
    }

    /** The right-hand side (all stages) as LaTeX, starting with {@code =}. */
    String rhsLatex() {
        return "= " + String.join(" = ", latex);
    }

    @Override
    public String toText() {
        return lhsText + " = " + String.join(" = ", text);
    }

    @Override
    public String toHtml() {
        return "<div class=\"javadl-chain-rule\"><code>" + Html.escape(toText()) + "</code></div>";
    }

    @Override
    public String toLatex() {
        return lhsLatex + " " + rhsLatex();
    }

    @Override
    public String toString() {
        return toText();
    }
}

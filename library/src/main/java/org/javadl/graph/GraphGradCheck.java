package org.javadl.graph;

import java.util.function.Function;

/**
 * Finite-difference gradient check for a scalar function built from {@link Value}s.
 *
 * <p>For each input x_i it compares the reverse-mode gradient (backward), the forward-mode
 * derivative (one forward pass per input) and the central difference
 * (f(x + h·e_i) − f(x − h·e_i)) / 2h with h = 1e-5·max(1, |x_i|). The error is the same measure as
 * {@link org.javadl.check.GradCheck}'s: |analytic − numeric| / max(|analytic|, |numeric|, 1e-3·max(1, |f|)),
 * relative where the gradient is large and absolute (against the size of f) where it is ~0, so the
 * round-off noise of a central difference (≈ 2e-11·|f|) does not fail an exactly-zero gradient. Central
 * differences are accurate to about 1e-9 relative for smooth functions of moderate size, so 1e-6 is a
 * safe pass mark.
 *
 * <p>(Called {@code GradCheck} before; renamed so that it does not clash with
 * {@link org.javadl.check.GradCheck} when both packages are star-imported.)
 *
 * <p>Example: {@code GraphGradCheck.check(v -> v[0].mul(v[1]).sin(), 0.3, 0.7).passed()}.
 */
public final class GraphGradCheck implements Tabular {
    /** Default pass mark for the largest relative error. */
    public static final double DEFAULT_TOLERANCE = 1e-6;

    private final double[] x;
    private final double[] reverse;
    private final double[] forward;
    private final double[] numeric;
    private final double fScale;

    private GraphGradCheck(double[] x, double[] reverse, double[] forward, double[] numeric, double fScale) {
        this.x = x;
        this.reverse = reverse;
        this.forward = forward;
        this.numeric = numeric;
        this.fScale = fScale;
    }

    /**
     * Checks f at the point x: inputs are given to f as variables named x1, x2, …
     * Example: {@code GraphGradCheck.check(v -> v[0].exp().add(v[0].square()), 0.5)}.
     */
    public static GraphGradCheck check(Function<Value[], Value> f, double... x) {
        if (f == null) {
            throw new IllegalArgumentException("f must not be null");
        }
        if (x == null || x.length == 0) {
            throw new IllegalArgumentException("gradient check needs at least one input value");
        }
        int n = x.length;
        Value[] vars = variables(x);
        Value y = apply(f, vars);
        Graph g = y.graph();
        g.backward();
        double[] rev = new double[n];
        double[] fwd = new double[n];
        for (int i = 0; i < n; i++) {
            rev[i] = vars[i].grad;
        }
        for (int i = 0; i < n; i++) {
            // An input f does not use is not in the graph: its derivative is 0.
            fwd[i] = g.indexOf(vars[i]) < 0 ? 0 : g.derivative(vars[i]);
        }
        double[] num = new double[n];
        double scale = Math.abs(y.data);
        for (int i = 0; i < n; i++) {
            double h = 1e-5 * Math.max(1, Math.abs(x[i]));
            double[] xp = x.clone();
            double[] xm = x.clone();
            xp[i] += h;
            xm[i] -= h;
            // Divide by the step actually taken (x+h)−(x−h), which is exact in floating point
            // only approximately equal to 2h.
            double fp = apply(f, variables(xp)).data;
            double fm = apply(f, variables(xm)).data;
            num[i] = (fp - fm) / (xp[i] - xm[i]);
            scale = Math.max(scale, Math.max(Math.abs(fp), Math.abs(fm)));
        }
        return new GraphGradCheck(x.clone(), rev, fwd, num, scale);
    }

    /**
     * Checks an already built graph y with respect to some of its input variables, perturbing them
     * with {@link Value#set} and re-evaluating the graph (values are restored afterwards).
     * Example: {@code GraphGradCheck.check(loss, w1, w2, w3)}.
     */
    public static GraphGradCheck check(Value y, Value... inputs) {
        if (y == null || inputs == null || inputs.length == 0) {
            throw new IllegalArgumentException("gradient check needs an output and at least one input");
        }
        Graph g = y.graph();
        int n = inputs.length;
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            if (inputs[i].op != Op.VAR) {
                throw new IllegalArgumentException("input " + (i + 1) + " is not a variable (it is " + inputs[i].op + ")");
            }
            x[i] = inputs[i].data;
        }
        g.evaluate().backward();
        double scale = Math.abs(y.data);
        double[] rev = new double[n];
        double[] fwd = new double[n];
        double[] num = new double[n];
        for (int i = 0; i < n; i++) {
            rev[i] = inputs[i].grad;
        }
        for (int i = 0; i < n; i++) {
            fwd[i] = g.indexOf(inputs[i]) < 0 ? 0 : g.derivative(inputs[i]);
            double h = 1e-5 * Math.max(1, Math.abs(x[i]));
            double xp = x[i] + h;
            double xm = x[i] - h;
            double fp = g.evaluate0(inputs[i], xp);
            double fm = g.evaluate0(inputs[i], xm);
            // Restore and re-evaluate before the next input's forward pass uses the node values.
            inputs[i].set(x[i]);
            g.evaluate();
            num[i] = (fp - fm) / (xp - xm);
            scale = Math.max(scale, Math.max(Math.abs(fp), Math.abs(fm)));
        }
        return new GraphGradCheck(x, rev, fwd, num, scale);
    }

    private static Value[] variables(double[] x) {
        Value[] v = new Value[x.length];
        for (int i = 0; i < x.length; i++) {
            v[i] = Value.variable("x" + (i + 1), x[i]);
        }
        return v;
    }

    private static Value apply(Function<Value[], Value> f, Value[] vars) {
        Value y = f.apply(vars);
        if (y == null) {
            throw new IllegalArgumentException("f returned null");
        }
        return y;
    }

    /** The point checked. */
    public double[] point() {
        return x.clone();
    }

    /** Gradient by reverse mode. */
    public double[] analytic() {
        return reverse.clone();
    }

    /** Gradient by forward mode (one pass per input). */
    public double[] forwardMode() {
        return forward.clone();
    }

    /** Gradient by central differences. */
    public double[] numeric() {
        return numeric.clone();
    }

    /** Error per input: |a − n| / max(|a|, |n|, 1e-3·max(1, |f|)), a = reverse-mode gradient (see the class comment). */
    public double[] relativeErrors() {
        double[] e = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            e[i] = rel(reverse[i], numeric[i]);
        }
        return e;
    }

    private double rel(double a, double n) {
        return org.javadl.check.GradCheck.error(a, n, fScale);
    }

    /** The largest relative error over inputs (reverse vs numeric and forward vs numeric). */
    public double maxRelativeError() {
        double m = 0;
        for (int i = 0; i < x.length; i++) {
            m = Math.max(m, Math.max(rel(reverse[i], numeric[i]), rel(forward[i], numeric[i])));
            if (Double.isNaN(reverse[i]) || Double.isNaN(numeric[i]) || Double.isNaN(forward[i])) {
                return Double.NaN;
            }
        }
        return m;
    }

    /** True if {@link #maxRelativeError()} ≤ {@link #DEFAULT_TOLERANCE}. */
    public boolean passed() {
        return passed(DEFAULT_TOLERANCE);
    }

    /** True if {@link #maxRelativeError()} ≤ tol (false for NaN). */
    public boolean passed(double tol) {
        return maxRelativeError() <= tol;
    }

    /** The check as a table. */
    public TextTable table() {
        TextTable t = new TextTable("Gradient check (central differences)",
                new String[] {"input", "x", "reverse", "forward", "numeric", "rel. error"});
        double[] e = relativeErrors();
        for (int i = 0; i < x.length; i++) {
            t.row("x" + (i + 1), Fmt.num(x[i]), Fmt.num(reverse[i], 10), Fmt.num(forward[i], 10),
                    Fmt.num(numeric[i], 10), Fmt.num(e[i], 3));
        }
        t.footnote((passed() ? "PASSED" : "FAILED") + ": max relative error " + Fmt.num(maxRelativeError(), 3)
                + " (tolerance " + Fmt.num(DEFAULT_TOLERANCE) + ")");
        return t;
    }

    @Override
    public String toString() {
        return toText();
    }
}

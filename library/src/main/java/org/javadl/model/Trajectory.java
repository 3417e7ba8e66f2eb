package org.javadl.model;

import java.util.ArrayList;
import java.util.List;
import org.javadl.graph.Fmt;
import org.javadl.graph.TextTable;
import org.javadl.graph.Tabular;

/**
 * The path of a gradient-descent run: φ and the loss before the first step (index 0) and after
 * every step. {@link #toText()} lists the first and last steps.
 */
public final class Trajectory implements Tabular {
    private final GradientDescent settings;
    private final List<double[]> path;
    private final List<Double> losses;
    private final List<Double> objectives;

    Trajectory(GradientDescent settings, List<double[]> path, List<Double> losses, List<Double> objectives) {
        this.settings = settings;
        this.path = path;
        this.losses = losses;
        this.objectives = objectives;
    }

    /** Number of steps taken (entries are one more). */
    public int steps() {
        return path.size() - 1;
    }

    /** φ after step t (t = 0 is the start). */
    public double[] parameters(int t) {
        return path.get(t).clone();
    }

    /** The final φ. */
    public double[] last() {
        return parameters(steps());
    }

    /** The loss L[φ] after step t (without any L2 penalty). */
    public double loss(int t) {
        return losses.get(t);
    }

    /** All losses, start first. */
    public double[] losses() {
        return losses.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** L[φ] + λ/(2α) Σ φ² after step t (equal to the loss without a penalty). */
    public double objective(int t) {
        return objectives.get(t);
    }

    /** The settings of the run. */
    public GradientDescent settings() {
        return settings;
    }

    /** A table of the steps (at most 10 first and 10 last). */
    public TextTable table() {
        int p = path.get(0).length;
        List<String> h = new ArrayList<>(List.of("step"));
        for (int k = 0; k < p; k++) {
            h.add("φ" + k);
        }
        h.add("loss");
        boolean pen = settings.l2() != 0;
        if (pen) {
            h.add("loss + penalty");
        }
        TextTable t = new TextTable(settings.toString(), h.toArray(new String[0]));
        int n = path.size();
        for (int i = 0; i < n; i++) {
            if (n > 20 && i == 10) {
                String[] gap = new String[h.size()];
                java.util.Arrays.fill(gap, "⋮");
                t.row(gap);
                i = n - 10;
            }
            List<String> r = new ArrayList<>(List.of(Integer.toString(i)));
            for (double v : path.get(i)) {
                r.add(Fmt.num(v));
            }
            r.add(Fmt.num(losses.get(i)));
            if (pen) {
                r.add(Fmt.num(objectives.get(i)));
            }
            t.row(r.toArray(new String[0]));
        }
        return t;
    }

    @Override
    public String toString() {
        return toText();
    }
}

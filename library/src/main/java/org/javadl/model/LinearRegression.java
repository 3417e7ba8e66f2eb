package org.javadl.model;

import java.util.ArrayList;
import java.util.List;
import org.javadl.graph.Fmt;

/**
 * 1-D linear regression y = φ0 + φ1·x with the least-squares loss
 * L[φ] = Σ_i (φ0 + φ1 x_i − y_i)² (a sum, no ½ and no mean, as in homework 004).
 *
 * <ul>
 *   <li>gradient: ∂L/∂φ0 = 2 Σ r_i, ∂L/∂φ1 = 2 Σ r_i x_i with residuals r_i = φ0 + φ1 x_i − y_i;</li>
 *   <li>Hessian (the same for every φ): [[2I, 2Σx], [2Σx, 2Σx²]] with I the number of points.</li>
 * </ul>
 * Example: {@code new LinearRegression(xs, ys).hessian().eigenvalues()}.
 */
public final class LinearRegression implements Objective {
    private final double[] x;
    private final double[] y;

    /** A model of the points (x_i, y_i); both arrays must have the same, non-zero length. */
    public LinearRegression(double[] x, double[] y) {
        if (x == null || y == null) {
            throw new IllegalArgumentException("x and y must not be null");
        }
        if (x.length == 0) {
            throw new IllegalArgumentException("linear regression needs at least one data point (x is empty)");
        }
        if (x.length != y.length) {
            throw new IllegalArgumentException("x has " + x.length + " points but y has " + y.length);
        }
        this.x = x.clone();
        this.y = y.clone();
    }

    /** The model on 1-D labelled data. */
    public LinearRegression(LabelledData data) {
        this(data.x1d(), data.y());
    }

    /** Number of points I. */
    public int size() {
        return x.length;
    }

    /** φ0 + φ1·x: {@code model.predict(1, 2, 3)} is 7. */
    public double predict(double phi0, double phi1, double xi) {
        return phi0 + phi1 * xi;
    }

    /** L = Σ (φ0 + φ1 x_i − y_i)². */
    public double loss(double phi0, double phi1) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            double r = phi0 + phi1 * x[i] - y[i];
            s += r * r;
        }
        return s;
    }

    /** [∂L/∂φ0, ∂L/∂φ1] = [2 Σ r_i, 2 Σ r_i x_i]. */
    public double[] gradient(double phi0, double phi1) {
        double g0 = 0;
        double g1 = 0;
        for (int i = 0; i < x.length; i++) {
            double r = phi0 + phi1 * x[i] - y[i];
            g0 += 2 * r;
            g1 += 2 * r * x[i];
        }
        return new double[] {g0, g1};
    }

    @Override
    public double loss(double[] phi) {
        check(phi);
        return loss(phi[0], phi[1]);
    }

    @Override
    public double[] gradient(double[] phi) {
        check(phi);
        return gradient(phi[0], phi[1]);
    }

    @Override
    public int parameterCount() {
        return 2;
    }

    private static void check(double[] phi) {
        if (phi == null || phi.length != 2) {
            throw new IllegalArgumentException("linear regression has 2 parameters (φ0, φ1), got "
                    + (phi == null ? "null" : phi.length));
        }
    }

    /** The Hessian [[2I, 2Σx], [2Σx, 2Σx²]] (independent of φ) with trace, determinant, eigenvalues. */
    public Hessian hessian() {
        double sx = 0;
        double sxx = 0;
        for (double v : x) {
            sx += v;
            sxx += v * v;
        }
        return new Hessian(x.length, sx, sxx);
    }

    /** The exact minimiser (normal equations); throws if all x are equal (no unique minimum). */
    public double[] leastSquares() {
        int n = x.length;
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            mx += x[i] / n;
            my += y[i] / n;
        }
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < n; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
        }
        if (sxx == 0) {
            throw new IllegalStateException("all x values are equal: the slope is not determined");
        }
        double phi1 = sxy / sxx;
        return new double[] {my - phi1 * mx, phi1};
    }

    /** Gradient descent from (φ0, φ1): {@code model.fit(GradientDescent.withStep(0.01).iterations(500), 0, 0)}. */
    public Trajectory fit(GradientDescent gd, double phi0, double phi1) {
        return gd.run(this, phi0, phi1);
    }

    /** The loss with its terms (x_i, y_i, prediction, residual, squared residual). */
    public LossTerms lossTerms(double phi0, double phi1) {
        List<String[]> rows = new ArrayList<>();
        double total = 0;
        for (int i = 0; i < x.length; i++) {
            double p = predict(phi0, phi1, x[i]);
            double r = p - y[i];
            total += r * r;
            rows.add(new String[] {Integer.toString(i + 1), Fmt.num(x[i]), Fmt.num(y[i]), Fmt.num(p), Fmt.num(r),
                    Fmt.num(r * r)});
        }
        return new LossTerms("L[φ] = Σ (φ0 + φ1·x_i − y_i)² at φ = (" + Fmt.num(phi0) + ", " + Fmt.num(phi1) + ")",
                "L[\\phi] = \\sum_i (\\phi_0 + \\phi_1 x_i - y_i)^2",
                new String[] {"i", "x_i", "y_i", "φ0 + φ1·x_i", "residual r_i", "r_i²"}, rows, 5, total);
    }

    /** L over a grid of (φ0, φ1) for a heat map: {@code model.lossSurface(-2, 2, 41, -2, 2, 41)}. */
    public LossSurface lossSurface(double phi0From, double phi0To, int n0, double phi1From, double phi1To, int n1) {
        return LossSurface.of(this::loss, phi0From, phi0To, n0, phi1From, phi1To, n1)
                .titled("Least-squares loss L[φ0, φ1]");
    }
}

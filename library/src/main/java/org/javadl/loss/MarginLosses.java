package org.javadl.loss;

import org.javadl.activation.Activations;

/**
 * Losses of a margin t = y·f(x) (label y ∈ {−1, +1}), as in homework 003 problem 3:
 * hinge max(0, 1 − t), logistic ln(1 + e^(−t)) and the smooth hinge h*(t) = ln(1 + e^(1 − t)) = l(t − 1).
 * All use the stable softplus(u) = ln(1 + e^u) = max(u, 0) + ln(1 + e^(−|u|)), so t = ±1000 is fine.
 * Example: {@code logistic(0)} = ln 2.
 */
public final class MarginLosses {
    private MarginLosses() {
    }

    /** softplus(u) = ln(1 + e^u), without overflow. Example: {@code softplus(1000) == 1000}. */
    public static double softplus(double u) {
        return Math.max(u, 0) + Math.log1p(Math.exp(-Math.abs(u)));
    }

    /** The hinge max(0, 1 − t). Example: {@code hinge(0.5) == 0.5}. */
    public static double hinge(double t) {
        return Math.max(0, 1 - t);
    }

    /** d/dt max(0, 1 − t) = −1 for t &lt; 1, else 0. */
    public static double hingeDerivative(double t) {
        return t < 1 ? -1 : 0;
    }

    /** l(t) = ln(1 + e^(−t)). Example: {@code logistic(0)} = ln 2. */
    public static double logistic(double t) {
        return softplus(-t);
    }

    /** l'(t) = −σ(−t) = −1/(1 + e^t). Example: {@code logisticDerivative(0) == -0.5}. */
    public static double logisticDerivative(double t) {
        return -Activations.sigmoid(-t);
    }

    /** h*(t) = ln(1 + e^(1 − t)). Example: {@code smoothHinge(1)} = ln 2. */
    public static double smoothHinge(double t) {
        return softplus(1 - t);
    }

    /** h*'(t) = −σ(1 − t). Example: {@code smoothHingeDerivative(1) == -0.5}. */
    public static double smoothHingeDerivative(double t) {
        return -Activations.sigmoid(1 - t);
    }
}

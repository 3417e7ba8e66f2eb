package org.javadl.nn;

import org.javadl.graph.Graph;
import org.javadl.graph.Value;

/**
 * The 1-D, bias-free three-layer network of homework 002 problem 2, built on the graph API so
 * every intermediate and its adjoint can be traced:
 * <ul>
 *   <li>{@link #classifier}: y = σ(w3·σ(w2·σ(w1·x))) with cross-entropy
 *       L = −(ŷ ln y + (1 − ŷ) ln(1 − y)) (problem 2b);</li>
 *   <li>{@link #regressor}: y = w3·σ(w2·σ(w1·x)) with L = (y − ŷ)² (problem 2d).</li>
 * </ul>
 * Node names: z1 = w1·x, h1 = σ(z1), z2 = w2·h1, h2 = σ(z2), z3 = w3·h2, then y, and L.
 *
 * <p>Example: {@code ThreeLayerNet.classifier(0.25, -0.11, 0.78).pass(0.63, 1).dLdw(1)}.
 */
public final class ThreeLayerNet {
    /** Which head and loss the network has. */
    public enum Kind {
        /** Sigmoid output and binary cross-entropy. */
        CLASSIFIER,
        /** Linear output and squared error. */
        REGRESSOR
    }

    private final Kind kind;
    private final double w1;
    private final double w2;
    private final double w3;

    private ThreeLayerNet(Kind kind, double w1, double w2, double w3) {
        this.kind = kind;
        this.w1 = w1;
        this.w2 = w2;
        this.w3 = w3;
    }

    /** y = σ(w3·σ(w2·σ(w1·x))), cross-entropy loss: {@code ThreeLayerNet.classifier(0.2, -0.1, 0.7)}. */
    public static ThreeLayerNet classifier(double w1, double w2, double w3) {
        return new ThreeLayerNet(Kind.CLASSIFIER, w1, w2, w3);
    }

    /** y = w3·σ(w2·σ(w1·x)), loss (y − ŷ)²: {@code ThreeLayerNet.regressor(0.2, -0.1, 0.7)}. */
    public static ThreeLayerNet regressor(double w1, double w2, double w3) {
        return new ThreeLayerNet(Kind.REGRESSOR, w1, w2, w3);
    }

    /** CLASSIFIER or REGRESSOR. */
    public Kind kind() {
        return kind;
    }

    /** The weights {w1, w2, w3}. */
    public double[] weights() {
        return new double[] {w1, w2, w3};
    }

    /**
     * Forward and backward pass on one sample (x, ŷ): builds the graph, runs reverse mode and
     * returns all intermediates and gradients. For the classifier ŷ must be in [0, 1].
     * Example: {@code net.pass(0.63, 1).toText()}.
     */
    public NetPass pass(double x, double target) {
        if (kind == Kind.CLASSIFIER && !(target >= 0 && target <= 1)) {
            throw new IllegalArgumentException("cross-entropy needs a target in [0, 1], got " + target);
        }
        Value vw1 = Value.variable("w1", w1);
        Value vw2 = Value.variable("w2", w2);
        Value vw3 = Value.variable("w3", w3);
        Value vx = Value.constant(x).named("x");
        Value z1 = vw1.mul(vx).named("z1");
        Value h1 = z1.sigmoid().named("h1");
        Value z2 = vw2.mul(h1).named("z2");
        Value h2 = z2.sigmoid().named("h2");
        Value z3 = vw3.mul(h2).named("z3");
        Value y;
        Value loss;
        if (kind == Kind.CLASSIFIER) {
            y = z3.sigmoid().named("y");
            // Leave out a term whose coefficient is 0, so ŷ = 1 with y = 1 gives 0, not 0·ln 0 = NaN.
            Value sum = null;
            if (target != 0) {
                sum = y.log().mul(target);
            }
            if (target != 1) {
                Value t = Value.sub(1, y).log().mul(1 - target);
                sum = sum == null ? t : sum.add(t);
            }
            loss = sum.neg().named("L");
        } else {
            y = z3; // the regressor's output is z3 itself
            loss = y.sub(target).square().named("L");
        }
        Graph g = loss.backward();
        return new NetPass(this, x, target, g, new Value[] {z1, h1, z2, h2, z3, y, loss}, new Value[] {vw1, vw2, vw3});
    }

    /** The same network with new weights (for a training loop): {@code net.withWeights(w)}. */
    public ThreeLayerNet withWeights(double w1, double w2, double w3) {
        return new ThreeLayerNet(kind, w1, w2, w3);
    }

    @Override
    public String toString() {
        return (kind == Kind.CLASSIFIER ? "y = σ(w3·σ(w2·σ(w1·x))), cross-entropy" : "y = w3·σ(w2·σ(w1·x)), (y − ŷ)²")
                + " with w1 = " + w1 + ", w2 = " + w2 + ", w3 = " + w3;
    }
}

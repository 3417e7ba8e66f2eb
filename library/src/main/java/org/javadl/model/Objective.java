package org.javadl.model;

/**
 * A differentiable loss L(φ) of a parameter vector, as gradient descent needs it.
 * {@link LinearRegression} and {@link LogisticRegression} are objectives.
 *
 * <p>Example: {@code Objective bowl = Objective.of(p -> p[0] * p[0], p -> new double[] {2 * p[0]});}
 */
public interface Objective {

    /** L(φ). */
    double loss(double[] phi);

    /** ∂L/∂φ, one entry per parameter. */
    double[] gradient(double[] phi);

    /** Number of parameters φ has. */
    int parameterCount();

    /** An objective from two functions: {@code Objective.of(2, lossFn, gradFn)}. */
    static Objective of(int parameterCount, java.util.function.ToDoubleFunction<double[]> loss,
                        java.util.function.UnaryOperator<double[]> gradient) {
        if (parameterCount < 1) {
            throw new IllegalArgumentException("an objective needs at least one parameter, got " + parameterCount);
        }
        return new Objective() {
            @Override
            public double loss(double[] phi) {
                return loss.applyAsDouble(phi);
            }

            @Override
            public double[] gradient(double[] phi) {
                return gradient.apply(phi);
            }

            @Override
            public int parameterCount() {
                return parameterCount;
            }
        };
    }
}

package org.javadl.activation;

import java.util.function.DoubleUnaryOperator;

/** An activation defined by a pair of functions; the fixed activations in {@link Activations} use it. */
final class Simple implements Activation {
    private final String name;
    private final String range;
    private final String formula;
    private final String derivativeFormula;
    private final DoubleUnaryOperator f;
    private final DoubleUnaryOperator df;

    Simple(String name, String range, String formula, String derivativeFormula, DoubleUnaryOperator f,
            DoubleUnaryOperator df) {
        this.name = name;
        this.range = range;
        this.formula = formula;
        this.derivativeFormula = derivativeFormula;
        this.f = f;
        this.df = df;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public double value(double x) {
        return f.applyAsDouble(x);
    }

    @Override
    public double derivative(double x) {
        return df.applyAsDouble(x);
    }

    @Override
    public String range() {
        return range;
    }

    @Override
    public String formula() {
        return formula;
    }

    @Override
    public String derivativeFormula() {
        return derivativeFormula;
    }

    @Override
    public String toString() {
        return toText();
    }
}

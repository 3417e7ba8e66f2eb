package org.javadl.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every graph operation: its value, and its gradient against finite differences (both modes). */
class ValueOpsTest {

    static Stream<Arguments> ops() {
        return Stream.of(
                op("add", v -> v[0].add(v[1]), 0.3, -1.7),
                op("sub", v -> v[0].sub(v[1]), 0.3, -1.7),
                op("mul", v -> v[0].mul(v[1]), 0.3, -1.7),
                op("div", v -> v[0].div(v[1]), 0.3, -1.7),
                op("pow(Value)", v -> v[0].pow(v[1]), 1.3, 0.7),
                op("pow(double)", v -> v[0].pow(3.5), 1.3),
                op("neg", v -> v[0].neg(), 0.4),
                op("exp", v -> v[0].exp(), 0.4),
                op("log", v -> v[0].log(), 2.5),
                op("sin", v -> v[0].sin(), 0.9),
                op("cos", v -> v[0].cos(), 0.9),
                op("tanh", v -> v[0].tanh(), -0.6),
                op("sigmoid", v -> v[0].sigmoid(), -0.6),
                op("relu+", v -> v[0].relu(), 0.8),
                op("relu-", v -> v[0].relu(), -0.8),
                op("square", v -> v[0].square(), -1.1),
                op("add(double)", v -> v[0].add(2), 0.5),
                op("sub(double)", v -> v[0].sub(2), 0.5),
                op("mul(double)", v -> v[0].mul(-3), 0.5),
                op("div(double)", v -> v[0].div(4), 0.5),
                op("static double-first", v -> Value.add(1, Value.sub(2, Value.mul(3, Value.div(4, v[0])))), 0.7),
                op("static pow", v -> Value.add(Value.pow(2, v[0]), Value.pow(v[0], v[1])), 1.2, 0.4),
                op("static unary", v -> Value.square(Value.sigmoid(Value.tanh(Value.relu(
                        Value.cos(Value.sin(Value.log(Value.exp(Value.neg(v[0]))))))))), 0.3),
                op("composite", v -> v[0].mul(v[1]).sin().add(v[0].div(v[1].square().add(1)).exp())
                        .sub(v[1].tanh().mul(v[0].sigmoid())), 0.2, -0.9),
                op("shared x·x", v -> v[0].mul(v[0]), -1.4),
                op("shared x+x", v -> v[0].add(v[0]), -1.4),
                op("shared x/x+x^x", v -> v[0].div(v[0]).add(v[0].pow(v[0])), 1.4));
    }

    private static Arguments op(String name, Function<Value[], Value> f, double... x) {
        return Arguments.of(name, f, x);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ops")
    void gradientMatchesFiniteDifferences(String name, Function<Value[], Value> f, double[] x) {
        GraphGradCheck c = GraphGradCheck.check(f, x);
        assertTrue(c.passed(), () -> name + "\n" + c.toText());
    }

    @Test
    void valuesAreTheFunctions() {
        Value x = Value.of(0.7);
        Value y = Value.of(-1.3);
        assertEquals(0.7 - 1.3, x.add(y).data(), 1e-15);
        assertEquals(0.7 + 1.3, x.sub(y).data(), 1e-15);
        assertEquals(0.7 * -1.3, x.mul(y).data(), 1e-15);
        assertEquals(0.7 / -1.3, x.div(y).data(), 1e-15);
        assertEquals(Math.pow(0.7, 2.5), x.pow(2.5).data(), 1e-15);
        assertEquals(Math.exp(0.7), x.exp().data(), 1e-15);
        assertEquals(Math.log(0.7), x.log().data(), 1e-15);
        assertEquals(Math.sin(0.7), x.sin().data(), 1e-15);
        assertEquals(Math.cos(0.7), x.cos().data(), 1e-15);
        assertEquals(Math.tanh(0.7), x.tanh().data(), 1e-15);
        assertEquals(1 / (1 + Math.exp(1.3)), y.sigmoid().data(), 1e-15);
        assertEquals(0, y.relu().data());
        assertEquals(0.49, x.square().data(), 1e-15);
        // The sigmoid must not overflow for large negative inputs.
        assertEquals(0, Value.of(-1000).sigmoid().data(), 1e-300);
        assertEquals(1, Value.of(1000).sigmoid().data());
    }

    @Test
    void handDerivedGradients() {
        // d/dx (x·x) = 2x = 6 at x = 3; d/dx (x + x) = 2; d/dx relu(x) at 0 is 0 by convention.
        Value x = Value.of(3);
        x.mul(x).backward();
        assertEquals(6, x.grad());
        x.add(x).backward();
        assertEquals(2, x.grad());
        Value z = Value.of(0);
        z.relu().backward();
        assertEquals(0, z.grad());
        // d/dx log(sigmoid(x)) = 1 − σ(x) = 1/2 at x = 0.
        Value w = Value.of(0);
        w.sigmoid().log().backward();
        assertEquals(0.5, w.grad(), 1e-15);
    }

    @Test
    void badArguments() {
        Value x = Value.of(1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> x.add((Value) null));
        assertTrue(e.getMessage().contains("null"));
        assertThrows(IllegalStateException.class, () -> x.exp().set(2));
        assertThrows(IllegalStateException.class, () -> Value.constant(2).set(3));
        assertThrows(IllegalArgumentException.class, () -> Graph.of(null));
        assertThrows(IllegalArgumentException.class, () -> x.exp().forward(Value.of(2)));
        assertThrows(IllegalArgumentException.class, () -> GraphGradCheck.check(v -> v[0]));
    }

    @Test
    void toStringIsOneLine() {
        Value x = Value.variable("x", 2);
        Value f = x.exp().named("f1");
        assertEquals(f.toText(), f.toString());
        assertTrue(f.toString().startsWith("f1 = exp(x) = 7.38906"), f.toString());
    }
}

package org.javadl.graph;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.javadl.show.Showable;

/**
 * A scalar node of a computational graph (a DAG): a value, the operation that produced it, and
 * its inputs. Every arithmetic call creates a new node, so an expression such as
 * {@code x.exp().add(x.exp().square())} builds the graph as it computes.
 *
 * <p>Each node carries three numbers:
 * <ul>
 *   <li>{@link #data()} — its value, computed when the node is created (or by {@link Graph#evaluate()});</li>
 *   <li>{@link #grad()} — the adjoint ∂y/∂node after {@code y.backward()} (reverse mode);</li>
 *   <li>{@link #tangent()} — ∂node/∂x after {@code y.forward(x)} (forward mode, dual numbers).</li>
 * </ul>
 *
 * <p>Example (homework 004, problem 9):
 * <pre>{@code
 * Value x  = Value.variable("x", 0.5);
 * Value f1 = x.exp().named("f1");
 * Value f2 = f1.square().named("f2");
 * Value f3 = f1.add(f2).named("f3");
 * Value y  = f3.exp().named("f4").add(f3.sin().named("f5")).named("y");
 * y.backward();          // x.grad() is dy/dx
 * y.forward(x);          // y.tangent() is dy/dx again
 * }</pre>
 *
 * <p>Graph traversals are iterative (no recursion), so chains of millions of nodes work. They mark
 * visited nodes in a field, so one graph must not be traversed by two threads at once.
 */
public final class Value implements Showable {
    /** Visit stamps: every traversal takes two fresh numbers (open, done); see {@link Topo}. */
    static final AtomicLong EPOCH = new AtomicLong();

    final Op op;
    final Value a;
    final Value b;
    /** The constant exponent of {@link Op#POWC}; unused otherwise. */
    final double k;
    double data;
    double grad;
    double tangent;
    String name;
    long mark;

    private Value(Op op, Value a, Value b, double k, double data) {
        this.op = op;
        this.a = a;
        this.b = b;
        this.k = k;
        this.data = data;
    }

    // ---------------------------------------------------------------- leaves

    /** An unnamed input variable: {@code Value.of(0.5)}. */
    public static Value of(double v) {
        return new Value(Op.VAR, null, null, 0, v);
    }

    /** A named input variable: {@code Value.variable("x", 0.5)}. */
    public static Value variable(String name, double v) {
        return of(v).named(name);
    }

    /** A constant leaf (its adjoint is computed but it cannot be {@link #set}): {@code Value.constant(2)}. */
    public static Value constant(double v) {
        return new Value(Op.CONST, null, null, 0, v);
    }

    private static Value unary(Op op, Value a, double k) {
        Value v = new Value(op, a, null, k, 0);
        v.data = v.compute();
        return v;
    }

    private static Value binary(Op op, Value a, Value b) {
        Value v = new Value(op, a, b, 0, 0);
        v.data = v.compute();
        return v;
    }

    private static Value req(Value v, String what) {
        if (v == null) {
            throw new IllegalArgumentException(what + " must not be null");
        }
        return v;
    }

    // ---------------------------------------------------------------- instance operations

    /** this + o: {@code x.add(y)}. */
    public Value add(Value o) {
        return binary(Op.ADD, this, req(o, "operand"));
    }

    /** this + c (c becomes a constant node): {@code x.add(1)}. */
    public Value add(double c) {
        return add(constant(c));
    }

    /** this − o: {@code x.sub(y)}. */
    public Value sub(Value o) {
        return binary(Op.SUB, this, req(o, "operand"));
    }

    /** this − c: {@code x.sub(1)}. */
    public Value sub(double c) {
        return sub(constant(c));
    }

    /** this × o: {@code x.mul(y)}. */
    public Value mul(Value o) {
        return binary(Op.MUL, this, req(o, "operand"));
    }

    /** this × c: {@code x.mul(3)}. */
    public Value mul(double c) {
        return mul(constant(c));
    }

    /** this ÷ o: {@code x.div(y)}. */
    public Value div(Value o) {
        return binary(Op.DIV, this, req(o, "operand"));
    }

    /** this ÷ c: {@code x.div(2)}. */
    public Value div(double c) {
        return div(constant(c));
    }

    /** this^o, both in the graph; ∂/∂this = o·this^(o−1), ∂/∂o = this^o·ln(this): {@code x.pow(y)}. */
    public Value pow(Value o) {
        return binary(Op.POW, this, req(o, "exponent"));
    }

    /** this^k for a constant k; derivative k·this^(k−1): {@code x.pow(3)}. */
    public Value pow(double k) {
        return unary(Op.POWC, this, k);
    }

    /** −this: {@code x.neg()}. */
    public Value neg() {
        return unary(Op.NEG, this, 0);
    }

    /** e^this; derivative e^this: {@code x.exp()}. */
    public Value exp() {
        return unary(Op.EXP, this, 0);
    }

    /** Natural logarithm ln(this); derivative 1/this: {@code x.log()}. */
    public Value log() {
        return unary(Op.LOG, this, 0);
    }

    /** sin(this); derivative cos(this): {@code x.sin()}. */
    public Value sin() {
        return unary(Op.SIN, this, 0);
    }

    /** cos(this); derivative −sin(this): {@code x.cos()}. */
    public Value cos() {
        return unary(Op.COS, this, 0);
    }

    /** tanh(this); derivative 1 − tanh²(this): {@code x.tanh()}. */
    public Value tanh() {
        return unary(Op.TANH, this, 0);
    }

    /** σ(this) = 1/(1+e^−this); derivative σ(1−σ): {@code x.sigmoid()}. */
    public Value sigmoid() {
        return unary(Op.SIGMOID, this, 0);
    }

    /** max(0, this); derivative 1 for this &gt; 0, else 0 (also at 0): {@code x.relu()}. */
    public Value relu() {
        return unary(Op.RELU, this, 0);
    }

    /** this²; derivative 2·this: {@code x.square()}. */
    public Value square() {
        return unary(Op.SQUARE, this, 0);
    }

    // ---------------------------------------------------------------- static operations

    /** a + b: {@code Value.add(x, y)}. */
    public static Value add(Value a, Value b) {
        return req(a, "a").add(b);
    }

    /** a + c: {@code Value.add(x, 1)}. */
    public static Value add(Value a, double c) {
        return req(a, "a").add(c);
    }

    /** c + a: {@code Value.add(1, x)}. */
    public static Value add(double c, Value a) {
        return constant(c).add(req(a, "a"));
    }

    /** a − b: {@code Value.sub(x, y)}. */
    public static Value sub(Value a, Value b) {
        return req(a, "a").sub(b);
    }

    /** a − c: {@code Value.sub(x, 1)}. */
    public static Value sub(Value a, double c) {
        return req(a, "a").sub(c);
    }

    /** c − a: {@code Value.sub(1, x)}. */
    public static Value sub(double c, Value a) {
        return constant(c).sub(req(a, "a"));
    }

    /** a × b: {@code Value.mul(x, y)}. */
    public static Value mul(Value a, Value b) {
        return req(a, "a").mul(b);
    }

    /** a × c: {@code Value.mul(x, 2)}. */
    public static Value mul(Value a, double c) {
        return req(a, "a").mul(c);
    }

    /** c × a: {@code Value.mul(2, x)}. */
    public static Value mul(double c, Value a) {
        return constant(c).mul(req(a, "a"));
    }

    /** a ÷ b: {@code Value.div(x, y)}. */
    public static Value div(Value a, Value b) {
        return req(a, "a").div(b);
    }

    /** a ÷ c: {@code Value.div(x, 2)}. */
    public static Value div(Value a, double c) {
        return req(a, "a").div(c);
    }

    /** c ÷ a: {@code Value.div(1, x)}. */
    public static Value div(double c, Value a) {
        return constant(c).div(req(a, "a"));
    }

    /** a^b: {@code Value.pow(x, y)}. */
    public static Value pow(Value a, Value b) {
        return req(a, "a").pow(b);
    }

    /** a^k: {@code Value.pow(x, 2)}. */
    public static Value pow(Value a, double k) {
        return req(a, "a").pow(k);
    }

    /** c^a (constant base): {@code Value.pow(2, x)}. */
    public static Value pow(double c, Value a) {
        return constant(c).pow(req(a, "a"));
    }

    /** e^a: {@code Value.exp(x)}. */
    public static Value exp(Value a) {
        return req(a, "a").exp();
    }

    /** ln a: {@code Value.log(x)}. */
    public static Value log(Value a) {
        return req(a, "a").log();
    }

    /** sin a: {@code Value.sin(x)}. */
    public static Value sin(Value a) {
        return req(a, "a").sin();
    }

    /** cos a: {@code Value.cos(x)}. */
    public static Value cos(Value a) {
        return req(a, "a").cos();
    }

    /** tanh a: {@code Value.tanh(x)}. */
    public static Value tanh(Value a) {
        return req(a, "a").tanh();
    }

    /** σ(a): {@code Value.sigmoid(x)}. */
    public static Value sigmoid(Value a) {
        return req(a, "a").sigmoid();
    }

    /** max(0, a): {@code Value.relu(x)}. */
    public static Value relu(Value a) {
        return req(a, "a").relu();
    }

    /** a²: {@code Value.square(x)}. */
    public static Value square(Value a) {
        return req(a, "a").square();
    }

    /** −a: {@code Value.neg(x)}. */
    public static Value neg(Value a) {
        return req(a, "a").neg();
    }

    // ---------------------------------------------------------------- the numbers

    /** Computes this node's value from its inputs' current values (leaves return their own). */
    double compute() {
        return switch (op) {
            case VAR, CONST -> data;
            case ADD -> a.data + b.data;
            case SUB -> a.data - b.data;
            case MUL -> a.data * b.data;
            case DIV -> a.data / b.data;
            case POW -> Math.pow(a.data, b.data);
            case POWC -> k == 2 ? a.data * a.data : Math.pow(a.data, k);
            case NEG -> -a.data;
            case EXP -> Math.exp(a.data);
            case LOG -> Math.log(a.data);
            case SIN -> Math.sin(a.data);
            case COS -> Math.cos(a.data);
            case TANH -> Math.tanh(a.data);
            // Two branches so that e^(−x) never overflows to infinity.
            case SIGMOID -> a.data >= 0 ? 1 / (1 + Math.exp(-a.data)) : Math.exp(a.data) / (1 + Math.exp(a.data));
            case RELU -> a.data > 0 ? a.data : 0;
            case SQUARE -> a.data * a.data;
        };
    }

    /**
     * The local derivative ∂this/∂input_i at the current values. Uses this node's own value where
     * the derivative can be written with it (exp, tanh, sigmoid), which is both cheaper and what the
     * homework writes.
     */
    double local(int i) {
        return switch (op) {
            case VAR, CONST -> 0;
            case ADD -> 1;
            case SUB -> i == 0 ? 1 : -1;
            case MUL -> i == 0 ? b.data : a.data;
            case DIV -> i == 0 ? 1 / b.data : -a.data / (b.data * b.data);
            case POW -> i == 0 ? b.data * Math.pow(a.data, b.data - 1)
                    : (data == 0 ? 0 : data * Math.log(a.data));
            case POWC -> k * Math.pow(a.data, k - 1);
            case NEG -> -1;
            case EXP -> data;
            case LOG -> 1 / a.data;
            case SIN -> Math.cos(a.data);
            case COS -> -Math.sin(a.data);
            case TANH -> 1 - data * data;
            case SIGMOID -> data * (1 - data);
            case RELU -> a.data > 0 ? 1 : 0;
            case SQUARE -> 2 * a.data;
        };
    }

    /** Reverse-mode step: adds this node's adjoint, times each local derivative, to its inputs. */
    void pushAdjoint() {
        switch (op.arity()) {
            case 1 -> a.grad += grad * local(0);
            case 2 -> {
                // Read both locals before writing: a and b may be the same node (x·x).
                double la = local(0);
                double lb = local(1);
                a.grad += grad * la;
                b.grad += grad * lb;
            }
            default -> {
            }
        }
    }

    /** Forward-mode step: this node's tangent from its inputs' tangents (dual-number rule). */
    void pullTangent() {
        switch (op.arity()) {
            case 1 -> tangent = local(0) * a.tangent;
            case 2 -> tangent = local(0) * a.tangent + local(1) * b.tangent;
            default -> {
            }
        }
    }

    // ---------------------------------------------------------------- differentiation

    /**
     * Reverse mode: sets every node's adjoint ∂this/∂node, visiting nodes in reverse topological
     * order. All adjoints in this graph are reset to 0 first, so calling it twice gives the same
     * gradients (it does not accumulate). Iterative: a 100,000-node chain is fine.
     * Example: {@code y.backward(); double dydx = x.grad();}
     *
     * @return the graph of this node (for a trace or a drawing)
     */
    public Graph backward() {
        return Graph.of(this).backward();
    }

    /**
     * Forward mode: sets every node's tangent ∂node/∂x with x's tangent seeded to 1 and all other
     * leaves to 0, visiting nodes in topological order. Example: {@code y.forward(x); y.tangent()}.
     *
     * @param x an input of this graph (a node of it, usually a variable)
     * @return the graph of this node
     */
    public Graph forward(Value x) {
        return Graph.of(this).forward(x);
    }

    /** The graph of everything this node depends on, in evaluation order: {@code y.graph().toSvg()}. */
    public Graph graph() {
        return Graph.of(this);
    }

    /** A trace table of this node's graph (values, adjoints, tangents): {@code y.trace()}. */
    public GraphTrace trace() {
        return Graph.of(this).trace();
    }

    // ---------------------------------------------------------------- accessors

    /** Gives the node a name for traces and drawings, and returns it: {@code x.exp().named("f1")}. */
    public Value named(String name) {
        this.name = name;
        return this;
    }

    /** The name given with {@link #named}, or null. */
    public String name() {
        return name;
    }

    /** The node's value. */
    public double data() {
        return data;
    }

    /** Same as {@link #data()}. */
    public double value() {
        return data;
    }

    /** The adjoint ∂y/∂this from the last {@code y.backward()} (0 before). */
    public double grad() {
        return grad;
    }

    /** Same as {@link #grad()}: the adjoint ∂y/∂this. */
    public double adjoint() {
        return grad;
    }

    /** The tangent ∂this/∂x from the last {@code y.forward(x)} (0 before). */
    public double tangent() {
        return tangent;
    }

    /** The operation that made this node. */
    public Op op() {
        return op;
    }

    /** The constant exponent k of {@code pow(k)} (NaN for other operations). */
    public double exponent() {
        return op == Op.POWC ? k : Double.NaN;
    }

    /** The input nodes (empty for leaves). */
    public List<Value> inputs() {
        return switch (op.arity()) {
            case 1 -> List.of(a);
            case 2 -> List.of(a, b);
            default -> List.of();
        };
    }

    /**
     * Changes the value of an input variable. Nodes computed from it keep their old values until
     * {@link Graph#evaluate()} recomputes them: {@code w.set(0.3); loss.graph().evaluate();}.
     */
    public Value set(double v) {
        if (op != Op.VAR) {
            throw new IllegalStateException("only input variables can be set; this node is " + op
                    + (name == null ? "" : " '" + name + "'"));
        }
        data = v;
        return this;
    }

    /** One line, e.g. {@code f1 = exp(x) = 1.64872  [∂y/∂· = 44.1, tangent 0]}; never recursive. */
    @Override
    public String toText() {
        String self = name != null ? name : (op == Op.CONST ? Fmt.num(data) : "value");
        StringBuilder s = new StringBuilder(self);
        if (!op.isLeaf()) {
            s.append(" = ").append(op == Op.POWC ? "pow" : op.name().toLowerCase()).append('(');
            s.append(shortLabel(a));
            if (op == Op.POWC) {
                s.append(", ").append(Fmt.num(k));
            } else if (b != null) {
                s.append(", ").append(shortLabel(b));
            }
            s.append(')');
        }
        s.append(" = ").append(Fmt.num(data));
        s.append("  (grad ").append(Fmt.num(grad)).append(", tangent ").append(Fmt.num(tangent)).append(')');
        return s.toString();
    }

    private static String shortLabel(Value v) {
        if (v.name != null) {
            return v.name;
        }
        return v.op.isLeaf() ? Fmt.num(v.data) : "…";
    }

    @Override
    public String toString() {
        return toText();
    }
}

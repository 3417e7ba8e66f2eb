package org.javadl.graph;

/**
 * The operation that produced a {@link Value}. Each operation knows its arity, a short symbol for
 * tables, and how to write its local derivative symbolically (for chain-rule explanations).
 */
public enum Op {
    /** A variable (an input of the graph, its value can be changed with {@link Value#set}). */
    VAR("input", 0),
    /** A constant leaf (e.g. the {@code 2} in {@code x.add(2)}). */
    CONST("const", 0),
    ADD("+", 2),
    SUB("−", 2),
    MUL("×", 2),
    DIV("÷", 2),
    /** a^b with both a and b graph values. */
    POW("pow", 2),
    /** a^k with a constant exponent k. */
    POWC("pow", 1),
    NEG("neg", 1),
    EXP("exp", 1),
    LOG("log", 1),
    SIN("sin", 1),
    COS("cos", 1),
    TANH("tanh", 1),
    SIGMOID("σ", 1),
    RELU("relu", 1),
    SQUARE("square", 1);

    private final String symbol;
    private final int arity;

    Op(String symbol, int arity) {
        this.symbol = symbol;
        this.arity = arity;
    }

    /** A short symbol for tables, e.g. {@code "exp"} or {@code "+"}. */
    public String symbol() {
        return symbol;
    }

    /** Number of graph inputs (0 for leaves). */
    public int arity() {
        return arity;
    }

    /** True for {@link #VAR} and {@link #CONST}. */
    public boolean isLeaf() {
        return arity == 0;
    }

    /**
     * The local derivative ∂(this op)/∂(input i) written symbolically in plain text, e.g.
     * {@code "cos(f3)"} for {@code sin} or {@code "2·f1"} for {@code square}.
     *
     * @param i input index (0 or 1)
     * @param a label of the first input
     * @param b label of the second input (ignored for unary ops)
     * @param k the constant exponent of {@link #POWC}
     */
    String localText(int i, String a, String b, double k) {
        return switch (this) {
            case VAR, CONST -> "0";
            case ADD -> "1";
            case SUB -> i == 0 ? "1" : "(−1)";
            case MUL -> i == 0 ? b : a;
            case DIV -> i == 0 ? "1/" + b : "(−" + a + "/" + b + "²)";
            case POW -> i == 0 ? b + "·" + a + "^(" + b + "−1)" : a + "^" + b + "·log(" + a + ")";
            case POWC -> Fmt.num(k) + "·" + a + "^" + Fmt.num(k - 1);
            case NEG -> "(−1)";
            case EXP -> "exp(" + a + ")";
            case LOG -> "1/" + a;
            case SIN -> "cos(" + a + ")";
            case COS -> "(−sin(" + a + "))";
            case TANH -> "(1−tanh²(" + a + "))";
            case SIGMOID -> "σ(" + a + ")(1−σ(" + a + "))";
            case RELU -> "[" + a + ">0]";
            case SQUARE -> "2·" + a;
        };
    }

    /** The same as {@link #localText} in LaTeX; a and b are LaTeX already. */
    String localLatex(int i, String a, String b, double k) {
        return switch (this) {
            case VAR, CONST -> "0";
            case ADD -> "1";
            case SUB -> i == 0 ? "1" : "(-1)";
            case MUL -> i == 0 ? b : a;
            case DIV -> i == 0 ? "\\frac{1}{" + b + "}" : "\\left(-\\frac{" + a + "}{" + b + "^{2}}\\right)";
            case POW -> i == 0 ? b + "\\," + a + "^{" + b + "-1}" : a + "^{" + b + "}\\ln " + a;
            case POWC -> Fmt.num(k) + "\\," + a + "^{" + Fmt.num(k - 1) + "}";
            case NEG -> "(-1)";
            case EXP -> "e^{" + a + "}";
            case LOG -> "\\frac{1}{" + a + "}";
            case SIN -> "\\cos(" + a + ")";
            case COS -> "(-\\sin(" + a + "))";
            case TANH -> "(1-\\tanh^{2}(" + a + "))";
            case SIGMOID -> "\\sigma(" + a + ")(1-\\sigma(" + a + "))";
            case RELU -> "\\mathbb{1}[" + a + ">0]";
            case SQUARE -> "2" + a;
        };
    }
}

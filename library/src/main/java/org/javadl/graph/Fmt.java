package org.javadl.graph;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/**
 * Number formatting shared by the "show the work" output of the graph, model and nn packages:
 * six significant digits, no trailing zeros, plain notation between 1e-4 and 1e7, otherwise
 * scientific. Always uses {@code .} as decimal separator, whatever the default locale.
 */
public final class Fmt {
    private Fmt() {
    }

    /** Formats with 6 significant digits, e.g. {@code num(1/3.0)} is {@code "0.333333"}, {@code num(2.0)} is {@code "2"}. */
    public static String num(double v) {
        return num(v, 6);
    }

    /** Formats with the given number of significant digits (1..17); {@code num(Math.PI, 3)} is {@code "3.14"}. */
    public static String num(double v, int digits) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "∞" : "−∞";
        }
        if (v == 0) {
            return "0";
        }
        double a = Math.abs(v);
        if (a >= 1e-4 && a < 1e7) {
            BigDecimal d = new BigDecimal(v).round(new MathContext(digits)).stripTrailingZeros();
            return d.toPlainString();
        }
        String s = String.format(Locale.ROOT, "%." + (digits - 1) + "e", v);
        int e = s.indexOf('e');
        String mant = s.substring(0, e);
        if (mant.contains(".")) {
            mant = mant.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        int exp = Integer.parseInt(s.substring(e + 1));
        return mant + "e" + exp;
    }

    /** The LaTeX form of {@link #num(double)}: {@code 1.5e-5} becomes {@code 1.5\times10^{-5}}. */
    public static String latex(double v) {
        String s = num(v);
        int e = s.indexOf('e');
        if (e < 0) {
            return s.replace("∞", "\\infty").replace("−", "-");
        }
        return s.substring(0, e) + "\\times10^{" + s.substring(e + 1) + "}";
    }

    /** A number wrapped in parentheses when negative, for products such as {@code 2·(−0.5)}. */
    static String factor(double v) {
        String s = num(v);
        return v < 0 ? "(" + s + ")" : s;
    }

    /** LaTeX variant of {@link #factor(double)}. */
    static String factorLatex(double v) {
        String s = latex(v);
        return v < 0 ? "(" + s + ")" : s;
    }

    /**
     * A node name in LaTeX: letters followed by digits get a subscript ({@code f3} → {@code f_{3}},
     * {@code w12} → {@code w_{12}}); single letters stay; anything else becomes {@code \mathrm{...}}.
     */
    public static String latexName(String name) {
        if (name.matches("[A-Za-z]+[0-9]+")) {
            int i = 0;
            while (Character.isLetter(name.charAt(i))) {
                i++;
            }
            return name.substring(0, i) + "_{" + name.substring(i) + "}";
        }
        if (name.matches("[A-Za-z]")) {
            return name;
        }
        if (name.matches("-?[0-9.eE+-]+")) {
            return name;
        }
        StringBuilder b = new StringBuilder("\\mathrm{");
        for (char c : name.toCharArray()) {
            if (c == '\\') {
                b.append('/'); // a backslash would start a LaTeX command
                continue;
            }
            if ("{}_^#$%&~".indexOf(c) >= 0) {
                b.append('\\');
            }
            b.append(c);
        }
        return b.append('}').toString();
    }
}

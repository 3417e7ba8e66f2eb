package org.javadl.autograd;

import org.javadl.activation.Activations;
import org.javadl.activation.Erf;
import org.javadl.tensor.Tensor;

/**
 * Element-wise functions y = f(x) with their derivatives f'(x) in one place. For such an op the
 * gradient and the tangent are the same product, f'(x)·v (v the output's gradient or the input's
 * tangent), so each function defines {@code value} and {@code slope} only. Each loop is written out per
 * function (not through a shared interface call per element) so that the JIT inlines it.
 * Example: {@code Pointwise.apply(Pointwise.Fn.TANH, x)}; its gradient is g·(1 − y²).
 */
public final class Pointwise {
    private Pointwise() {
    }

    /** The functions, each with its value and its derivative (from x and, where cheaper, from y). */
    public enum Fn {
        /** eˣ; derivative y. */
        EXP {
            @Override
            void values(double[] x, double[] y) {
                for (int i = 0; i < x.length; i++) {
                    y[i] = Math.exp(x[i]);
                }
            }

            @Override
            void slopes(double[] x, double[] y, double[] v, double[] out) {
                for (int i = 0; i < x.length; i++) {
                    out[i] = v[i] * y[i];
                }
            }
        },
        /** ln x; derivative 1/x. */
        LOG {
            @Override
            void values(double[] x, double[] y) {
                for (int i = 0; i < x.length; i++) {
                    y[i] = Math.log(x[i]);
                }
            }

            @Override
            void slopes(double[] x, double[] y, double[] v, double[] out) {
                for (int i = 0; i < x.length; i++) {
                    out[i] = v[i] / x[i];
                }
            }
        },
        /** √x; derivative 1/(2y). */
        SQRT {
            @Override
            void values(double[] x, double[] y) {
                for (int i = 0; i < x.length; i++) {
                    y[i] = Math.sqrt(x[i]);
                }
            }

            @Override
            void slopes(double[] x, double[] y, double[] v, double[] out) {
                for (int i = 0; i < x.length; i++) {
                    out[i] = v[i] / (2 * y[i]);
                }
            }
        },
        /** |x|; derivative sign(x) (0 at 0, as PyTorch). */
        ABS {
            @Override
            void values(double[] x, double[] y) {
                for (int i = 0; i < x.length; i++) {
                    y[i] = Math.abs(x[i]);
                }
            }

            @Override
            void slopes(double[] x, double[] y, double[] v, double[] out) {
                for (int i = 0; i < x.length; i++) {
                    out[i] = v[i] * Math.signum(x[i]);
                }
            }
        },
        /** sin x; derivative cos x. */
        SIN {
            @Override
            void values(double[] x, double[] y) {
                for (int i = 0; i < x.length; i++) {
                    y[i] = Math.sin(x[i]);
                }
            }

            @Override
            void slopes(double[] x, double[] y, double[] v, double[] out) {
                for (int i = 0; i < x.length; i++) {
                    out[i] = v[i] * Math.cos(x[i]);
                }
            }
        },
        /** cos x; derivative −sin x. */
        COS {
            @Override
            void values(double[] x, double[] y) {
                for (int i = 0; i < x.length; i++) {
                    y[i] = Math.cos(x[i]);
                }
            }

            @Override
            void slopes(double[] x, double[] y, double[] v, double[] out) {
                for (int i = 0; i < x.length; i++) {
                    out[i] = -v[i] * Math.sin(x[i]);
                }
            }
        },
        /** max(0, x); derivative 1 for x &gt; 0, else 0 (also at 0, as PyTorch; a NaN lets the gradient through, as there). */
        RELU {
            @Override
            void values(double[] x, double[] y) {
                for (int i = 0; i < x.length; i++) {
                    y[i] = Math.max(0, x[i]);
                }
            }

            @Override
            void slopes(double[] x, double[] y, double[] v, double[] out) {
                for (int i = 0; i < x.length; i++) {
                    // out = x > 0 ? v : 0 without a branch (x's sign is a coin toss, so a branch mispredicts
                    // half the time; this form is 5× faster): for the bits b of x, (−b & ~b) has its sign bit
                    // set exactly when b > 0 as a long, i.e. x > 0 (x = −0.0 included, NaN passes as in PyTorch)
                    long b = Double.doubleToRawLongBits(x[i]);
                    long keep = (-b & ~b) >> 63;
                    out[i] = Double.longBitsToDouble(Double.doubleToRawLongBits(v[i]) & keep);
                }
            }
        },
        /** σ(x) = 1/(1 + e^(−x)) without overflow; derivative y(1 − y). */
        SIGMOID {
            @Override
            void values(double[] x, double[] y) {
                for (int i = 0; i < x.length; i++) {
                    y[i] = Activations.sigmoid(x[i]);
                }
            }

            @Override
            void slopes(double[] x, double[] y, double[] v, double[] out) {
                for (int i = 0; i < x.length; i++) {
                    out[i] = v[i] * (1 - y[i]) * y[i];
                }
            }
        },
        /** tanh x; derivative 1 − y². */
        TANH {
            @Override
            void values(double[] x, double[] y) {
                for (int i = 0; i < x.length; i++) {
                    y[i] = Math.tanh(x[i]);
                }
            }

            @Override
            void slopes(double[] x, double[] y, double[] v, double[] out) {
                for (int i = 0; i < x.length; i++) {
                    out[i] = v[i] * (1 - y[i] * y[i]);
                }
            }
        },
        /** erf x; derivative (2/√π) e^(−x²). */
        ERF {
            @Override
            void values(double[] x, double[] y) {
                for (int i = 0; i < x.length; i++) {
                    y[i] = Erf.erf(x[i]);
                }
            }

            @Override
            void slopes(double[] x, double[] y, double[] v, double[] out) {
                for (int i = 0; i < x.length; i++) {
                    out[i] = v[i] * Erf.derivative(x[i]);
                }
            }
        },
        /**
         * GELU, exact (erf) form as PyTorch's default: x·Φ(x) with Φ(x) = (1 + erf(x/√2))/2; derivative
         * Φ(x) + x·φ(x), φ the standard normal density.
         */
        GELU {
            @Override
            void values(double[] x, double[] y) {
                for (int i = 0; i < x.length; i++) {
                    y[i] = x[i] * 0.5 * (1 + Erf.erf(x[i] * SQRT_HALF));
                }
            }

            @Override
            void slopes(double[] x, double[] y, double[] v, double[] out) {
                for (int i = 0; i < x.length; i++) {
                    double cdf = 0.5 * (1 + Erf.erf(x[i] * SQRT_HALF));
                    double pdf = INV_SQRT_2PI * Math.exp(-0.5 * x[i] * x[i]);
                    out[i] = v[i] * (cdf + x[i] * pdf);
                }
            }
        };

        private static final double SQRT_HALF = Math.sqrt(0.5);
        private static final double INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);

        /** y[i] = f(x[i]). */
        abstract void values(double[] x, double[] y);

        /** out[i] = f'(x[i])·v[i], given y = f(x). */
        abstract void slopes(double[] x, double[] y, double[] v, double[] out);

        String opName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** f(x) element-wise, recorded with gradient and tangent f'(x)·v. */
    public static Tensor apply(Fn f, Tensor x) {
        double[] xd = Raw.data(x);
        double[] yd = new double[xd.length];
        f.values(xd, yd);
        int[] shape = Raw.shape(x);
        Tensor y = Raw.make(yd, shape.clone());
        java.util.function.UnaryOperator<Tensor> slope = v -> {
            double[] out = new double[xd.length];
            f.slopes(xd, yd, Raw.data(v), out);
            return Raw.make(out, shape.clone());
        };
        return Record.unary(f.opName(), y, x, slope, slope);
    }

    /** Leaky ReLU: x for x &gt; 0, slope·x otherwise; derivative 1 or slope (PyTorch's rule at 0: slope). */
    public static Tensor leakyRelu(Tensor x, double slope) {
        double[] xd = Raw.data(x);
        double[] yd = new double[xd.length];
        for (int i = 0; i < xd.length; i++) {
            yd[i] = xd[i] > 0 ? xd[i] : slope * xd[i];
        }
        int[] shape = Raw.shape(x);
        java.util.function.UnaryOperator<Tensor> d = v -> {
            double[] vd = Raw.data(v);
            double[] out = new double[xd.length];
            for (int i = 0; i < xd.length; i++) {
                out[i] = xd[i] > 0 ? vd[i] : slope * vd[i];
            }
            return Raw.make(out, shape.clone());
        };
        return Record.unary("leakyRelu", Raw.make(yd, shape.clone()), x, d, d);
    }
}

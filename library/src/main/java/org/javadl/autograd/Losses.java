package org.javadl.autograd;

import java.util.Arrays;

import org.javadl.activation.Activations;
import org.javadl.tensor.Shapes;
import org.javadl.tensor.Tensor;

/**
 * Training losses on tensors with PyTorch's definitions and its default reduction (the mean):
 * <ul>
 * <li>{@link #crossEntropy}: −(1/N) Σₙ log softmax(zₙ)[yₙ] from logits (N, C) and class indices (N), one op
 * whose gradient is (softmax(z) − onehot(y))/N (as {@code F.cross_entropy});</li>
 * <li>{@link #bceWithLogits}: mean of max(z, 0) − z·y + ln(1 + e^(−|z|)), gradient (σ(z) − y)/n
 * (as {@code F.binary_cross_entropy_with_logits});</li>
 * <li>{@link #mse}: mean of (p − t)² (as {@code F.mse_loss});</li>
 * <li>{@link #multiMargin}: (1/N) Σₙ Σ_{c≠yₙ} max(0, 1 − zₙ[yₙ] + zₙ[c]) / C, the multi-class hinge
 * (as {@code F.multi_margin_loss});</li>
 * <li>{@link #hinge}: mean of max(0, 1 − y·s) for labels ±1 (the binary SVM loss).</li>
 * </ul>
 * Class indices are integers stored as doubles, as every tensor here holds doubles.
 */
public final class Losses {
    private Losses() {
    }

    /** Cross-entropy from logits (N, C) (or one row (C)) and class indices (N) (or a single index). */
    public static Tensor crossEntropy(Tensor logits, Tensor labels) {
        if (Raw.ndim(logits) == 1) {
            return crossEntropy(logits.reshape(1, -1), labels.reshape(1));
        }
        int[] s = Raw.shape(logits);
        if (s.length != 2) {
            throw new IllegalArgumentException("crossEntropy: logits must be (N, C), got shape " + Shapes.str(s));
        }
        int n = s[0];
        int c = s[1];
        int[] y = classes("crossEntropy", labels, n, c);
        Tensor lsm = Softmaxes.logSoftmax(Raw.plain(logits), 1);
        double[] l = Raw.data(lsm);
        double total = 0;
        for (int i = 0; i < n; i++) {
            total -= l[i * c + y[i]];
        }
        Tensor loss = Raw.make(new double[] {total / n}, new int[0]);
        Tensor p = lsm.exp();
        return Record.unary("crossEntropy", loss, logits, g -> {
            double scale = Raw.data(g)[0] / n;
            double[] pd = Raw.data(p);
            double[] out = new double[pd.length];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < c; j++) {
                    out[i * c + j] = (pd[i * c + j] - (j == y[i] ? 1 : 0)) * scale;
                }
            }
            return Raw.make(out, s.clone());
        }, t -> {
            double[] td = Raw.data(t);
            double[] pd = Raw.data(p);
            double sum = 0;
            for (int i = 0; i < n; i++) {
                double expected = 0;
                for (int j = 0; j < c; j++) {
                    expected += pd[i * c + j] * td[i * c + j];
                }
                sum += expected - td[i * c + y[i]];
            }
            return Raw.make(new double[] {sum / n}, new int[0]);
        });
    }

    /** The labels as class indices, checked: n integers in [0, c). */
    private static int[] classes(String op, Tensor labels, int n, int c) {
        double[] d = Raw.data(labels);
        if (d.length != n || Raw.ndim(labels) > 1) {
            throw new IllegalArgumentException(op + ": expected " + n + " class indices (shape [" + n + "]), got shape "
                    + Shapes.str(Raw.shape(labels)));
        }
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = (int) d[i];
            if (y[i] != d[i] || y[i] < 0 || y[i] >= c) {
                throw new IllegalArgumentException(op + ": label " + i + " is " + d[i] + ", not a class index in [0, "
                        + c + ")");
            }
        }
        return y;
    }

    /** Binary cross-entropy from logits z and targets y in [0, 1] of the same shape, averaged. */
    public static Tensor bceWithLogits(Tensor z, Tensor y) {
        if (!Arrays.equals(Raw.shape(z), Raw.shape(y))) {
            throw new IllegalArgumentException("bceWithLogits: logits shape " + Shapes.str(Raw.shape(z))
                    + " and targets shape " + Shapes.str(Raw.shape(y)) + " differ");
        }
        double[] zd = Raw.data(z);
        double[] yd = Raw.data(y);
        int n = zd.length;
        if (n == 0) {
            throw new IllegalArgumentException("bceWithLogits: empty input has no mean");
        }
        double total = 0;
        double[] residual = new double[n]; // σ(z) − y, the gradient with respect to z
        for (int i = 0; i < n; i++) {
            total += Math.max(zd[i], 0) - zd[i] * yd[i] + Math.log1p(Math.exp(-Math.abs(zd[i])));
            residual[i] = Activations.sigmoid(zd[i]) - yd[i];
        }
        Tensor loss = Raw.make(new double[] {total / n}, new int[0]);
        int[] s = Raw.shape(z);
        return Record.binary("bceWithLogits", loss, z, y, (g, need) -> {
            double scale = Raw.data(g)[0] / n;
            double[] gz = new double[n];
            double[] gy = new double[n];
            for (int i = 0; i < n; i++) {
                gz[i] = residual[i] * scale;
                gy[i] = -zd[i] * scale;
            }
            return new Tensor[] {Raw.make(gz, s.clone()), need[1] ? Raw.make(gy, s.clone()) : null};
        }, (tz, ty) -> {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += (tz == null ? 0 : residual[i] * Raw.data(tz)[i]) - (ty == null ? 0 : zd[i] * Raw.data(ty)[i]);
            }
            return Raw.make(new double[] {sum / n}, new int[0]);
        });
    }

    /** Mean squared error, mean of (p − t)² over all elements (shapes broadcast). */
    public static Tensor mse(Tensor prediction, Tensor target) {
        return prediction.sub(target).pow(2).meanAll();
    }

    /** The multi-class hinge with margin 1, divided by the number of classes and averaged over the batch. */
    public static Tensor multiMargin(Tensor scores, Tensor labels) {
        int[] s = Raw.shape(scores);
        if (s.length != 2) {
            throw new IllegalArgumentException("multiMargin: scores must be (N, C), got shape " + Shapes.str(s));
        }
        int n = s[0];
        int c = s[1];
        int[] y = classes("multiMargin", labels, n, c);
        double[] others = new double[n * c]; // 1 where c ≠ y: the correct class contributes no term
        double[] idx = new double[n];
        for (int i = 0; i < n; i++) {
            Arrays.fill(others, i * c, (i + 1) * c, 1);
            others[i * c + y[i]] = 0;
            idx[i] = y[i];
        }
        Tensor correct = scores.gather(1, Raw.make(idx, n, 1));
        Tensor margins = scores.sub(correct).add(1).relu().mul(Raw.make(others, n, c));
        return margins.sum(1).div(c).meanAll();
    }

    /** The binary hinge, mean of max(0, 1 − y·s) with labels y = ±1 (shapes broadcast). */
    public static Tensor hinge(Tensor scores, Tensor labels) {
        return scores.mul(labels).neg().add(1).relu().meanAll();
    }
}

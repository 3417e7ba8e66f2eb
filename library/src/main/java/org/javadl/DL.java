package org.javadl;

/**
 * The static facade that every notebook imports ({@code import static org.javadl.DL.*}), so that
 * cells read like the homework: {@code sigmoid(0.5)}, {@code softmax(v)},
 * {@code conv1d(x, w, Mode.FULL)}, {@code receptiveField(...)}, {@code tensor(...)}.
 *
 * <p>Every method here is a thin delegation to the class that owns the concept; see those for the
 * formulas and examples.
 */
public final class DL {
    private DL() {
    }

    /** The logistic sigmoid 1 / (1 + e^(-x)), computed without overflow for any x. */
    public static double sigmoid(double x) {
        return org.javadl.activation.Activations.sigmoid(x);
    }

    // --- tensors, activations, losses, convolution, checks (part 1) ---
    // Thin delegations; the owning classes (org.javadl.tensor/activation/loss/conv/check) document
    // the numerics. Names follow numpy/PyTorch so cells read like the homework.

    /** Convolution mode FULL (n + k − 1 outputs), for {@code convolve(x, w, FULL)}. */
    public static final org.javadl.conv.Mode FULL = org.javadl.conv.Mode.FULL;
    /** Convolution mode VALID (n − k + 1 outputs). */
    public static final org.javadl.conv.Mode VALID = org.javadl.conv.Mode.VALID;
    /** Convolution mode SAME (max(n, k) outputs, centred as numpy.convolve). */
    public static final org.javadl.conv.Mode SAME = org.javadl.conv.Mode.SAME;

    /** A 1-D tensor. Example: {@code tensor(1, 2, 3)}. */
    public static org.javadl.tensor.Tensor tensor(double... values) {
        return org.javadl.tensor.Tensor.of(values);
    }

    /** A matrix from rows. Example: {@code tensor(new double[][]{{1, 2}, {3, 4}})}. */
    public static org.javadl.tensor.Tensor tensor(double[][] rows) {
        return org.javadl.tensor.Tensor.of(rows);
    }

    /** A 3-D tensor (e.g. channels × height × width). Example: {@code tensor(new double[][][]{{{1}}})}. */
    public static org.javadl.tensor.Tensor tensor(double[][][] blocks) {
        return org.javadl.tensor.Tensor.of(blocks);
    }

    /** Values in row-major order with a shape. Example: {@code tensor(new double[]{1, 2, 3, 4}, 2, 2)}. */
    public static org.javadl.tensor.Tensor tensor(double[] data, int... shape) {
        return org.javadl.tensor.Tensor.of(data, shape);
    }

    /** Zeros of a shape. Example: {@code zeros(2, 3)}. */
    public static org.javadl.tensor.Tensor zeros(int... shape) {
        return org.javadl.tensor.Tensor.zeros(shape);
    }

    /** Ones of a shape. Example: {@code ones(3)}. */
    public static org.javadl.tensor.Tensor ones(int... shape) {
        return org.javadl.tensor.Tensor.ones(shape);
    }

    /** The n × n identity. Example: {@code eye(3)}. */
    public static org.javadl.tensor.Tensor eye(int n) {
        return org.javadl.tensor.Tensor.eye(n);
    }

    /** [0, 1, …, stop − 1]. Example: {@code arange(4)} is [0, 1, 2, 3]. */
    public static org.javadl.tensor.Tensor arange(double stop) {
        return org.javadl.tensor.Tensor.arange(stop);
    }

    /** start, start + step, … below stop (numpy). Example: {@code arange(0, 1, 0.5)} is [0, 0.5]. */
    public static org.javadl.tensor.Tensor arange(double start, double stop, double step) {
        return org.javadl.tensor.Tensor.arange(start, stop, step);
    }

    /** num evenly spaced points, both ends included. Example: {@code linspace(-5, 5, 11)}. */
    public static org.javadl.tensor.Tensor linspace(double start, double stop, int num) {
        return org.javadl.tensor.Tensor.linspace(start, stop, num);
    }

    /** N(0, 1) samples from a seed (SplittableRandom + Box–Muller). Example: {@code randn(42, 3, 2)}. */
    public static org.javadl.tensor.Tensor randn(long seed, int... shape) {
        return org.javadl.tensor.Tensor.randn(seed, shape);
    }

    /** N(mean, std²) samples from a seed. Example: {@code randn(1, -1.0, 1.0, new int[]{10})}. */
    public static org.javadl.tensor.Tensor randn(long seed, double mean, double std, int[] shape) {
        return org.javadl.tensor.Tensor.randn(seed, mean, std, shape);
    }

    /** σ(x) element-wise, differentiable. Example: {@code sigmoid(tensor(-1000, 0, 1000))} is [0, 0.5, 1]. */
    public static org.javadl.tensor.Tensor sigmoid(org.javadl.tensor.Tensor x) {
        return x.sigmoid();
    }

    /** σ'(x) = σ(x)(1 − σ(x)). Example: {@code sigmoidPrime(0) == 0.25}. */
    public static double sigmoidPrime(double x) {
        return org.javadl.activation.Activations.sigmoidPrime(x);
    }

    /** σ' element-wise. Example: {@code sigmoidPrime(tensor(0))} is [0.25]. */
    public static org.javadl.tensor.Tensor sigmoidPrime(org.javadl.tensor.Tensor x) {
        return org.javadl.activation.Activations.SIGMOID.gradient(x);
    }

    /** logit(p) = ln(p/(1 − p)), the inverse of σ. Example: {@code logit(0.5) == 0}. */
    public static double logit(double p) {
        return org.javadl.activation.Activations.logit(p);
    }

    /** tanh(x). Example: {@code tanh(0) == 0}. */
    public static double tanh(double x) {
        return Math.tanh(x);
    }

    /** tanh element-wise, differentiable. Example: {@code tanh(tensor(0, 1))}. */
    public static org.javadl.tensor.Tensor tanh(org.javadl.tensor.Tensor x) {
        return x.tanh();
    }

    /** erf(x) = (2/√π) ∫₀ˣ e^(−t²) dt to ~1e-15. Example: {@code erf(1)} ≈ 0.8427007929. */
    public static double erf(double x) {
        return org.javadl.activation.Erf.erf(x);
    }

    /** erf element-wise, differentiable. Example: {@code erf(tensor(-1, 0, 1))}. */
    public static org.javadl.tensor.Tensor erf(org.javadl.tensor.Tensor x) {
        return x.erf();
    }

    /** max(0, x). Example: {@code relu(-2) == 0}. */
    public static double relu(double x) {
        return org.javadl.activation.Activations.RELU.value(x);
    }

    /** ReLU element-wise, differentiable. Example: {@code relu(tensor(-1, 2))} is [0, 2]. */
    public static org.javadl.tensor.Tensor relu(org.javadl.tensor.Tensor x) {
        return x.relu();
    }

    /** max(0.01x, x). Example: {@code leakyRelu(-1) == -0.01}. */
    public static double leakyRelu(double x) {
        return org.javadl.activation.Activations.LEAKY_RELU.value(x);
    }

    /** x for x &gt; 0, slope·x otherwise. Example: {@code leakyRelu(-1, 0.2) == -0.2}. */
    public static double leakyRelu(double x, double slope) {
        return org.javadl.activation.Activations.leakyRelu(slope).value(x);
    }

    /** Leaky ReLU (0.01) element-wise, differentiable. Example: {@code leakyRelu(tensor(-1, 2))} is [−0.01, 2]. */
    public static org.javadl.tensor.Tensor leakyRelu(org.javadl.tensor.Tensor x) {
        return x.leakyRelu(org.javadl.activation.LeakyRelu.DEFAULT_SLOPE);
    }

    /** Leaky ReLU with a slope, element-wise, differentiable. Example: {@code leakyRelu(tensor(-1, 2), 0.2)} is [−0.2, 2]. */
    public static org.javadl.tensor.Tensor leakyRelu(org.javadl.tensor.Tensor x, double slope) {
        return x.leakyRelu(slope);
    }

    /** GELU x·Φ(x) (exact, erf form, PyTorch's default), differentiable. Example: {@code gelu(tensor(0, 1))}. */
    public static org.javadl.tensor.Tensor gelu(org.javadl.tensor.Tensor x) {
        return x.gelu();
    }

    /** PLU with α = 0.1, c = 1: max(α(x + c) − c, min(α(x − c) + c, x)). Example: {@code plu(3)} = 1.2. */
    public static double plu(double x) {
        return org.javadl.activation.Activations.PLU.value(x);
    }

    /** PLU(α, c). Example: {@code plu(3, 0.5, 1)} = 2. */
    public static double plu(double x, double alpha, double c) {
        return org.javadl.activation.Activations.plu(alpha, c).value(x);
    }

    /** e^(−x²). Example: {@code gaussian(0) == 1}. */
    public static double gaussian(double x) {
        return org.javadl.activation.Activations.gaussian(x);
    }

    /** e^(−x²) element-wise. Example: {@code gaussian(tensor(0, 1))}. */
    public static org.javadl.tensor.Tensor gaussian(org.javadl.tensor.Tensor x) {
        return org.javadl.activation.Activations.GAUSSIAN.apply(x);
    }

    /** The seven activations of homework 003 problem 2 (tanh, erf, ReLU, leaky ReLU, PLU, sin, Gaussian). */
    public static java.util.List<org.javadl.activation.Activation> activations() {
        return org.javadl.activation.Activations.all();
    }

    /** softmax over the last axis, overflow-free. Example: {@code softmax(tensor(1000, 1001))} ≈ [0.269, 0.731]. */
    public static org.javadl.tensor.Tensor softmax(org.javadl.tensor.Tensor x) {
        return org.javadl.activation.Softmax.softmax(x);
    }

    /** log softmax over the last axis: x − logsumexp(x). Example: {@code logSoftmax(tensor(0, 0))}. */
    public static org.javadl.tensor.Tensor logSoftmax(org.javadl.tensor.Tensor x) {
        return org.javadl.activation.Softmax.logSoftmax(x);
    }

    /** ln Σ e^(xᵢ) computed as m + ln Σ e^(xᵢ − m). Example: {@code logSumExp(tensor(0, 0))} = ln 2. */
    public static double logSumExp(org.javadl.tensor.Tensor x) {
        return org.javadl.activation.Softmax.logSumExp(x);
    }

    /** Diag(p) − p pᵀ, the softmax Jacobian at softmax output p. Example: {@code softmaxJacobian(softmax(x))}. */
    public static org.javadl.tensor.Tensor softmaxJacobian(org.javadl.tensor.Tensor p) {
        return org.javadl.activation.Softmax.softmaxJacobian(p);
    }

    /** −[y ln p + (1 − y) ln(1 − p)]. Example: {@code bce(0.5, 1)} = ln 2. */
    public static double bce(double p, double y) {
        return org.javadl.loss.BinaryCrossEntropy.value(p, y);
    }

    /** Summed binary cross-entropy over samples. Example: {@code bce(tensor(0.5, 0.5), tensor(1, 0))} = 2 ln 2. */
    public static double bce(org.javadl.tensor.Tensor p, org.javadl.tensor.Tensor y) {
        return org.javadl.loss.BinaryCrossEntropy.sum(p, y);
    }

    /** Mean binary cross-entropy over samples. Example: {@code bceMean(tensor(0.5, 0.5), tensor(1, 0))} = ln 2. */
    public static double bceMean(org.javadl.tensor.Tensor p, org.javadl.tensor.Tensor y) {
        return org.javadl.loss.BinaryCrossEntropy.mean(p, y);
    }

    /** Binary cross-entropy from a logit z (stable softplus form). Example: {@code bceWithLogits(0, 1)} = ln 2. */
    public static double bceWithLogits(double z, double y) {
        return org.javadl.loss.BinaryCrossEntropy.fromLogits(z, y);
    }

    /** Multiclass SVM loss Σ_{j≠y} max(0, s_j − s_y + 1). Example: {@code hinge(tensor(1, 2, 3), 2) == 0}. */
    public static double hinge(org.javadl.tensor.Tensor scores, int correct) {
        return org.javadl.loss.MulticlassHinge.value(scores, correct);
    }

    /** The hinge loss with its per-class table. Example: {@code hingeSteps(scores, 3)}. */
    public static org.javadl.loss.LossBreakdown hingeSteps(org.javadl.tensor.Tensor scores, int correct) {
        return org.javadl.loss.MulticlassHinge.breakdown(scores, correct);
    }

    /** Softmax cross-entropy logsumexp(s) − s_y. Example: {@code softmaxCrossEntropy(tensor(0, 0), 0)} = ln 2. */
    public static double softmaxCrossEntropy(org.javadl.tensor.Tensor scores, int correct) {
        return org.javadl.loss.SoftmaxCrossEntropy.value(scores, correct);
    }

    /** Softmax cross-entropy with a one-hot (or probability) target. */
    public static double softmaxCrossEntropy(org.javadl.tensor.Tensor scores, org.javadl.tensor.Tensor target) {
        return org.javadl.loss.SoftmaxCrossEntropy.value(scores, target);
    }

    /** KL(p‖q) = Σ p ln(p/q). Example: {@code kl(p, q)} and {@code kl(q, p)} differ. */
    public static double kl(org.javadl.tensor.Tensor p, org.javadl.tensor.Tensor q) {
        return org.javadl.loss.KlDivergence.value(p, q);
    }

    /**
     * KL(first‖second) with its per-outcome terms, labelled generically: title "KL(a‖b)" with a = the first
     * argument and b = the second, so {@code klSteps(q, p)} shows KL(q‖p) correctly. To print your own
     * symbols use {@code klSteps(q, p, "q", "p")}.
     */
    public static org.javadl.loss.LossBreakdown klSteps(org.javadl.tensor.Tensor first, org.javadl.tensor.Tensor second) {
        return org.javadl.loss.KlDivergence.breakdown(first, second);
    }

    /**
     * KL(first‖second) with its per-outcome terms, labelled with the given symbols.
     * Example: {@code klSteps(qd, pd, "q", "p")} is titled KL(q‖p) with columns q(d), p(d), q/p, ln(q/p), q ln(q/p).
     */
    public static org.javadl.loss.LossBreakdown klSteps(org.javadl.tensor.Tensor first, org.javadl.tensor.Tensor second,
            String firstSymbol, String secondSymbol) {
        return org.javadl.loss.KlDivergence.breakdown(first, second, firstSymbol, secondSymbol);
    }

    /** counts / Σ counts. Example: {@code normalize(tensor(1, 3))} is [0.25, 0.75]. */
    public static org.javadl.tensor.Tensor normalize(org.javadl.tensor.Tensor counts) {
        return org.javadl.loss.KlDivergence.normalize(counts);
    }

    /** Logistic loss ln(1 + e^(−t)), stable. Example: {@code logisticLoss(0)} = ln 2. */
    public static double logisticLoss(double t) {
        return org.javadl.loss.MarginLosses.logistic(t);
    }

    /** Smooth hinge ln(1 + e^(1 − t)), stable. Example: {@code smoothHinge(1)} = ln 2. */
    public static double smoothHinge(double t) {
        return org.javadl.loss.MarginLosses.smoothHinge(t);
    }

    /** numpy.convolve (kernel flipped). Example: {@code convolve(tensor(1, 2, 3, 4), tensor(1, 0, 2), FULL)} is [1, 2, 5, 8, 6, 8]. */
    public static org.javadl.tensor.Tensor convolve(org.javadl.tensor.Tensor x, org.javadl.tensor.Tensor w,
            org.javadl.conv.Mode mode) {
        return org.javadl.conv.Conv1d.convolve(x, w, mode);
    }

    /** Alias of {@link #convolve}: 1-D convolution with kernel flipping. Example: {@code conv1d(x, w, VALID)}. */
    public static org.javadl.tensor.Tensor conv1d(org.javadl.tensor.Tensor x, org.javadl.tensor.Tensor w,
            org.javadl.conv.Mode mode) {
        return org.javadl.conv.Conv1d.convolve(x, w, mode);
    }

    /** numpy.correlate (no flip). Example: {@code correlate(tensor(1, 2, 3, 4), tensor(1, 0, 2), VALID)} is [7, 10]. */
    public static org.javadl.tensor.Tensor correlate(org.javadl.tensor.Tensor x, org.javadl.tensor.Tensor w,
            org.javadl.conv.Mode mode) {
        return org.javadl.conv.Conv1d.correlate(x, w, mode);
    }

    /** Each output's sum of products, as text, HTML table or LaTeX. Example: {@code convSteps(x, w, SAME)}. */
    public static org.javadl.conv.ConvolutionSteps convSteps(org.javadl.tensor.Tensor x, org.javadl.tensor.Tensor w,
            org.javadl.conv.Mode mode) {
        return org.javadl.conv.ConvolutionSteps.convolve(x, w, mode);
    }

    /**
     * PyTorch Conv2d: (C, H, W) or a batch (N, C, H, W) ⋆ (O, C, kh, kw) + bias (or null), differentiable.
     * Example: {@code conv2d(x, w, null, 2, 3, 1)}.
     */
    public static org.javadl.tensor.Tensor conv2d(org.javadl.tensor.Tensor x, org.javadl.tensor.Tensor w,
            org.javadl.tensor.Tensor bias, int stride, int padding, int dilation) {
        return org.javadl.autograd.Convolution.conv2d(x, w, bias, stride, stride, padding, padding, dilation, dilation);
    }

    /** PyTorch Conv2d without bias, dilation 1. Example: {@code conv2d(x, w, 1, 1)}. */
    public static org.javadl.tensor.Tensor conv2d(org.javadl.tensor.Tensor x, org.javadl.tensor.Tensor w, int stride,
            int padding) {
        return conv2d(x, w, null, stride, padding, 1);
    }

    /** Non-overlapping max pooling of (H, W), (C, H, W) or (N, C, H, W), differentiable. Example: {@code maxPool2d(x, 2)}. */
    public static org.javadl.tensor.Tensor maxPool2d(org.javadl.tensor.Tensor x, int kernel) {
        return org.javadl.autograd.Pooling.maxPool2d(x, kernel, kernel, 0);
    }

    /** Max pooling with a stride. Example: {@code maxPool2d(x, 3, 2)}. */
    public static org.javadl.tensor.Tensor maxPool2d(org.javadl.tensor.Tensor x, int kernel, int stride) {
        return org.javadl.autograd.Pooling.maxPool2d(x, kernel, stride, 0);
    }

    /** Max pooling with a stride and −∞ padding (at most kernel/2), as PyTorch's MaxPool2d. */
    public static org.javadl.tensor.Tensor maxPool2d(org.javadl.tensor.Tensor x, int kernel, int stride, int padding) {
        return org.javadl.autograd.Pooling.maxPool2d(x, kernel, stride, padding);
    }

    /** Average pooling (divisor kernel², zero padding counted, as PyTorch's AvgPool2d), differentiable. */
    public static org.javadl.tensor.Tensor avgPool2d(org.javadl.tensor.Tensor x, int kernel, int stride, int padding) {
        return org.javadl.autograd.Pooling.avgPool2d(x, kernel, stride, padding);
    }

    /** Reverses a 1-D kernel, or both spatial axes of a 2-D+ kernel. Example: {@code flip(tensor(1, 2, 3))} is [3, 2, 1]. */
    public static org.javadl.tensor.Tensor flip(org.javadl.tensor.Tensor w) {
        return org.javadl.conv.Conv2d.flip(w);
    }

    /**
     * Receptive field after each layer: r += d(k − 1)·jump, jump *= s.
     * Example: {@code receptiveField(new int[]{5, 3, 5}, new int[]{2, 1, 1}, new int[]{1, 1, 2})}.
     */
    public static int[] receptiveField(int[] kernels, int[] strides, int[] dilations) {
        return org.javadl.conv.LayerStack.receptiveFields(kernels, strides, dilations);
    }

    /** Receptive field of {@code layers} identical stride-1, dilation-1 layers of kernel k: 1 + layers·(k − 1). */
    public static int receptiveField(int layers, int kernel) {
        int[] ones = new int[layers];
        java.util.Arrays.fill(ones, 1);
        int[] k = new int[layers];
        java.util.Arrays.fill(k, kernel);
        int[] r = org.javadl.conv.LayerStack.receptiveFields(k, ones, ones);
        return layers == 0 ? 1 : r[layers - 1];
    }

    /** ⌊(n + 2p − d(k − 1) − 1)/s⌋ + 1. Example: {@code outputSize(128, 8, 2, 3, 1) == 64}. */
    public static int outputSize(int n, int k, int stride, int padding, int dilation) {
        return org.javadl.conv.ConvShapes.outputSize(n, k, stride, padding, dilation);
    }

    /** A layer-stack calculator on a (C, H, W) input. Example: {@code layers(3, 128, 128).conv(32, 8, 2, 3, 1)}. */
    public static org.javadl.conv.LayerStack layers(int channels, int height, int width) {
        return org.javadl.conv.LayerStack.input(channels, height, width);
    }

    /** Central-difference check of f' at x. Example: {@code gradCheck(x -> x * x, x -> 2 * x, 3.0)}. */
    public static org.javadl.check.GradCheck gradCheck(java.util.function.DoubleUnaryOperator f,
            java.util.function.DoubleUnaryOperator df, double x) {
        return org.javadl.check.GradCheck.check(f, df, x);
    }

    /**
     * Central-difference check of the gradient of f: ℝⁿ → ℝ at the parameter vector x, e.g. a model's
     * loss and gradient. Example: {@code gradCheck(ph -> model.loss(ph), ph -> model.gradient(ph), new double[]{0.3, -0.7})}.
     */
    public static org.javadl.check.GradCheck gradCheck(java.util.function.ToDoubleFunction<double[]> f,
            java.util.function.Function<double[], double[]> grad, double[] x) {
        return org.javadl.check.GradCheck.check(f, grad, x);
    }

    /**
     * Central-difference check of the gradient of a scalar function of a tensor (it returns a
     * one-element tensor, e.g. {@code W -> tanh(W.matmul(X)).sum()}, or a number).
     */
    public static org.javadl.check.GradCheck gradCheck(java.util.function.Function<org.javadl.tensor.Tensor, ?> f,
            java.util.function.Function<org.javadl.tensor.Tensor, org.javadl.tensor.Tensor> grad,
            org.javadl.tensor.Tensor x) {
        return org.javadl.check.GradCheck.check(f, grad, x);
    }

    // --- graphs, models, matrix backprop (part 2) ---

    /** An unnamed input variable of a computational graph. Example: {@code Value w = value(0.25);} */
    public static org.javadl.graph.Value value(double v) {
        return org.javadl.graph.Value.of(v);
    }

    /** A named input variable (names appear in traces and drawings). Example: {@code Value x = variable("x", 0.5);} */
    public static org.javadl.graph.Value variable(String name, double v) {
        return org.javadl.graph.Value.variable(name, v);
    }

    /** A constant graph node (no gradient wanted). Example: {@code Value two = constant(2);} */
    public static org.javadl.graph.Value constant(double v) {
        return org.javadl.graph.Value.constant(v);
    }

    /** e^a as a graph node; d/da = e^a. Example: {@code Value f1 = exp(x).named("f1");} */
    public static org.javadl.graph.Value exp(org.javadl.graph.Value a) {
        return org.javadl.graph.Value.exp(a);
    }

    /** ln a (natural log) as a graph node; d/da = 1/a. Example: {@code log(y)} */
    public static org.javadl.graph.Value log(org.javadl.graph.Value a) {
        return org.javadl.graph.Value.log(a);
    }

    /** sin a as a graph node; d/da = cos a. Example: {@code Value f5 = sin(f3).named("f5");} */
    public static org.javadl.graph.Value sin(org.javadl.graph.Value a) {
        return org.javadl.graph.Value.sin(a);
    }

    /** cos a as a graph node; d/da = −sin a. Example: {@code cos(x)} */
    public static org.javadl.graph.Value cos(org.javadl.graph.Value a) {
        return org.javadl.graph.Value.cos(a);
    }

    /** tanh a as a graph node; d/da = 1 − tanh² a. Example: {@code tanh(z)} */
    public static org.javadl.graph.Value tanh(org.javadl.graph.Value a) {
        return org.javadl.graph.Value.tanh(a);
    }

    /** σ(a) = 1/(1 + e^−a) as a graph node; d/da = σ(1 − σ). Example: {@code Value h1 = sigmoid(w1.mul(x));} */
    public static org.javadl.graph.Value sigmoid(org.javadl.graph.Value a) {
        return org.javadl.graph.Value.sigmoid(a);
    }

    /** max(0, a) as a graph node; d/da = 1 if a &gt; 0 else 0. Example: {@code relu(z)} */
    public static org.javadl.graph.Value relu(org.javadl.graph.Value a) {
        return org.javadl.graph.Value.relu(a);
    }

    /** a² as a graph node; d/da = 2a. Example: {@code Value f2 = square(f1).named("f2");} */
    public static org.javadl.graph.Value square(org.javadl.graph.Value a) {
        return org.javadl.graph.Value.square(a);
    }

    /** a^k for a constant k; d/da = k·a^(k−1). Example: {@code pow(x, 3)} */
    public static org.javadl.graph.Value pow(org.javadl.graph.Value a, double k) {
        return org.javadl.graph.Value.pow(a, k);
    }

    /** a^b with both in the graph; ∂/∂a = b·a^(b−1), ∂/∂b = a^b·ln a. Example: {@code pow(x, y)} */
    public static org.javadl.graph.Value pow(org.javadl.graph.Value a, org.javadl.graph.Value b) {
        return org.javadl.graph.Value.pow(a, b);
    }

    /**
     * Reverse mode: ∂y/∂node for every node of y's graph (adjoints reset first, so calling it twice
     * gives the same result). Example: {@code backward(y); x.grad()}.
     */
    public static org.javadl.graph.Graph backward(org.javadl.graph.Value y) {
        return y.backward();
    }

    /** Forward mode: ∂node/∂x for every node (x's tangent seeded to 1). Example: {@code forward(y, x); y.tangent()}. */
    public static org.javadl.graph.Graph forward(org.javadl.graph.Value y, org.javadl.graph.Value x) {
        return y.forward(x);
    }

    /** The computational graph of y (evaluation order, SVG drawing). Example: {@code graph(y)} */
    public static org.javadl.graph.Graph graph(org.javadl.graph.Value y) {
        return org.javadl.graph.Graph.of(y);
    }

    /** Runs backward on y and returns the trace table (name, op, inputs, value, ∂y/∂node). Example: {@code trace(y)} */
    public static org.javadl.graph.GraphTrace trace(org.javadl.graph.Value y) {
        return y.graph().backward().trace();
    }

    /** Runs backward and forward(x) on y; the trace then also has ∂node/∂x. Example: {@code trace(y, x)} */
    public static org.javadl.graph.GraphTrace trace(org.javadl.graph.Value y, org.javadl.graph.Value x) {
        return y.graph().backward().forward(x).trace();
    }

    /** Reverse-mode chain rule per node, in the order ∂y/∂y, ∂y/∂f5, …, ∂y/∂x, with numbers. Example: {@code reverseMode(y)} */
    public static org.javadl.graph.Derivation reverseMode(org.javadl.graph.Value y) {
        return y.graph().reverseDerivation();
    }

    /** Forward-mode chain rule per node, in the order ∂x/∂x, ∂f1/∂x, …, ∂y/∂x, with numbers. Example: {@code forwardMode(y, x)} */
    public static org.javadl.graph.Derivation forwardMode(org.javadl.graph.Value y, org.javadl.graph.Value x) {
        return y.graph().forwardDerivation(x);
    }

    /**
     * Finite-difference check of a graph function's gradient (reverse and forward mode vs central
     * differences). Example: {@code gradCheck(v -> exp(v[0]).mul(v[1]), 0.5, 2.0)}.
     */
    public static org.javadl.graph.GraphGradCheck gradCheck(
            java.util.function.Function<org.javadl.graph.Value[], org.javadl.graph.Value> f, double... x) {
        return org.javadl.graph.GraphGradCheck.check(f, x);
    }

    /**
     * 1-D linear regression with L[φ] = Σ (φ0 + φ1 x_i − y_i)², its gradient and Hessian
     * [[2I, 2Σx], [2Σx, 2Σx²]]. Example: {@code linearRegression(xs, ys).hessian().eigenvalues()}.
     */
    public static org.javadl.model.LinearRegression linearRegression(double[] x, double[] y) {
        return new org.javadl.model.LinearRegression(x, y);
    }

    /**
     * Logistic regression Pr(y=1|x) = σ(φ0 + φ·x) with summed binary cross-entropy (natural log).
     * Example: {@code logisticRegression(twoClassData(0)).lossSum(new double[] {0, 0})}.
     */
    public static org.javadl.model.LogisticRegression logisticRegression(org.javadl.model.LabelledData data) {
        return new org.javadl.model.LogisticRegression(data);
    }

    /** 1-D logistic regression on points x with labels y ∈ {0, 1}. Example: {@code logisticRegression(xs, labels)} */
    public static org.javadl.model.LogisticRegression logisticRegression(double[] x, double[] y) {
        return org.javadl.model.LogisticRegression.of(x, y);
    }

    /** n-D logistic regression, one row of x per point. Example: {@code logisticRegression(rows, labels)} */
    public static org.javadl.model.LogisticRegression logisticRegression(double[][] x, double[] y) {
        return new org.javadl.model.LogisticRegression(org.javadl.model.LabelledData.of(x, y));
    }

    /**
     * Gradient descent with step α (then {@code .iterations(n)}, {@code .l2(λ)} for the penalty
     * λ/(2α)Σφ², or {@code .weightDecay(λ)} for φ ← (1−λ)φ − α∂L/∂φ).
     * Example: {@code gradientDescent(0.1).iterations(100).run(model, 0, 0)}.
     */
    public static org.javadl.model.GradientDescent gradientDescent(double step) {
        return org.javadl.model.GradientDescent.withStep(step);
    }

    /**
     * f sampled on an nx × ny grid for a heat map; values[j][i] = f(xs[i], ys[j]).
     * Example: {@code lossSurface(model::loss, -3, 3, 61, -3, 3, 61)}.
     */
    public static org.javadl.model.LossSurface lossSurface(java.util.function.DoubleBinaryOperator f,
            double x0, double x1, int nx, double y0, double y1, int ny) {
        return org.javadl.model.LossSurface.of(f, x0, x1, nx, y0, y1, ny);
    }

    /**
     * n values mean + std·g with g the successive {@code new java.util.Random(seed).nextGaussian()}.
     * Example: {@code normalData(42, 10, -1, 1)}.
     */
    public static double[] normalData(long seed, int n, double mean, double std) {
        return org.javadl.model.Data.normal(seed, n, mean, std);
    }

    /**
     * Homework 004 problem 8(iv): 10 points N(−1, 1) labelled 0, then 10 points N(1, 1) labelled 1,
     * all from one {@code new java.util.Random(seed)}. Example: {@code twoClassData(0)}.
     */
    public static org.javadl.model.LabelledData twoClassData(long seed) {
        return org.javadl.model.Data.twoClass(seed);
    }

    /** ∂L/∂W = ∂L/∂Y·Xᵀ for Y = W X. Example: {@code matmulGradW(dLdY, X)} */
    public static org.javadl.tensor.Tensor matmulGradW(org.javadl.tensor.Tensor dLdY, org.javadl.tensor.Tensor x) {
        return org.javadl.nn.MatrixBackprop.gradW(dLdY, x);
    }

    /** ∂L/∂X = Wᵀ·∂L/∂Y for Y = W X. Example: {@code matmulGradX(W, dLdY)} */
    public static org.javadl.tensor.Tensor matmulGradX(org.javadl.tensor.Tensor w, org.javadl.tensor.Tensor dLdY) {
        return org.javadl.nn.MatrixBackprop.gradX(w, dLdY);
    }

    /**
     * One L2 gradient step on Y = W X, every intermediate kept (Y, Y − Ŷ, squared errors,
     * L = Σ(y−ŷ)², ∂L/∂W = 2(Y−Ŷ)Xᵀ, W − α∂L/∂W). Example: {@code matmulGrad(W, X, Yhat, 0.1).wUpdated()}.
     */
    public static org.javadl.nn.MatrixStep matmulGrad(org.javadl.tensor.Tensor w, org.javadl.tensor.Tensor x,
            org.javadl.tensor.Tensor yHat, double step) {
        return org.javadl.nn.MatrixStep.l2(w, x, yHat, step);
    }

    /** W − α·grad (α &gt; 0). Example: {@code sgdStep(W, gradW, 0.1)} */
    public static org.javadl.tensor.Tensor sgdStep(org.javadl.tensor.Tensor w, org.javadl.tensor.Tensor grad,
            double step) {
        return org.javadl.nn.MatrixBackprop.sgdStep(w, grad, step);
    }

    /** y = σ(w3·σ(w2·σ(w1·x))) with cross-entropy, on the graph API. Example: {@code threeLayerClassifier(w1, w2, w3).pass(x, 1)} */
    public static org.javadl.nn.ThreeLayerNet threeLayerClassifier(double w1, double w2, double w3) {
        return org.javadl.nn.ThreeLayerNet.classifier(w1, w2, w3);
    }

    /** y = w3·σ(w2·σ(w1·x)) with loss (y − ŷ)², on the graph API. Example: {@code threeLayerRegressor(w1, w2, w3).pass(x, 128)} */
    public static org.javadl.nn.ThreeLayerNet threeLayerRegressor(double w1, double w2, double w3) {
        return org.javadl.nn.ThreeLayerNet.regressor(w1, w2, w3);
    }

    /**
     * The sigmoid two-layer network y_k = Σ_j W2_kj σ(Σ_i W1_ji x_i + b1_j) + b2_k (homework 001 Q3);
     * {@code .toTanh()} gives the equal tanh network. Example: {@code twoLayerNet(W1, b1, W2, b2).toTanh()}.
     */
    public static org.javadl.nn.TwoLayerNet twoLayerNet(double[][] w1, double[] b1, double[][] w2, double[] b2) {
        return org.javadl.nn.TwoLayerNet.of(w1, b1, w2, b2, org.javadl.nn.TwoLayerNet.Activation.SIGMOID);
    }

    // --- tensor autograd, layers, training and data (org.javadl.autograd, nn, optim, data, train) ---

    /** Runs {@code body} without recording a graph. Example: {@code noGrad(() -> model.forward(x))}. */
    public static <T> T noGrad(java.util.function.Supplier<T> body) {
        return org.javadl.autograd.GradMode.noGrad(body);
    }

    /** Runs {@code body} without recording a graph. Example: {@code noGrad(() -> { w.assign(w.sub(w.grad().mul(0.1))); })}. */
    public static void noGrad(Runnable body) {
        org.javadl.autograd.GradMode.noGrad(body);
    }

    /** f(x) and its directional derivative J·v by forward mode. Example: {@code jvp(t -> t.tanh(), x, v).tangent()}. */
    public static org.javadl.autograd.ForwardMode.Dual jvp(
            java.util.function.Function<org.javadl.tensor.Tensor, org.javadl.tensor.Tensor> f,
            org.javadl.tensor.Tensor x, org.javadl.tensor.Tensor v) {
        return org.javadl.autograd.ForwardMode.jvp(f, x, v);
    }

    /** The recorded graph of a tensor, drawn as SVG with shapes and gradient norms. Example: {@code tensorGraph(loss)}. */
    public static org.javadl.autograd.TensorGraph tensorGraph(org.javadl.tensor.Tensor root) {
        return org.javadl.autograd.TensorGraph.of(root);
    }

    /** Uniform [0, 1) samples from a seed. Example: {@code rand(0, 2, 3)}. */
    public static org.javadl.tensor.Tensor rand(long seed, int... shape) {
        return org.javadl.tensor.Tensor.rand(seed, shape);
    }

    /** softmax along an axis, differentiable. Example: {@code softmax(logits, 1)}. */
    public static org.javadl.tensor.Tensor softmax(org.javadl.tensor.Tensor x, int axis) {
        return x.softmax(axis);
    }

    /** log softmax along an axis, differentiable. Example: {@code logSoftmax(logits, 1)}. */
    public static org.javadl.tensor.Tensor logSoftmax(org.javadl.tensor.Tensor x, int axis) {
        return x.logSoftmax(axis);
    }

    /** Cross-entropy from logits (N, C) and class indices (N), averaged (F.cross_entropy). */
    public static org.javadl.tensor.Tensor crossEntropy(org.javadl.tensor.Tensor logits, org.javadl.tensor.Tensor labels) {
        return org.javadl.autograd.Losses.crossEntropy(logits, labels);
    }

    /** Mean squared error (F.mse_loss). */
    public static org.javadl.tensor.Tensor mse(org.javadl.tensor.Tensor prediction, org.javadl.tensor.Tensor target) {
        return org.javadl.autograd.Losses.mse(prediction, target);
    }

    /** Binary cross-entropy from logits, averaged (F.binary_cross_entropy_with_logits). */
    public static org.javadl.tensor.Tensor bceWithLogits(org.javadl.tensor.Tensor logits, org.javadl.tensor.Tensor targets) {
        return org.javadl.autograd.Losses.bceWithLogits(logits, targets);
    }

    /** The multi-class hinge loss with margin 1 (F.multi_margin_loss). */
    public static org.javadl.tensor.Tensor multiMarginLoss(org.javadl.tensor.Tensor scores, org.javadl.tensor.Tensor labels) {
        return org.javadl.autograd.Losses.multiMargin(scores, labels);
    }

    /** The binary hinge loss, mean of max(0, 1 − y·s) for labels ±1. */
    public static org.javadl.tensor.Tensor hingeLoss(org.javadl.tensor.Tensor scores, org.javadl.tensor.Tensor labels) {
        return org.javadl.autograd.Losses.hinge(scores, labels);
    }

    /** Resets the generator that layers built without one draw their initial weights from (torch.manual_seed). */
    public static void manualSeed(long seed) {
        org.javadl.nn.Init.manualSeed(seed);
    }

    /** The UCI handwritten digits, 1,797 images of 8×8 (bundled, CC BY 4.0). Example: {@code digits().split(0.2, 0)}. */
    public static org.javadl.data.Dataset digits() {
        return org.javadl.data.Datasets.digits();
    }

    /** Fisher's iris, 150 flowers, 4 measurements, 3 species (bundled). */
    public static org.javadl.data.Dataset iris() {
        return org.javadl.data.Datasets.iris();
    }

    /** Two interleaving half circles with Gaussian noise, seeded. Example: {@code twoMoons(500, 0.2, 0)}. */
    public static org.javadl.data.Dataset twoMoons(int n, double noise, long seed) {
        return org.javadl.data.Datasets.twoMoons(n, noise, seed);
    }

    /** Interleaved spiral arms, seeded. Example: {@code spirals(100, 3, 0.2, 0)}. */
    public static org.javadl.data.Dataset spirals(int perClass, int classes, double noise, long seed) {
        return org.javadl.data.Datasets.spirals(perClass, classes, noise, seed);
    }

    /** Gaussian blobs around random centres, seeded. Example: {@code blobs(300, 3, 1.0, 0)}. */
    public static org.javadl.data.Dataset blobs(int n, int centers, double std, long seed) {
        return org.javadl.data.Datasets.blobs(n, centers, std, seed);
    }

    /** Minibatches, reshuffled each epoch from a seed. Example: {@code loader(train, 32, 0)}. */
    public static org.javadl.data.DataLoader loader(org.javadl.data.Dataset data, int batchSize, long seed) {
        return new org.javadl.data.DataLoader(data, batchSize, true, seed);
    }

    /** Small images in a grid with their labels (SVG). Example: {@code imageGrid(x.slice(0, 20), y.slice(0, 20), 10)}. */
    public static org.javadl.data.ImageGrid imageGrid(org.javadl.tensor.Tensor images, org.javadl.tensor.Tensor labels,
            int columns) {
        return org.javadl.data.ImageGrid.of(images, labels, columns);
    }

    /** The fraction of a data set a classifier gets right. Example: {@code accuracy(model, test)}. */
    public static double accuracy(org.javadl.nn.Layer model, org.javadl.data.Dataset data) {
        return org.javadl.train.Metrics.accuracy(model, data);
    }

    /** The confusion matrix of a classifier on a data set. Example: {@code confusionMatrix(model, test)}. */
    public static org.javadl.train.ConfusionMatrix confusionMatrix(org.javadl.nn.Layer model, org.javadl.data.Dataset data) {
        return org.javadl.train.Metrics.confusion(model, data);
    }
}

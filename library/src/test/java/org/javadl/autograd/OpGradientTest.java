package org.javadl.autograd;

import java.util.SplittableRandom;

import org.javadl.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** Every differentiable op, its gradient and its tangent checked against finite differences. */
class OpGradientTest {
    private static Tensor r(long seed, int... shape) {
        return Tensor.randn(seed, shape);
    }

    /** Positive values away from 0, for log, sqrt and powers. */
    private static Tensor pos(long seed, int... shape) {
        return Tensor.randn(seed, shape).abs().add(0.5);
    }

    @Test
    void arithmeticWithBroadcasting() {
        int[][][] pairs = {{{2, 3}, {2, 3}}, {{2, 3}, {3}}, {{4, 1, 3}, {2, 1}}, {{1}, {2, 2}}, {{}, {3, 2}}};
        for (int[][] p : pairs) {
            String s = java.util.Arrays.deepToString(p);
            GradChecker.check("add " + s, x -> x[0].add(x[1]), r(1, p[0]), r(2, p[1]));
            GradChecker.check("sub " + s, x -> x[0].sub(x[1]), r(3, p[0]), r(4, p[1]));
            GradChecker.check("mul " + s, x -> x[0].mul(x[1]), r(5, p[0]), r(6, p[1]));
            GradChecker.check("div " + s, x -> x[0].div(x[1]), r(7, p[0]), pos(8, p[1]));
            GradChecker.check("pow " + s, x -> x[0].pow(x[1]), pos(9, p[0]), r(10, p[1]));
        }
        GradChecker.check("neg", x -> x[0].neg(), r(11, 3, 2));
        GradChecker.check("scalars", x -> x[0].add(2).sub(0.5).mul(-3).div(7), r(12, 4));
        GradChecker.check("pow 2", x -> x[0].pow(2), r(13, 5));
        GradChecker.check("pow 3.5", x -> x[0].pow(3.5), pos(14, 5));
        GradChecker.check("pow -1", x -> x[0].pow(-1), pos(15, 5));
        GradChecker.check("self product", x -> x[0].mul(x[0]).add(x[0]), r(16, 3));
    }

    @Test
    void pointwise() {
        Tensor x = r(20, 3, 4);
        GradChecker.check("exp", t -> t[0].exp(), x);
        GradChecker.check("log", t -> t[0].log(), pos(21, 3, 4));
        GradChecker.check("sqrt", t -> t[0].sqrt(), pos(22, 3, 4));
        GradChecker.check("abs", t -> t[0].abs(), x);
        GradChecker.check("sin", t -> t[0].sin(), x);
        GradChecker.check("cos", t -> t[0].cos(), x);
        GradChecker.check("relu", t -> t[0].relu(), x);
        GradChecker.check("leakyRelu", t -> t[0].leakyRelu(0.1), x);
        GradChecker.check("sigmoid", t -> t[0].sigmoid(), x.mul(3));
        GradChecker.check("tanh", t -> t[0].tanh(), x);
        GradChecker.check("gelu", t -> t[0].gelu(), x.mul(2));
        GradChecker.check("erf", t -> t[0].erf(), x);
    }

    @Test
    void reductions() {
        Tensor x = r(30, 2, 3, 4);
        GradChecker.check("sumAll", t -> t[0].sumAll(), x);
        GradChecker.check("meanAll", t -> t[0].meanAll(), x);
        GradChecker.check("sum 1", t -> t[0].sum(1), x);
        GradChecker.check("sum -1 keep", t -> t[0].sum(-1, true), x);
        GradChecker.check("sum 0,2", t -> t[0].sum(new int[] {0, 2}, false), x);
        GradChecker.check("mean 0,2 keep", t -> t[0].mean(new int[] {0, 2}, true), x);
        GradChecker.check("mean 1", t -> t[0].mean(1), x);
        GradChecker.check("max 1", t -> t[0].max(1), x);
        GradChecker.check("max -1 keep", t -> t[0].max(-1, true), x);
        GradChecker.check("min 0", t -> t[0].min(0), x);
        GradChecker.check("maxAll", t -> t[0].maxAll(), x);
        GradChecker.check("minAll", t -> t[0].minAll(), x);
    }

    @Test
    void softmaxFamily() {
        Tensor x = r(40, 3, 5);
        for (int axis : new int[] {0, 1, -1}) {
            GradChecker.check("softmax " + axis, t -> t[0].softmax(axis), x);
            GradChecker.check("logSoftmax " + axis, t -> t[0].logSoftmax(axis), x);
            GradChecker.check("logSumExp " + axis, t -> t[0].logSumExp(axis, false), x);
            GradChecker.check("logSumExp keep " + axis, t -> t[0].logSumExp(axis, true), x);
        }
        GradChecker.check("softmax 3-D", t -> t[0].softmax(1), r(41, 2, 3, 2));
    }

    @Test
    void matmulAllShapes() {
        int[][][] pairs = {{{3, 4}, {4, 2}}, {{4}, {4, 3}}, {{3, 4}, {4}}, {{4}, {4}}, {{2, 3, 4}, {4, 5}},
            {{2, 1, 3, 4}, {3, 4, 2}}, {{5}, {2, 5, 3}}, {{2, 3, 5}, {5}}, {{3, 9}, {9, 10}}};
        for (int[][] p : pairs) {
            GradChecker.check("matmul " + java.util.Arrays.deepToString(p), x -> x[0].matmul(x[1]), r(50, p[0]),
                    r(51, p[1]));
        }
        GradChecker.check("outer", x -> x[0].outer(x[1]), r(52, 3), r(53, 4));
        GradChecker.check("linear", x -> LinearAlgebra.linear(x[0], x[1], x[2]), r(54, 5, 4), r(55, 9, 4), r(56, 9));
        GradChecker.check("linear 3-D no bias", x -> LinearAlgebra.linear(x[0], x[1], null), r(57, 2, 3, 4), r(58, 3, 4));
    }

    @Test
    void shapeOps() {
        Tensor x = r(60, 2, 3, 4);
        GradChecker.check("reshape", t -> t[0].reshape(4, -1), x);
        GradChecker.check("flatten", t -> t[0].flatten(), x);
        GradChecker.check("flatten 1", t -> t[0].flatten(1), x);
        GradChecker.check("unsqueeze", t -> t[0].unsqueeze(1), x);
        GradChecker.check("squeeze", t -> t[0].unsqueeze(2).squeeze(2), x);
        GradChecker.check("transpose", t -> t[0].transpose(), x);
        GradChecker.check("transpose 2-D", t -> t[0].transpose(), r(61, 3, 5));
        GradChecker.check("transpose 0 2", t -> t[0].transpose(0, 2), x);
        GradChecker.check("permute", t -> t[0].permute(1, 2, 0), x);
        GradChecker.check("row", t -> t[0].row(1), x);
        GradChecker.check("col", t -> t[0].col(2), r(62, 3, 4));
        GradChecker.check("select", t -> t[0].select(2, -1), x);
        GradChecker.check("slice", t -> t[0].slice(1, 1, 3), x);
        GradChecker.check("slice neg", t -> t[0].slice(-1, -3, -1), x);
        GradChecker.check("take repeats", t -> t[0].take(1, 2, 0, 2), x);
        Tensor idx = Tensor.of(new double[] {2, 0, 1, 1}, 4, 1);
        GradChecker.check("gather", t -> t[0].gather(1, idx), r(63, 4, 3));
        GradChecker.check("concat", t -> Tensor.concat(1, t[0], t[1], t[0]), r(64, 2, 3), r(65, 2, 1));
        GradChecker.check("stack", t -> Tensor.stack(t[0], t[1]), r(66, 3), r(67, 3));
        GradChecker.check("expand", t -> t[0].expand(4, 2, 3), r(68, 2, 1));
    }

    @Test
    void convolutionAndPooling() {
        int[][] settings = {{1, 1, 0, 0, 1, 1}, {2, 1, 1, 2, 1, 1}, {1, 2, 2, 1, 2, 1}, {2, 2, 1, 1, 1, 2}};
        for (int[] c : settings) {
            String s = java.util.Arrays.toString(c);
            GradChecker.check("conv2d " + s,
                    t -> Convolution.conv2d(t[0], t[1], t[2], c[0], c[1], c[2], c[3], c[4], c[5]),
                    r(70, 2, 3, 7, 6), r(71, 4, 3, 3, 2), r(72, 4));
        }
        GradChecker.check("conv2d 3-D no bias", t -> Convolution.conv2d(t[0], t[1], null, 1, 1, 1, 1, 1, 1),
                r(73, 2, 5, 5), r(74, 3, 2, 3, 3));
        Tensor x = r(75, 2, 3, 6, 7);
        GradChecker.check("maxPool2d 2", t -> Pooling.maxPool2d(t[0], 2, 2, 0), x);
        GradChecker.check("maxPool2d 3/2 pad 1", t -> Pooling.maxPool2d(t[0], 3, 2, 1), x);
        GradChecker.check("maxPool2d (H, W)", t -> Pooling.maxPool2d(t[0], 2, 1, 0), r(76, 4, 5));
        GradChecker.check("avgPool2d 2", t -> Pooling.avgPool2d(t[0], 2, 2, 0), x);
        GradChecker.check("avgPool2d 3/2 pad 1", t -> Pooling.avgPool2d(t[0], 3, 2, 1), x);
    }

    @Test
    void dropoutWithAFixedMask() {
        // a fresh generator with the same seed gives the same mask on every evaluation
        GradChecker.check("dropout", t -> t[0].dropout(0.3, new SplittableRandom(5)), r(80, 4, 6));
    }

    @Test
    void losses() {
        Tensor labels = Tensor.of(2, 0, 1, 2);
        GradChecker.check("crossEntropy", t -> Losses.crossEntropy(t[0], labels), r(100, 4, 3));
        GradChecker.check("crossEntropy one row", t -> Losses.crossEntropy(t[0], Tensor.scalar(1)), r(101, 5));
        GradChecker.check("bceWithLogits", t -> Losses.bceWithLogits(t[0], t[1]), r(102, 3, 2),
                Tensor.rand(103, 3, 2));
        GradChecker.check("mse", t -> Losses.mse(t[0], t[1]), r(104, 5), r(105, 5));
        GradChecker.check("multiMargin", t -> Losses.multiMargin(t[0], labels), r(106, 4, 3));
        GradChecker.check("hinge", t -> Losses.hinge(t[0], Tensor.of(1, -1, 1, -1, 1)), r(107, 5));
    }

    @Test
    void compositeExpressions() {
        GradChecker.check("tanh(x @ w).sum", t -> t[0].matmul(t[1]).tanh().sumAll(), r(90, 4, 3), r(91, 3, 2));
        GradChecker.check("mlp",
                t -> t[0].matmul(t[1]).add(t[2]).relu().matmul(t[3]).logSoftmax(1).meanAll(),
                r(92, 5, 4), r(93, 4, 6), r(94, 6), r(95, 6, 3));
        GradChecker.check("normalise", t -> {
            Tensor mu = t[0].mean(0, true);
            Tensor var = t[0].sub(mu).pow(2).mean(0, true);
            return t[0].sub(mu).div(var.add(1e-5).sqrt());
        }, r(96, 6, 3));
    }
}

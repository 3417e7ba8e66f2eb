package org.javadl.parity;

import java.util.HashMap;
import java.util.Map;

import org.javadl.autograd.Convolution;
import org.javadl.autograd.LinearAlgebra;
import org.javadl.autograd.Losses;
import org.javadl.autograd.Pooling;
import org.javadl.tensor.Tensor;

/**
 * The library's side of every op the parity test compares, by the name the Python side uses for the
 * same op in torch (one line each, so the two tables can be read side by side).
 */
final class Ops {
    @FunctionalInterface
    interface Op {
        Tensor apply(Tensor[] x, Args a);
    }

    private static final Map<String, Op> OPS = new HashMap<>();

    static {
        OPS.put("add", (x, a) -> x[0].add(x[1]));
        OPS.put("sub", (x, a) -> x[0].sub(x[1]));
        OPS.put("mul", (x, a) -> x[0].mul(x[1]));
        OPS.put("div", (x, a) -> x[0].div(x[1]));
        OPS.put("pow", (x, a) -> x[0].pow(x[1]));
        OPS.put("add_scalar", (x, a) -> x[0].add(a.d("s")));
        OPS.put("sub_scalar", (x, a) -> x[0].sub(a.d("s")));
        OPS.put("mul_scalar", (x, a) -> x[0].mul(a.d("s")));
        OPS.put("div_scalar", (x, a) -> x[0].div(a.d("s")));
        OPS.put("pow_scalar", (x, a) -> x[0].pow(a.d("p")));
        OPS.put("neg", (x, a) -> x[0].neg());
        OPS.put("exp", (x, a) -> x[0].exp());
        OPS.put("log", (x, a) -> x[0].log());
        OPS.put("sqrt", (x, a) -> x[0].sqrt());
        OPS.put("abs", (x, a) -> x[0].abs());
        OPS.put("sin", (x, a) -> x[0].sin());
        OPS.put("cos", (x, a) -> x[0].cos());
        OPS.put("relu", (x, a) -> x[0].relu());
        OPS.put("leaky_relu", (x, a) -> x[0].leakyRelu(a.d("slope")));
        OPS.put("sigmoid", (x, a) -> x[0].sigmoid());
        OPS.put("tanh", (x, a) -> x[0].tanh());
        OPS.put("gelu", (x, a) -> x[0].gelu());
        OPS.put("erf", (x, a) -> x[0].erf());
        OPS.put("sum", (x, a) -> x[0].sum(a.ints("axes"), a.b("keepdims")));
        OPS.put("mean", (x, a) -> x[0].mean(a.ints("axes"), a.b("keepdims")));
        OPS.put("sum_all", (x, a) -> x[0].sumAll());
        OPS.put("mean_all", (x, a) -> x[0].meanAll());
        OPS.put("max_dim", (x, a) -> x[0].max(a.i("axis"), a.b("keepdims")));
        OPS.put("min_dim", (x, a) -> x[0].min(a.i("axis"), a.b("keepdims")));
        OPS.put("max_all", (x, a) -> x[0].maxAll());
        OPS.put("min_all", (x, a) -> x[0].minAll());
        OPS.put("softmax", (x, a) -> x[0].softmax(a.i("axis")));
        OPS.put("log_softmax", (x, a) -> x[0].logSoftmax(a.i("axis")));
        OPS.put("logsumexp", (x, a) -> x[0].logSumExp(a.i("axis"), a.b("keepdims")));
        OPS.put("matmul", (x, a) -> x[0].matmul(x[1]));
        OPS.put("linear", (x, a) -> LinearAlgebra.linear(x[0], x[1], x.length > 2 ? x[2] : null));
        OPS.put("reshape", (x, a) -> x[0].reshape(a.ints("shape")));
        OPS.put("permute", (x, a) -> x[0].permute(a.ints("axes")));
        OPS.put("transpose", (x, a) -> x[0].transpose(a.i("d0"), a.i("d1")));
        OPS.put("flatten", (x, a) -> x[0].flatten(a.i("start")));
        OPS.put("unsqueeze", (x, a) -> x[0].unsqueeze(a.i("axis")));
        OPS.put("squeeze", (x, a) -> x[0].squeeze(a.i("axis")));
        OPS.put("slice", (x, a) -> x[0].slice(a.i("axis"), a.i("start"), a.i("end")));
        OPS.put("select", (x, a) -> x[0].select(a.i("axis"), a.i("index")));
        OPS.put("index_select", (x, a) -> x[0].take(a.i("axis"), a.ints("indices")));
        OPS.put("gather", (x, a) -> x[0].gather(a.i("axis"), ParityMain.tensor(a.raw("index"))));
        OPS.put("cat", (x, a) -> Tensor.concat(a.i("axis"), x));
        OPS.put("stack", (x, a) -> Tensor.stack(x));
        OPS.put("expand", (x, a) -> x[0].expand(a.ints("shape")));
        OPS.put("conv2d", (x, a) -> {
            int[] s = a.ints("stride");
            int[] p = a.ints("padding");
            int[] d = a.ints("dilation");
            return Convolution.conv2d(x[0], x[1], x.length > 2 ? x[2] : null, s[0], s[1], p[0], p[1], d[0], d[1]);
        });
        OPS.put("max_pool2d", (x, a) -> Pooling.maxPool2d(x[0], a.i("kernel"), a.i("stride"), a.i("padding")));
        OPS.put("cross_entropy", (x, a) -> Losses.crossEntropy(x[0], ParityMain.tensor(a.raw("labels"))));
        OPS.put("multi_margin", (x, a) -> Losses.multiMargin(x[0], ParityMain.tensor(a.raw("labels"))));
        OPS.put("bce_with_logits", (x, a) -> Losses.bceWithLogits(x[0], x[1]));
        OPS.put("mse", (x, a) -> Losses.mse(x[0], x[1]));
        OPS.put("hinge", (x, a) -> Losses.hinge(x[0], ParityMain.tensor(a.raw("labels"))));
        OPS.put("avg_pool2d", (x, a) -> Pooling.avgPool2d(x[0], a.i("kernel"), a.i("stride"), a.i("padding")));
    }

    private Ops() {
    }

    static Op get(String name) {
        Op op = OPS.get(name);
        if (op == null) {
            throw new IllegalArgumentException("unknown op " + name);
        }
        return op;
    }
}

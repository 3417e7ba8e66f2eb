package org.javadl.parity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.javadl.autograd.Losses;
import org.javadl.nn.BatchNorm1d;
import org.javadl.nn.Conv2d;
import org.javadl.nn.Flatten;
import org.javadl.nn.Layer;
import org.javadl.nn.Linear;
import org.javadl.nn.MaxPool2d;
import org.javadl.nn.ReLU;
import org.javadl.nn.Sequential;
import org.javadl.nn.Sigmoid;
import org.javadl.nn.Tanh;
import org.javadl.optim.Adam;
import org.javadl.optim.AdamW;
import org.javadl.optim.LrSchedule;
import org.javadl.optim.Optimizer;
import org.javadl.optim.SGD;
import org.javadl.tensor.Tensor;

/**
 * Cases other than single ops, each built from the same JSON description as its torch.nn / torch.optim
 * counterpart on the Python side:
 * <ul>
 * <li>"model": a {@link Sequential} with the given parameters, one forward pass and the loss's backward;
 * results: the loss, every parameter's gradient (in PyTorch's parameter order) and the buffers;</li>
 * <li>"trajectory": the same model trained for a number of steps by an optimizer (and a learning-rate
 * schedule) on given minibatches; results: every parameter after every step, and the losses.</li>
 * </ul>
 */
final class Cases {
    private Cases() {
    }

    static void run(String kind, Map<String, Object> cs, Map<String, Object> r) {
        Args a = new Args(cs);
        Layer model = model((List<?>) a.raw("model"));
        model.load(state(a.raw("params")));
        if (!a.b("train")) {
            model.eval();
        }
        Tensor x = ParityMain.tensor(a.raw("x"));
        Tensor y = ParityMain.tensor(a.raw("y"));
        String loss = a.s("loss");
        if (kind.equals("model")) {
            Tensor out = model.forward(x);
            Tensor l = loss(loss, out, y);
            l.backward();
            r.put("value", ParityMain.encode(l));
            List<Object> grads = new ArrayList<>();
            for (Tensor p : model.parameters()) {
                grads.add(ParityMain.encode(p.grad()));
            }
            for (Tensor b : model.namedBuffers().values()) {
                grads.add(ParityMain.encode(b));
            }
            r.put("grads", grads);
        } else if (kind.equals("trajectory")) {
            Optimizer opt = optimizer(new Args(a.raw("optimizer")), model);
            LrSchedule schedule = a.has("schedule") ? schedule(new Args(a.raw("schedule")), opt) : null;
            List<Object> path = new ArrayList<>();
            List<Double> losses = new ArrayList<>();
            for (Object batch : (List<?>) a.raw("batches")) {
                int[] idx = ((List<?>) batch).stream().mapToInt(v -> ((Double) v).intValue()).toArray();
                opt.zeroGrad();
                Tensor l = loss(loss, model.forward(x.take(0, idx)), y.take(0, idx));
                l.backward();
                opt.step();
                if (schedule != null) {
                    schedule.next();
                }
                losses.add(l.item());
                for (Tensor p : model.parameters()) {
                    path.add(ParityMain.encode(p.detach()));
                }
            }
            r.put("trajectory", path);
            r.put("value", ParityMain.encode(Tensor.of(losses.stream().mapToDouble(Double::doubleValue).toArray())));
        } else {
            throw new IllegalArgumentException("unknown case kind " + kind);
        }
    }

    private static Tensor loss(String name, Tensor out, Tensor y) {
        switch (name) {
            case "cross_entropy":
                return Losses.crossEntropy(out, y);
            case "mse":
                return Losses.mse(out, y);
            case "bce_with_logits":
                return Losses.bceWithLogits(out, y);
            case "multi_margin":
                return Losses.multiMargin(out, y);
            default:
                throw new IllegalArgumentException("unknown loss " + name);
        }
    }

    private static Layer model(List<?> spec) {
        Layer[] layers = new Layer[spec.size()];
        java.util.SplittableRandom rng = new java.util.SplittableRandom(0); // overwritten by load()
        for (int i = 0; i < layers.length; i++) {
            Args l = new Args(spec.get(i));
            switch (l.s("type")) {
                case "linear":
                    layers[i] = new Linear(l.i("in"), l.i("out"), true, rng);
                    break;
                case "conv2d":
                    layers[i] = new Conv2d(l.i("in"), l.i("out"), l.i("kernel"), l.i("stride"), l.i("padding"), 1, true,
                            rng);
                    break;
                case "maxpool2d":
                    layers[i] = new MaxPool2d(l.i("kernel"));
                    break;
                case "flatten":
                    layers[i] = new Flatten();
                    break;
                case "relu":
                    layers[i] = new ReLU();
                    break;
                case "tanh":
                    layers[i] = new Tanh();
                    break;
                case "sigmoid":
                    layers[i] = new Sigmoid();
                    break;
                case "batchnorm1d":
                    layers[i] = new BatchNorm1d(l.i("features"));
                    break;
                default:
                    throw new IllegalArgumentException("unknown layer " + l.s("type"));
            }
        }
        return new Sequential(layers);
    }

    private static Map<String, Tensor> state(Object o) {
        Map<String, Tensor> m = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : ((Map<?, ?>) o).entrySet()) {
            m.put((String) e.getKey(), ParityMain.tensor(e.getValue()));
        }
        return m;
    }

    private static Optimizer optimizer(Args o, Layer model) {
        List<Tensor> p = model.parameters();
        switch (o.s("type")) {
            case "sgd":
                return new SGD(p, o.d("lr"), o.d("momentum"), o.d("dampening"), o.d("weight_decay"), o.b("nesterov"));
            case "adam":
                return new Adam(p, o.d("lr"), o.d("beta1"), o.d("beta2"), o.d("eps"), o.d("weight_decay"));
            case "adamw":
                return new AdamW(p, o.d("lr"), o.d("beta1"), o.d("beta2"), o.d("eps"), o.d("weight_decay"));
            default:
                throw new IllegalArgumentException("unknown optimizer " + o.s("type"));
        }
    }

    private static LrSchedule schedule(Args s, Optimizer opt) {
        switch (s.s("type")) {
            case "step":
                return LrSchedule.step(opt, s.i("size"), s.d("gamma"));
            case "exponential":
                return LrSchedule.exponential(opt, s.d("gamma"));
            case "cosine":
                return LrSchedule.cosine(opt, s.i("epochs"), s.d("eta_min"));
            default:
                throw new IllegalArgumentException("unknown schedule " + s.s("type"));
        }
    }
}

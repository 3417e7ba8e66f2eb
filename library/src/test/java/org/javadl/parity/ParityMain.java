package org.javadl.parity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.javadl.autograd.ForwardMode;
import org.javadl.tensor.Tensor;

/**
 * The Java side of tests/test_torch_parity.py, run without the kernel: reads cases as JSON on stdin,
 * computes each with the library, and writes JSON results on stdout. An "op" case gives its inputs, a
 * cotangent for the output and a direction per input; the result holds the output, the gradient of
 * Σ cotangent·output with respect to every input (reverse mode) and the tangent along the directions
 * (forward mode). Other kinds of case (losses, models, optimizer trajectories) are in {@link Cases}.
 * A case that throws reports its error instead, so one bad case does not hide the others.
 *
 * <p>Run: {@code java -cp library/target/classes:TESTCLASSES org.javadl.parity.ParityMain < cases.json}
 */
public final class ParityMain {
    private ParityMain() {
    }

    public static void main(String[] args) throws IOException {
        String in = new String(System.in.readAllBytes(), StandardCharsets.UTF_8);
        @SuppressWarnings("unchecked")
        Map<String, Object> root = (Map<String, Object>) Json.parse(in);
        List<Object> results = new ArrayList<>();
        for (Object c : (List<?>) root.get("cases")) {
            @SuppressWarnings("unchecked")
            Map<String, Object> cs = (Map<String, Object>) c;
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("name", cs.get("name"));
            try {
                String kind = (String) cs.getOrDefault("kind", "op");
                if (kind.equals("op")) {
                    runOp(cs, r);
                } else {
                    Cases.run(kind, cs, r);
                }
            } catch (RuntimeException e) {
                r.put("error", e.toString());
            }
            results.add(r);
        }
        StringBuilder out = new StringBuilder();
        Json.write(Map.of("results", results), out);
        System.out.write(out.toString().getBytes(StandardCharsets.UTF_8));
        System.out.flush();
    }

    private static void runOp(Map<String, Object> cs, Map<String, Object> r) {
        Ops.Op op = Ops.get((String) cs.get("op"));
        Args args = new Args(cs.get("args"));
        Tensor[] inputs = tensors(cs.get("inputs"));
        Tensor[] leaves = new Tensor[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            leaves[i] = inputs[i].detach().requiresGrad();
        }
        Tensor y = op.apply(leaves, args);
        r.put("value", encode(y));
        y.backward(tensor(cs.get("cotangent")));
        List<Object> grads = new ArrayList<>();
        for (Tensor leaf : leaves) {
            grads.add(leaf.grad() == null ? null : encode(leaf.grad()));
        }
        r.put("grads", grads);
        Tensor[] dirs = tensors(cs.get("directions"));
        ForwardMode.Dual d = ForwardMode.jvp(xs -> op.apply(xs, args), inputs, dirs);
        r.put("tangent", encode(d.tangent()));
    }

    static Tensor[] tensors(Object list) {
        List<?> l = (List<?>) list;
        Tensor[] t = new Tensor[l.size()];
        for (int i = 0; i < t.length; i++) {
            t[i] = tensor(l.get(i));
        }
        return t;
    }

    static Tensor tensor(Object o) {
        Map<?, ?> m = (Map<?, ?>) o;
        List<?> shape = (List<?>) m.get("shape");
        List<?> data = (List<?>) m.get("data");
        int[] s = new int[shape.size()];
        for (int i = 0; i < s.length; i++) {
            s[i] = ((Double) shape.get(i)).intValue();
        }
        double[] d = new double[data.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = (Double) data.get(i);
        }
        return Tensor.of(d, s);
    }

    static Map<String, Object> encode(Tensor t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("shape", t.shape());
        m.put("data", t.toArray());
        return m;
    }
}

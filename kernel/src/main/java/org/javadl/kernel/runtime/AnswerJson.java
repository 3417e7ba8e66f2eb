package org.javadl.kernel.runtime;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

import java.lang.reflect.Array;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The JSON form of an answer value, as the answer sheet asks:
 * <ul>
 *   <li>integers (Integer, Long, Short, Byte, BigInteger) stay JSON integers: {@code 4}, not {@code 4.0};</li>
 *   <li>doubles keep full precision (shortest repr that round-trips): {@code 0.7310585786300049};
 *       a float is widened through its decimal form, so {@code 0.1f} gives {@code 0.1};</li>
 *   <li>vectors (double[], int[], List, 1-D tensors) are arrays; matrices (double[][], 2-D tensors) are
 *       arrays of rows; deeper nesting nests further;</li>
 *   <li><b>non-finite numbers</b>, which JSON cannot hold, become the strings {@code "NaN"},
 *       {@code "Infinity"} and {@code "-Infinity"}: exactly what Python's {@code float(...)} reads back,
 *       so no information is lost and a grader sees at once that the value is not a number;</li>
 *   <li>booleans and strings as themselves; records as objects of their components.</li>
 * </ul>
 *
 * <p>Tensors are read without depending on their class: an object with a public no-argument
 * {@code shape()} returning {@code int[]} and one of {@code toArray()}, {@code data()},
 * {@code toDoubleArray()}, {@code values()} returning a flat row-major {@code double[]} (or already
 * nested arrays) is reshaped into nested arrays; a 0-D tensor (shape []) becomes a number.
 * {@code org.javadl.tensor.Tensor} has {@code shape()} and {@code toArray()}.
 */
public final class AnswerJson {
    private AnswerJson() {
    }

    private static final String[] DATA_METHODS = {"toArray", "data", "toDoubleArray", "values", "toList"};

    public static JsonElement toJson(Object value) {
        return toJson(value, 0);
    }

    private static JsonElement toJson(Object v, int depth) {
        if (depth > 32) {
            throw new IllegalArgumentException("answer value is nested too deeply (cyclic?)");
        }
        if (v == null) {
            throw new IllegalArgumentException("an answer value cannot be null");
        }
        if (v instanceof JsonElement j) {
            return j;
        }
        if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte
                || v instanceof AtomicInteger || v instanceof AtomicLong) {
            return new JsonPrimitive(((Number) v).longValue());
        }
        if (v instanceof BigInteger b) {
            return new JsonPrimitive(b);
        }
        if (v instanceof Float f) {
            return number(Double.parseDouble(f.toString()));
        }
        if (v instanceof Double || v instanceof BigDecimal) {
            return number(((Number) v).doubleValue());
        }
        if (v instanceof Number n) {
            return number(n.doubleValue());
        }
        if (v instanceof Boolean b) {
            return new JsonPrimitive(b);
        }
        if (v instanceof CharSequence || v instanceof Character) {
            return new JsonPrimitive(v.toString());
        }
        if (v.getClass().isArray()) {
            JsonArray a = new JsonArray();
            int n = Array.getLength(v);
            for (int i = 0; i < n; i++) {
                a.add(toJson(Array.get(v, i), depth + 1));
            }
            return a;
        }
        if (v instanceof Iterable<?> it) {
            JsonArray a = new JsonArray();
            for (Object e : it) {
                a.add(toJson(e, depth + 1));
            }
            return a;
        }
        if (v instanceof Map<?, ?> m) {
            JsonObject o = new JsonObject();
            m.forEach((k, val) -> o.add(String.valueOf(k), toJson(val, depth + 1)));
            return o;
        }
        if (v.getClass().isRecord()) {
            JsonObject o = new JsonObject();
            for (RecordComponent c : v.getClass().getRecordComponents()) {
                try {
                    c.getAccessor().setAccessible(true);
                    o.add(c.getName(), toJson(c.getAccessor().invoke(v), depth + 1));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalArgumentException("cannot read " + c.getName() + " of " + v.getClass().getSimpleName(), e);
                }
            }
            return o;
        }
        JsonElement tensor = tensorLike(v, depth);
        if (tensor != null) {
            return tensor;
        }
        throw new IllegalArgumentException("cannot publish a " + v.getClass().getName()
                + " as an answer: use a number, a boolean, an array, a List or a Tensor");
    }

    private static JsonElement number(double d) {
        if (Double.isNaN(d)) {
            return new JsonPrimitive("NaN");
        }
        if (Double.isInfinite(d)) {
            return new JsonPrimitive(d > 0 ? "Infinity" : "-Infinity");
        }
        return new JsonPrimitive(d);
    }

    private static JsonElement tensorLike(Object v, int depth) {
        Object data = null;
        for (String name : DATA_METHODS) {
            Object r = invokeNoArg(v, name);
            if (r != null && (r.getClass().isArray() || r instanceof Iterable<?>)) {
                data = r;
                break;
            }
        }
        if (data == null) {
            return null;
        }
        Object shape = invokeNoArg(v, "shape");
        if (data instanceof double[] flat && shape instanceof int[] dims && dims.length == 0 && flat.length == 1) {
            return number(flat[0]); // a 0-D tensor is a number
        }
        if (data instanceof double[] flat && shape instanceof int[] dims && dims.length >= 2) {
            int[] pos = {0};
            return reshape(flat, dims, 0, pos);
        }
        return toJson(data, depth + 1);
    }

    private static JsonElement reshape(double[] flat, int[] dims, int axis, int[] pos) {
        JsonArray a = new JsonArray();
        for (int i = 0; i < dims[axis]; i++) {
            if (axis == dims.length - 1) {
                a.add(number(flat[pos[0]++]));
            } else {
                a.add(reshape(flat, dims, axis + 1, pos));
            }
        }
        return a;
    }

    private static Object invokeNoArg(Object v, String name) {
        try {
            Method m = v.getClass().getMethod(name);
            if (Modifier.isStatic(m.getModifiers())) {
                return null;
            }
            m.setAccessible(true);
            return m.invoke(v);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}

package org.javadl.parity;

import java.util.List;
import java.util.Map;

/** A case's named arguments, as JSON gave them (numbers arrive as doubles). */
final class Args {
    private final Map<?, ?> m;

    Args(Object o) {
        this.m = o == null ? Map.of() : (Map<?, ?>) o;
    }

    boolean has(String k) {
        return m.containsKey(k) && m.get(k) != null;
    }

    int i(String k) {
        return ((Double) need(k)).intValue();
    }

    double d(String k) {
        return (Double) need(k);
    }

    boolean b(String k) {
        return (Boolean) need(k);
    }

    String s(String k) {
        return (String) need(k);
    }

    int[] ints(String k) {
        List<?> l = (List<?>) need(k);
        int[] r = new int[l.size()];
        for (int j = 0; j < r.length; j++) {
            r[j] = ((Double) l.get(j)).intValue();
        }
        return r;
    }

    Object raw(String k) {
        return need(k);
    }

    private Object need(String k) {
        if (!m.containsKey(k)) {
            throw new IllegalArgumentException("case argument '" + k + "' missing");
        }
        return m.get(k);
    }
}

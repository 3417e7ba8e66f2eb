package org.javadl.kernel.runtime;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonPrimitive;

/**
 * How close a value is to an expected one, walking both as JSON (numbers, nested arrays, strings):
 * the largest absolute element-wise difference and the first place where they disagree.
 * Numbers agree when {@code |actual - expected| <= tol * max(1, |expected|)}; NaN agrees only with
 * NaN; arrays must have the same shape. Shared by {@link Answer} cards and {@link Check}s, so a
 * check in a test cell and the answer card it guards judge a value the same way.
 */
final class Closeness {
    private final double tol;
    private Double maxDiff;
    private String problem;

    private Closeness(double tol) {
        this.tol = tol;
    }

    static Closeness compare(JsonElement actual, JsonElement expected, double tol) {
        Closeness c = new Closeness(tol);
        c.walk(actual, expected, "");
        return c;
    }

    boolean matches() {
        return problem == null;
    }

    /** Largest absolute difference over the numbers compared, or null if no number was compared. */
    Double maxDiff() {
        return maxDiff;
    }

    /** The first disagreement ("differs at [1][0]", "length differs at ..."), or null. */
    String problem() {
        return problem;
    }

    private void walk(JsonElement a, JsonElement e, String path) {
        if (a.isJsonArray() && e.isJsonArray()) {
            JsonArray aa = a.getAsJsonArray();
            JsonArray ea = e.getAsJsonArray();
            if (aa.size() != ea.size()) {
                note("length differs at " + where(path) + ": " + aa.size() + " vs expected " + ea.size());
                return;
            }
            for (int i = 0; i < aa.size(); i++) {
                walk(aa.get(i), ea.get(i), path + "[" + i + "]");
            }
            return;
        }
        Double x = asDouble(a);
        Double y = asDouble(e);
        if (x != null && y != null) {
            if (Double.isNaN(x) || Double.isNaN(y)) {
                if (!(Double.isNaN(x) && Double.isNaN(y))) {
                    note("NaN at " + where(path));
                }
                return;
            }
            double d = x.equals(y) ? 0 : Math.abs(x - y);
            if (Double.isNaN(d)) {
                d = Double.POSITIVE_INFINITY;
            }
            maxDiff = maxDiff == null ? d : Math.max(maxDiff, d);
            if (!(d <= tol * Math.max(1, Math.abs(y)))) {
                note("differs at " + where(path));
            }
            return;
        }
        if (!a.equals(e)) {
            note("differs at " + where(path) + ": " + a + " vs expected " + e);
        }
    }

    private static String where(String path) {
        return path.isEmpty() ? "the value" : path;
    }

    private void note(String p) {
        if (problem == null) {
            problem = p;
        }
    }

    private static Double asDouble(JsonElement v) {
        if (!v.isJsonPrimitive()) {
            return null;
        }
        JsonPrimitive p = v.getAsJsonPrimitive();
        if (p.isNumber()) {
            return p.getAsDouble();
        }
        if (p.isString()) {
            return switch (p.getAsString()) {
                case "NaN" -> Double.NaN;
                case "Infinity" -> Double.POSITIVE_INFINITY;
                case "-Infinity" -> Double.NEGATIVE_INFINITY;
                default -> null;
            };
        }
        return null;
    }
}

package org.javadl.kernel.display;

import java.util.ArrayList;
import java.util.List;

/** "Nice" axis ticks (steps of 1, 2 or 5 times a power of ten) and their labels. */
public final class Ticks {
    private Ticks() {
    }

    /** About {@code target} ticks covering [lo, hi]. */
    public static List<Double> nice(double lo, double hi, int target) {
        List<Double> ticks = new ArrayList<>();
        if (!(hi > lo) || !Double.isFinite(lo) || !Double.isFinite(hi)) {
            ticks.add(lo);
            return ticks;
        }
        double step = step(lo, hi, target);
        double start = Math.ceil(lo / step - 1e-9) * step;
        for (double v = start; v <= hi + step * 1e-9; v += step) {
            ticks.add(Math.abs(v) < step * 1e-9 ? 0.0 : v);
        }
        return ticks;
    }

    static double step(double lo, double hi, int target) {
        double raw = (hi - lo) / Math.max(1, target);
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double r = raw / mag;
        double nice = r < 1.5 ? 1 : r < 3 ? 2 : r < 7 ? 5 : 10;
        return nice * mag;
    }

    /** A short label: no trailing zeros, scientific only for very large or small magnitudes. */
    public static String label(double v) {
        if (v == 0) {
            return "0";
        }
        double a = Math.abs(v);
        if (a >= 1e5 || a < 1e-3) {
            return String.format(java.util.Locale.ROOT, "%.2g", v);
        }
        String s = String.format(java.util.Locale.ROOT, "%.4f", v);
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }
}

package org.javadl.kernel.magic;

import java.util.Locale;

/** Times and sizes as people read them: three significant digits and a unit ("12.3 µs", "1.20 MB"). */
final class Durations {
    private Durations() {
    }

    static String time(double seconds) {
        if (Double.isNaN(seconds) || seconds < 0) {
            return "n/a";
        }
        String[] units = {"s", "ms", "µs", "ns"};
        double v = seconds;
        int u = 0;
        while (u < units.length - 1 && v != 0 && Math.abs(v) < 1) {
            v *= 1000;
            u++;
        }
        if (seconds >= 60) {
            return String.format(Locale.ROOT, "%dmin %s", (long) (seconds / 60), time(seconds % 60));
        }
        return sig3(v) + " " + units[u];
    }

    static String bytes(long n) {
        if (n < 0) {
            return "n/a";
        }
        String[] units = {"bytes", "KB", "MB", "GB", "TB"};
        double v = n;
        int u = 0;
        while (u < units.length - 1 && v >= 1000) {
            v /= 1024;
            u++;
        }
        return u == 0 ? n + " bytes" : sig3(v) + " " + units[u];
    }

    /** Three significant digits without exponent: 123, 12.3, 1.23, 0.123. */
    static String sig3(double v) {
        if (v == 0) {
            return "0";
        }
        int digits = (int) Math.floor(Math.log10(Math.abs(v))) + 1;
        int decimals = Math.max(0, 3 - digits);
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }
}

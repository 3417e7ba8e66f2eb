package org.javadl.kernel.magic;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The per-cell time budget: a cell still running after it is stopped as an interrupt would stop it,
 * with a message naming the budget. From {@code JAVADL_TIMEOUT} at start-up, changed by {@code %timeout}.
 */
public final class CellTimeout {
    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|sec|m|min|h)?");
    private volatile double seconds;

    public CellTimeout(double seconds) {
        this.seconds = seconds;
    }

    /** The budget from {@code JAVADL_TIMEOUT} (a duration such as 30, 30s, 2m; unset or 0: none). */
    public static CellTimeout fromEnvironment(String value) {
        if (value == null || value.isBlank()) {
            return new CellTimeout(0);
        }
        try {
            return new CellTimeout(parse(value));
        } catch (IllegalArgumentException e) {
            java.util.logging.Logger.getLogger(CellTimeout.class.getName())
                    .warning("JAVADL_TIMEOUT ignored: " + e.getMessage());
            return new CellTimeout(0);
        }
    }

    /** Seconds of "30", "30s", "1.5m", "500ms", "2h"; "off", "none" and "0" are 0 (no budget). */
    public static double parse(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (t.equals("off") || t.equals("none") || t.equals("0")) {
            return 0;
        }
        Matcher m = DURATION.matcher(t);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a duration: '" + text + "' (use 30, 30s, 2m, 500ms or off)");
        }
        double v = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        return switch (unit) {
            case "ms" -> v / 1000;
            case "m", "min" -> v * 60;
            case "h" -> v * 3600;
            default -> v;
        };
    }

    public double seconds() {
        return seconds;
    }

    public void set(double seconds) {
        if (!(seconds >= 0) || Double.isInfinite(seconds)) {
            throw new IllegalArgumentException("a time budget must be 0 (none) or a positive number of seconds");
        }
        this.seconds = seconds;
    }

    public String describe() {
        return seconds == 0 ? "no time budget" : format(seconds) + " per cell";
    }

    /** "2 s", "1.5 min": a budget as the user would have written it. */
    public static String format(double seconds) {
        return Durations.time(seconds);
    }
}

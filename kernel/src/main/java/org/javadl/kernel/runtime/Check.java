package org.javadl.kernel.runtime;

import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import org.javadl.kernel.display.MimeTypes;
import org.javadl.show.Html;

import java.util.Locale;

/**
 * One named quantity checked against its expected value, for test cells a student reads:
 * {@code check("S(0)", s0, 0.5, 1e-9)} shows a green ✓ or a red ✗ card that names the quantity and
 * says expected vs got and by how much; {@code assertClose(...)} shows the same card and, on a
 * mismatch, also fails the cell with a {@link CheckFailure} whose message says the same, so an
 * autograder (nbgrader runs test cells and counts a cell that raises as failed) scores it.
 *
 * <p>Values are compared as {@link Answer}s are ({@link Closeness}: numbers, arrays, tensors,
 * matrices; relative tolerance {@code tol * max(1, |expected|)}). A value that cannot be compared —
 * null (a stub that returns nothing), or of another shape — is a failure with a message saying so,
 * never an internal error.
 */
public final class Check {
    private final String name;
    private final JsonElement value;
    private final JsonElement expected;
    private final double tolerance;
    private final Double maxDiff;
    private final String problem;

    Check(String name, Object value, Object expected, double tolerance) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a check needs the name of the quantity it checks, e.g. check(\"S(0)\", s, 0.5)");
        }
        if (expected == null) {
            throw new IllegalArgumentException("check \"" + name + "\": the expected value is null");
        }
        if (!(tolerance >= 0)) {
            throw new IllegalArgumentException("check \"" + name + "\": tolerance must be >= 0, got " + tolerance);
        }
        this.name = name;
        this.tolerance = tolerance;
        this.expected = AnswerJson.toJson(expected);
        JsonElement v;
        String unusable = null;
        if (value == null) {
            v = JsonNull.INSTANCE;
            unusable = "got null (is the solution still missing?)";
        } else {
            try {
                v = AnswerJson.toJson(value);
            } catch (RuntimeException e) {
                v = JsonNull.INSTANCE;
                unusable = "got a " + value.getClass().getSimpleName() + " that cannot be compared (" + e.getMessage() + ")";
            }
        }
        this.value = v;
        if (unusable != null) {
            this.maxDiff = null;
            this.problem = unusable;
        } else {
            Closeness c = Closeness.compare(v, this.expected, tolerance);
            this.maxDiff = c.maxDiff();
            this.problem = c.problem();
        }
    }

    public String name() {
        return name;
    }

    public boolean passed() {
        return problem == null;
    }

    /** Largest absolute element-wise difference, or null when nothing numeric was compared. */
    public Double maxDifference() {
        return maxDiff;
    }

    /** One line a student can act on: which quantity, expected vs got, how far off. */
    public String message() {
        StringBuilder b = new StringBuilder();
        b.append(passed() ? "✓ " : "✗ ").append(name).append(": ");
        if (passed()) {
            b.append(brief(value)).append(" (expected ").append(brief(expected));
            if (maxDiff != null && maxDiff > 0) {
                b.append(", max |diff| ").append(g(maxDiff));
            }
            return b.append(')').toString();
        }
        b.append("expected ").append(brief(expected)).append(", got ");
        b.append(value.isJsonNull() ? "null" : brief(value));
        b.append(" — ").append(problem);
        if (maxDiff != null) {
            b.append(" (max |diff| ").append(g(maxDiff)).append(", allowed ").append(g(tolerance))
                    .append(" × max(1, |expected|))");
        }
        return b.toString();
    }

    DisplayData toDisplayData() {
        DisplayData d = new DisplayData();
        d.putText(message());
        d.putHTML(html());
        JsonObject payload = new JsonObject();
        payload.addProperty("name", name);
        payload.addProperty("passed", passed());
        payload.add("value", value.deepCopy());
        payload.add("expected", expected.deepCopy());
        payload.addProperty("tolerance", tolerance);
        if (maxDiff != null && Double.isFinite(maxDiff)) {
            payload.addProperty("max_abs_diff", maxDiff);
        }
        if (problem != null) {
            payload.addProperty("problem", problem);
        }
        d.putData(MimeTypes.CHECK, payload);
        return d;
    }

    private String html() {
        // Explicit colours on a light card: readable in JupyterLab's light and dark themes alike.
        String colour = passed() ? "#2e7d32" : "#c62828";
        String background = passed() ? "#f1f8f1" : "#fdecea";
        StringBuilder b = new StringBuilder();
        b.append("<div class=\"javadl-check\" style=\"border:1px solid ").append(colour)
                .append(";border-left:6px solid ").append(colour).append(";background:").append(background)
                .append(";color:#1a1a1a;border-radius:4px;padding:6px 10px;margin:4px 0;display:inline-block;"
                        + "font-family:var(--jp-code-font-family,monospace)\">");
        b.append("<b style=\"color:").append(colour).append("\">").append(passed() ? "✓" : "✗").append("</b> ");
        b.append("<b>").append(Html.escape(name)).append("</b>");
        if (passed()) {
            b.append(" = <code>").append(Html.escape(brief(value))).append("</code>");
        } else {
            b.append("<div style=\"margin-top:3px\">expected <code>").append(Html.escape(brief(expected)))
                    .append("</code>, got <code>").append(Html.escape(value.isJsonNull() ? "null" : brief(value)))
                    .append("</code></div>");
            b.append("<div style=\"font-size:85%;margin-top:2px\">").append(Html.escape(problem));
            if (maxDiff != null) {
                b.append(" · max |diff| ").append(Html.escape(g(maxDiff))).append(" > ")
                        .append(Html.escape(g(tolerance))).append(" × max(1, |expected|)");
            }
            b.append("</div>");
        }
        return b.append("</div>").toString();
    }

    /** JSON text, cut to a readable length: a 784-element array is not a message. */
    private static String brief(JsonElement v) {
        String s = v.toString();
        return s.codePointCount(0, s.length()) <= 120 ? s : s.substring(0, s.offsetByCodePoints(0, 117)) + "…";
    }

    private static String g(double d) {
        return String.format(Locale.ROOT, "%.3g", d);
    }

    @Override
    public String toString() {
        return message();
    }

    /** A failed {@code assertClose}: an AssertionError whose message names the quantity. */
    public static final class CheckFailure extends AssertionError {
        private static final long serialVersionUID = 1L;

        CheckFailure(String message) {
            super(message);
        }
    }
}

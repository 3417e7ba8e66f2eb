package org.javadl.kernel.runtime;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import org.javadl.kernel.display.MimeTypes;
import org.javadl.show.Html;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A published answer: a card for people (HTML and text) plus
 * {@code application/vnd.javadl.answer+json = {"id": ..., "value": ...}} for graders.
 * With an expected value the card says ✓ or ✗ and by how much it differs.
 *
 * <p>Numbers match when {@code |actual - expected| <= tol * max(1, |expected|)} (default
 * {@value #DEFAULT_TOLERANCE}); arrays match element by element and must have the same shape;
 * "NaN" matches only "NaN".
 */
public final class Answer {

    public static final double DEFAULT_TOLERANCE = 1e-9;

    /**
     * {@code hwNNN.<problem>.<quantity>}, more dotted parts allowed (hw004.p9.x_0p5.dy_dx), or
     * {@code experiments.<data set>.<quantity>} for the training notebook's results.
     */
    private static final Pattern ID = Pattern.compile("(hw\\d{3}|experiments)(\\.[A-Za-z0-9_]+){2,}");

    private final String id;
    private final JsonElement value;
    private final JsonElement expected;
    private final double tolerance;
    private final Double maxDiff;
    private final Boolean matches;
    private final String mismatch;

    Answer(String id, Object value, Object expected, double tolerance) {
        this.id = validateId(id);
        this.value = AnswerJson.toJson(value);
        if (!(tolerance >= 0)) {
            throw new IllegalArgumentException("tolerance must be >= 0, got " + tolerance);
        }
        this.tolerance = tolerance;
        if (expected != null) {
            this.expected = AnswerJson.toJson(expected);
            Closeness c = Closeness.compare(this.value, this.expected, tolerance);
            this.matches = c.matches();
            this.maxDiff = c.maxDiff();
            this.mismatch = c.problem();
        } else {
            this.expected = null;
            this.matches = null;
            this.maxDiff = null;
            this.mismatch = null;
        }
    }

    static String validateId(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("answer id " + (id == null ? "null" : "'" + id + "'")
                    + " is not of the form hwNNN.<problem>.<quantity>, e.g. hw000.p1c.S_0, or"
                    + " experiments.<data set>.<quantity> (letters, digits and _ between the dots)");
        }
        return id;
    }

    public String id() {
        return id;
    }

    /** The JSON value published (a copy, safe to modify). */
    public JsonElement value() {
        return value.deepCopy();
    }

    /** True/false when an expected value was given, else null. */
    public Boolean matches() {
        return matches;
    }

    /** Largest absolute element-wise difference from the expected value, or null. */
    public Double maxDifference() {
        return maxDiff;
    }

    DisplayData toDisplayData() {
        DisplayData d = new DisplayData();
        d.putText(text());
        d.putHTML(html());
        JsonObject payload = new JsonObject();
        payload.addProperty("id", id);
        payload.add("value", value.deepCopy());
        d.putData(MimeTypes.ANSWER, payload);
        return d;
    }

    String text() {
        StringBuilder b = new StringBuilder();
        if (matches != null) {
            b.append(matches ? "✓ " : "✗ ");
        }
        b.append(id).append(" = ").append(value);
        if (matches != null) {
            b.append("   (expected ").append(expected).append(", ").append(verdict()).append(')');
        }
        if (hasNonFinite(value)) {
            b.append("   [not a finite number]");
        }
        return b.toString();
    }

    private String verdict() {
        if (mismatch != null && maxDiff == null) {
            return mismatch;
        }
        String diff = "max |diff| = " + String.format(Locale.ROOT, "%.3g", maxDiff);
        return matches ? diff + " <= tol " + tolerance : (mismatch == null ? diff : mismatch + ", " + diff);
    }

    String html() {
        String colour = matches == null ? "#4a7bd0" : matches ? "#2e9d53" : "#d0453a";
        StringBuilder b = new StringBuilder();
        b.append("<div class=\"javadl-answer\" style=\"border:1px solid #ddd;border-left:5px solid ")
                .append(colour).append(";border-radius:4px;padding:6px 10px;margin:4px 0;display:inline-block;"
                        + "font-family:var(--jp-code-font-family,monospace)\">");
        b.append("<span style=\"font-size:85%;" + Html.MUTED + "\">answer</span> <b>").append(Html.escape(id)).append("</b>");
        if (matches != null) {
            b.append(" <span style=\"").append(Html.accent(colour)).append(";font-weight:bold\">")
                    .append(matches ? "✓" : "✗").append("</span>");
        }
        b.append("<div style=\"margin-top:3px\">").append(valueHtml(value)).append("</div>");
        if (matches != null) {
            b.append("<div style=\"font-size:85%;margin-top:3px;" + Html.MUTED + "\">expected ")
                    .append(Html.escape(expected.toString())).append(" · ").append(Html.escape(verdict())).append("</div>");
        }
        if (hasNonFinite(value)) {
            b.append("<div style=\"font-size:85%;" + Html.accent("#d0453a") + "\">not a finite number</div>");
        }
        return b.append("</div>").toString();
    }

    /** Matrices as small tables, everything else as its JSON text. */
    private static String valueHtml(JsonElement v) {
        if (v.isJsonArray() && v.getAsJsonArray().size() > 0 && v.getAsJsonArray().size() <= 50
                && allRowsOfNumbers(v.getAsJsonArray())) {
            StringBuilder b = new StringBuilder("<table style=\"border-collapse:collapse;border-left:1px solid #999;"
                    + "border-right:1px solid #999\">");
            for (JsonElement row : v.getAsJsonArray()) {
                b.append("<tr>");
                for (JsonElement e : row.getAsJsonArray()) {
                    b.append("<td style=\"padding:1px 8px;text-align:right\">").append(Html.escape(e.toString())).append("</td>");
                }
                b.append("</tr>");
            }
            return b.append("</table>").toString();
        }
        return "<code>" + Html.escape(v.toString()) + "</code>";
    }

    private static boolean allRowsOfNumbers(JsonArray a) {
        for (JsonElement row : a) {
            if (!row.isJsonArray() || row.getAsJsonArray().size() > 20) {
                return false;
            }
            for (JsonElement e : row.getAsJsonArray()) {
                if (!e.isJsonPrimitive()) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean hasNonFinite(JsonElement v) {
        if (v.isJsonArray()) {
            for (JsonElement e : v.getAsJsonArray()) {
                if (hasNonFinite(e)) {
                    return true;
                }
            }
            return false;
        }
        if (v.isJsonPrimitive() && v.getAsJsonPrimitive().isString()) {
            String s = v.getAsString();
            return s.equals("NaN") || s.equals("Infinity") || s.equals("-Infinity");
        }
        return false;
    }

    @Override
    public String toString() {
        return text();
    }
}

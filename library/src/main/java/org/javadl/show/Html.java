package org.javadl.show;

/** Small helpers for writing HTML fragments safely, in colours that read on light and dark pages. */
public final class Html {
    private Html() {
    }

    /**
     * Inline CSS for secondary text (row numbers, captions, notes): the surrounding text colour at
     * 70 %, so it stays readable on a white page and on a dark theme alike (a fixed grey such as
     * #888 is 3.5:1 on white and too dark on near-black). The plain grey before it is for browsers
     * without {@code color-mix()}.
     */
    public static final String MUTED = "color:#666;color:color-mix(in srgb,currentColor 70%,transparent)";

    /**
     * Inline CSS for text in an accent colour (a green tick, a red cross): {@code hex} mixed 40 %
     * towards the surrounding text colour, which makes it darker on light pages and lighter on dark
     * ones; no single hue reaches 4.5:1 against both white and a near-black background.
     */
    public static String accent(String hex) {
        return "color:" + hex + ";color:color-mix(in srgb," + hex + " 60%,currentColor)";
    }

    /** Escapes {@code & < > " '} so arbitrary text can be placed in HTML content or attributes. */
    public static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}

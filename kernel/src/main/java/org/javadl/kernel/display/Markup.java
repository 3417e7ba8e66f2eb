package org.javadl.kernel.display;

import java.util.Objects;

/**
 * A piece of LaTeX, Markdown or HTML source a cell wants shown as such (what {@code latex(...)},
 * {@code markdown(...)} and {@code html(...)} return). Rendered when it is a cell's last expression
 * or passed to {@code display}; its text/plain is the source itself.
 */
public final class Markup {

    public enum Kind { LATEX, MARKDOWN, HTML }

    private final Kind kind;
    private final String source;

    private Markup(Kind kind, String source) {
        this.kind = kind;
        this.source = Objects.requireNonNull(source, "source");
    }

    /** LaTeX math, shown in display mode (wrapped in {@code $$...$$} unless already delimited). */
    public static Markup latex(String source) {
        return new Markup(Kind.LATEX, source);
    }

    public static Markup markdown(String source) {
        return new Markup(Kind.MARKDOWN, source);
    }

    public static Markup html(String source) {
        return new Markup(Kind.HTML, source);
    }

    public Kind kind() {
        return kind;
    }

    public String source() {
        return source;
    }

    static void render(Markup m, Bundle out, RenderOptions options) {
        out.text(m.source);
        switch (m.kind) {
            case LATEX -> out.latexMath(m.source);
            case MARKDOWN -> out.markdown(m.source);
            case HTML -> out.html(m.source);
        }
    }

    @Override
    public String toString() {
        return source;
    }
}

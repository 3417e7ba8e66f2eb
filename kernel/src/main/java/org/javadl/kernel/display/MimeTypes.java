package org.javadl.kernel.display;

/** The MIME types this kernel emits, in one place so tests and renderers spell them alike. */
public final class MimeTypes {
    private MimeTypes() {
    }

    public static final String TEXT = "text/plain";
    public static final String HTML = "text/html";
    public static final String LATEX = "text/latex";
    public static final String MARKDOWN = "text/markdown";
    public static final String SVG = "image/svg+xml";
    public static final String PNG = "image/png";
    public static final String JSON = "application/json";
    /** The machine-readable answer an autograder reads: {@code {"id": ..., "value": ...}}. */
    public static final String ANSWER = "application/vnd.javadl.answer+json";
    /** A check's verdict: {@code {"name", "passed", "value", "expected", "tolerance", "max_abs_diff", "problem"}}. */
    public static final String CHECK = "application/vnd.javadl.check+json";
    /** A Jupyter widget's view: {@code {"version_major": 2, "version_minor": 0, "model_id": ...}}. */
    public static final String WIDGET_VIEW = "application/vnd.jupyter.widget-view+json";
}

package org.javadl.kernel.display;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * What the caller asks of a rendering: a figure size in logical pixels, a chart theme, the MIME types
 * wanted. Immutable; the {@code with...} methods return copies.
 *
 * <p>Charts default to {@code image/png} only (front ends show it everywhere); asking for
 * {@code image/svg+xml} adds or replaces it. An empty {@link #mimeTypes()} means "each renderer's
 * defaults". {@code text/plain} is always produced whatever is asked.
 */
public final class RenderOptions {

    /** Chart themes XChart knows; {@code null} keeps the chart's own. */
    public enum Theme { XCHART, GGPLOT2, MATLAB }

    private static final RenderOptions DEFAULTS = new RenderOptions(0, 0, null, Set.of(), 2.0);

    private final int width;
    private final int height;
    private final Theme theme;
    private final Set<String> mimeTypes;
    private final double scale;

    private RenderOptions(int width, int height, Theme theme, Set<String> mimeTypes, double scale) {
        this.width = width;
        this.height = height;
        this.theme = theme;
        this.mimeTypes = mimeTypes;
        this.scale = scale;
    }

    public static RenderOptions defaults() {
        return DEFAULTS;
    }

    /** Figure size in logical (CSS) pixels; 0 keeps the object's own size. */
    public RenderOptions withSize(int width, int height) {
        if (width < 0 || height < 0 || width > 8000 || height > 8000) {
            throw new IllegalArgumentException("figure size must be within 0..8000, got " + width + "x" + height);
        }
        return new RenderOptions(width, height, theme, mimeTypes, scale);
    }

    public RenderOptions withTheme(Theme theme) {
        return new RenderOptions(width, height, theme, mimeTypes, scale);
    }

    /** Theme by name: "xchart", "ggplot2", "matlab" (case-insensitive), or null for the chart's own. */
    public RenderOptions withTheme(String name) {
        if (name == null) {
            return withTheme((Theme) null);
        }
        try {
            return withTheme(Theme.valueOf(name.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown theme '" + name + "'; use one of "
                    + Arrays.toString(Theme.values()).toLowerCase(Locale.ROOT));
        }
    }

    /** Restrict the bundle to these MIME types (plus text/plain); no argument clears the restriction. */
    public RenderOptions withMimeTypes(String... types) {
        Set<String> set = new LinkedHashSet<>();
        for (String t : types) {
            if (t != null && !t.isBlank()) {
                set.add(t.trim());
            }
        }
        return new RenderOptions(width, height, theme, Collections.unmodifiableSet(set), scale);
    }

    /** Pixel density of bitmaps: 2 (default) for sharp HiDPI images, 1 for plain ones. */
    public RenderOptions withScale(double scale) {
        if (!(scale >= 1 && scale <= 4)) {
            throw new IllegalArgumentException("scale must be within 1..4, got " + scale);
        }
        return new RenderOptions(width, height, theme, mimeTypes, scale);
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public Theme theme() {
        return theme;
    }

    public Set<String> mimeTypes() {
        return mimeTypes;
    }

    public double scale() {
        return scale;
    }

    /** True when {@code mime} was asked for explicitly. */
    public boolean explicitlyWants(String mime) {
        return mimeTypes.contains(mime);
    }

    /**
     * Whether a notation should be produced: text/plain always; otherwise everything when nothing was
     * asked, else only what was asked.
     */
    public boolean allows(String mime) {
        return MimeTypes.TEXT.equals(mime) || mimeTypes.isEmpty() || mimeTypes.contains(mime);
    }

    @Override
    public String toString() {
        return "RenderOptions[size=" + width + "x" + height + ", theme=" + theme + ", mime=" + mimeTypes
                + ", scale=" + scale + "]";
    }
}

package org.javadl.kernel.display;

import java.awt.Color;
import java.util.Locale;

/**
 * Colour maps for heat maps: {@code viridis} (perceptually uniform, readable in greyscale and by
 * colour-blind readers; the default), {@code magma}, {@code greys}, and the diverging {@code coolwarm}
 * for signed values (weights, gradients) centred on white.
 */
public enum ColorMap {
    VIRIDIS(new int[][] {{68, 1, 84}, {72, 36, 117}, {65, 68, 135}, {53, 95, 141}, {42, 120, 142},
        {33, 145, 140}, {34, 168, 132}, {68, 191, 112}, {122, 209, 81}, {189, 223, 38}, {253, 231, 37}}),
    MAGMA(new int[][] {{0, 0, 4}, {28, 16, 68}, {79, 18, 123}, {129, 37, 129}, {181, 54, 122},
        {229, 80, 100}, {251, 135, 97}, {254, 194, 135}, {252, 253, 191}}),
    GREYS(new int[][] {{255, 255, 255}, {0, 0, 0}}),
    COOLWARM(new int[][] {{59, 76, 192}, {124, 159, 249}, {192, 212, 245}, {242, 242, 242},
        {242, 203, 183}, {238, 132, 104}, {180, 4, 38}});

    private final int[][] anchors;

    ColorMap(int[][] anchors) {
        this.anchors = anchors;
    }

    /** By name, case-insensitive ("viridis", "magma", "greys"/"gray", "coolwarm"). */
    public static ColorMap named(String name) {
        String n = name.trim().toUpperCase(Locale.ROOT);
        if (n.equals("GRAY") || n.equals("GREY") || n.equals("GRAYS")) {
            return GREYS;
        }
        try {
            return valueOf(n);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown colour map '" + name + "'; use viridis, magma, greys or coolwarm");
        }
    }

    /** The colour at {@code t} in [0, 1] (clamped); NaN gives transparent-looking light grey. */
    public Color at(double t) {
        return new Color(rgb(t));
    }

    /** Packed RGB at {@code t} in [0, 1]. */
    public int rgb(double t) {
        if (Double.isNaN(t)) {
            return 0xDDDDDD;
        }
        double x = Math.max(0, Math.min(1, t)) * (anchors.length - 1);
        int i = Math.min((int) x, anchors.length - 2);
        double f = x - i;
        int[] a = anchors[i];
        int[] b = anchors[i + 1];
        int r = (int) Math.round(a[0] + f * (b[0] - a[0]));
        int g = (int) Math.round(a[1] + f * (b[1] - a[1]));
        int bl = (int) Math.round(a[2] + f * (b[2] - a[2]));
        return (r << 16) | (g << 8) | bl;
    }
}

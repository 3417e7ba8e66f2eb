package org.javadl.data;

import java.util.Locale;

import org.javadl.show.Html;
import org.javadl.show.Showable;
import org.javadl.tensor.Shapes;
import org.javadl.tensor.Tensor;

/**
 * Small grey-scale images (digits) drawn in a grid as SVG, each with a caption, dark for large values
 * (as matplotlib's {@code gray_r}), all on one scale from the smallest to the largest value shown.
 * Captions in red mark, e.g., misclassified examples. Example:
 * {@code ImageGrid.of(digits.features().slice(0, 40), digits.targets().slice(0, 40), 10)}.
 */
public final class ImageGrid implements Showable {
    private static final int PIXEL = 5;
    private static final int GAP = 6;
    private static final int CAPTION = 14;

    private final double[][] images;
    private final int height;
    private final int width;
    private final String[] captions;
    private final boolean[] marked;
    private final int columns;
    private final double lo;
    private final double hi;

    private ImageGrid(Tensor images, String[] captions, boolean[] marked, int columns) {
        int[] s = images.shape();
        int n = s.length == 0 ? 0 : s[0];
        int[] one = java.util.Arrays.copyOfRange(s, 1, s.length);
        if (one.length == 3 && one[0] == 1) {
            one = new int[] {one[1], one[2]};
        }
        if (one.length == 1) {
            int side = (int) Math.round(Math.sqrt(one[0]));
            if (side * side != one[0]) {
                throw new IllegalArgumentException("ImageGrid: flat images of " + one[0] + " pixels are not square");
            }
            one = new int[] {side, side};
        }
        if (one.length != 2 || n == 0) {
            throw new IllegalArgumentException("ImageGrid: expects images (N, H, W), (N, 1, H, W) or (N, H·W), got "
                    + Shapes.str(s));
        }
        if (columns <= 0) {
            throw new IllegalArgumentException("ImageGrid: columns must be positive, got " + columns);
        }
        this.height = one[0];
        this.width = one[1];
        this.images = new double[n][];
        for (int i = 0; i < n; i++) {
            this.images[i] = images.row(i).toArray();
        }
        this.captions = captions;
        this.marked = marked;
        this.columns = Math.min(columns, n);
        this.lo = images.minValue();
        this.hi = images.maxValue();
    }

    /** Images captioned with their labels (class indices). */
    public static ImageGrid of(Tensor images, Tensor labels, int columns) {
        int n = images.dim(0);
        String[] c = new String[n];
        for (int i = 0; i < n; i++) {
            c[i] = label(labels.get(i));
        }
        return new ImageGrid(images, c, new boolean[n], columns);
    }

    /** Images captioned "label → prediction", in red where they differ. */
    public static ImageGrid predictions(Tensor images, Tensor labels, Tensor predicted, int columns) {
        int n = images.dim(0);
        String[] c = new String[n];
        boolean[] wrong = new boolean[n];
        for (int i = 0; i < n; i++) {
            c[i] = label(labels.get(i)) + " → " + label(predicted.get(i));
            wrong[i] = labels.get(i) != predicted.get(i);
        }
        return new ImageGrid(images, c, wrong, columns);
    }

    private static String label(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.3g", v);
    }

    /** How many images. */
    public int size() {
        return images.length;
    }

    @Override
    public String toText() {
        return images.length + " images of " + height + "×" + width + ": " + String.join(", ", captions);
    }

    @Override
    public String toSvg() {
        int cellW = Math.max(width * PIXEL, 7 * 8) + GAP;
        int cellH = height * PIXEL + CAPTION + GAP;
        int rows = (images.length + columns - 1) / columns;
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\">",
                columns * cellW, rows * cellH, columns * cellW, rows * cellH));
        b.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>");
        double span = hi > lo ? hi - lo : 1;
        for (int k = 0; k < images.length; k++) {
            int x0 = (k % columns) * cellW + (cellW - GAP - width * PIXEL) / 2;
            int y0 = (k / columns) * cellH;
            for (int i = 0; i < height; i++) {
                for (int j = 0; j < width; j++) {
                    int grey = (int) Math.round(255 * (1 - (images[k][i * width + j] - lo) / span));
                    if (grey < 255) {
                        b.append(String.format(Locale.ROOT,
                                "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"rgb(%d,%d,%d)\"/>",
                                x0 + j * PIXEL, y0 + i * PIXEL, PIXEL, PIXEL, grey, grey, grey));
                    }
                }
            }
            b.append(String.format(Locale.ROOT,
                    "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#bbb\" stroke-width=\"0.5\"/>",
                    x0, y0, width * PIXEL, height * PIXEL));
            b.append(String.format(Locale.ROOT,
                    "<text x=\"%d\" y=\"%d\" font-family=\"sans-serif\" font-size=\"11\" text-anchor=\"middle\" fill=\"%s\">%s</text>",
                    (k % columns) * cellW + (cellW - GAP) / 2, y0 + height * PIXEL + CAPTION - 2,
                    marked[k] ? "#c62828" : "#333", Html.escape(captions[k])));
        }
        return b.append("</svg>").toString();
    }

    @Override
    public String toString() {
        return toText();
    }
}

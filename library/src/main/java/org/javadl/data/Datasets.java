package org.javadl.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.GZIPInputStream;

import org.javadl.tensor.Tensor;

/**
 * Data sets that need no network: two real ones bundled with the library (their sources and CC BY 4.0
 * licence are in {@code org/javadl/data/SOURCES.md} next to the files) and seeded synthetic ones.
 * <ul>
 * <li>{@link #digits()}: the UCI handwritten digits (Alpaydin and Kaynak, 1998), 1,797 images of 8×8
 * pixels with counts 0..16, the same data as scikit-learn's {@code load_digits};</li>
 * <li>{@link #iris()}: Fisher's iris (1936), 150 flowers, 4 measurements, 3 species;</li>
 * <li>{@link #twoMoons}, {@link #spirals}, {@link #blobs}: 2-D classification problems drawn from a seed.</li>
 * </ul>
 * Example: {@code var split = Datasets.digits().split(0.2, 0);}
 */
public final class Datasets {
    private Datasets() {
    }

    /** The digits: features (1797, 64) in 0..16 (row-major 8×8 images), targets the digits 0..9. */
    public static Dataset digits() {
        List<double[]> rows = csv("digits.csv.gz", false);
        int n = rows.size();
        double[] x = new double[n * 64];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double[] r = rows.get(i);
            System.arraycopy(r, 0, x, i * 64, 64);
            y[i] = r[64];
        }
        String[] names = new String[64];
        for (int p = 0; p < 64; p++) {
            names[p] = "pixel_" + (p / 8) + "_" + (p % 8);
        }
        String[] classes = new String[10];
        for (int d = 0; d < 10; d++) {
            classes[d] = Integer.toString(d);
        }
        return new Dataset("UCI digits", Tensor.of(x, n, 64), Tensor.of(y), names, classes);
    }

    /** Fisher's iris: features (150, 4) in cm, targets 0 = setosa, 1 = versicolor, 2 = virginica. */
    public static Dataset iris() {
        List<double[]> rows = csv("iris.csv", true);
        int n = rows.size();
        double[] x = new double[n * 4];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(rows.get(i), 0, x, i * 4, 4);
            y[i] = rows.get(i)[4];
        }
        return new Dataset("Fisher's iris", Tensor.of(x, n, 4), Tensor.of(y),
                new String[] {"sepal length (cm)", "sepal width (cm)", "petal length (cm)", "petal width (cm)"},
                new String[] {"setosa", "versicolor", "virginica"});
    }

    private static List<double[]> csv(String resource, boolean header) {
        try (InputStream raw = Datasets.class.getResourceAsStream(resource)) {
            if (raw == null) {
                throw new IllegalStateException("the bundled data file org/javadl/data/" + resource + " is missing");
            }
            InputStream in = resource.endsWith(".gz") ? new GZIPInputStream(raw) : raw;
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
            List<double[]> rows = new ArrayList<>();
            String line = header ? r.readLine() : null;
            while ((line = r.readLine()) != null) {
                if (!line.isBlank()) {
                    String[] f = line.split(",");
                    double[] v = new double[f.length];
                    for (int i = 0; i < f.length; i++) {
                        v[i] = Double.parseDouble(f[i]);
                    }
                    rows.add(v);
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException("reading the bundled data file " + resource, e);
        }
    }

    /**
     * Two interleaving half circles (as scikit-learn's {@code make_moons}): n/2 points on the upper unit
     * half circle (class 0) and the rest on the lower one shifted to (1, 0.5) (class 1), plus Gaussian
     * noise of standard deviation {@code noise}.
     */
    public static Dataset twoMoons(int n, double noise, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int outer = n / 2;
        double[] x = new double[2 * n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            boolean top = i < outer;
            int k = top ? i : i - outer;
            int m = top ? outer : n - outer;
            double t = m == 1 ? 0 : Math.PI * k / (m - 1);
            x[2 * i] = (top ? Math.cos(t) : 1 - Math.cos(t)) + noise * gaussian(rng);
            x[2 * i + 1] = (top ? Math.sin(t) : 0.5 - Math.sin(t)) + noise * gaussian(rng);
            y[i] = top ? 0 : 1;
        }
        return new Dataset("two moons", Tensor.of(x, n, 2), Tensor.of(y), new String[] {"x", "y"}, null);
    }

    /**
     * Interleaved spiral arms (the classic CS231n set): arm c has {@code perClass} points at radius r from
     * 0 to 1 and angle 4c + 4r (radians) plus Gaussian noise of {@code noise} on the angle.
     */
    public static Dataset spirals(int perClass, int classes, double noise, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int n = perClass * classes;
        double[] x = new double[2 * n];
        double[] y = new double[n];
        for (int c = 0; c < classes; c++) {
            for (int i = 0; i < perClass; i++) {
                int k = c * perClass + i;
                double r = perClass == 1 ? 0 : (double) i / (perClass - 1);
                double t = 4 * c + 4 * r + noise * gaussian(rng);
                x[2 * k] = r * Math.sin(t);
                x[2 * k + 1] = r * Math.cos(t);
                y[k] = c;
            }
        }
        return new Dataset("spirals", Tensor.of(x, n, 2), Tensor.of(y), new String[] {"x", "y"}, null);
    }

    /**
     * Gaussian blobs (as {@code make_blobs}): {@code centers} centres drawn uniformly from [−10, 10]², and n
     * points assigned to them in turn, each N(centre, std²) per coordinate.
     */
    public static Dataset blobs(int n, int centers, double std, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] c = new double[2 * centers];
        for (int i = 0; i < c.length; i++) {
            c[i] = -10 + 20 * rng.nextDouble();
        }
        double[] x = new double[2 * n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            int k = i % centers;
            x[2 * i] = c[2 * k] + std * gaussian(rng);
            x[2 * i + 1] = c[2 * k + 1] + std * gaussian(rng);
            y[i] = k;
        }
        return new Dataset("blobs", Tensor.of(x, n, 2), Tensor.of(y), new String[] {"x", "y"}, null);
    }

    /** A standard normal draw (Box–Muller, one of the pair). */
    private static double gaussian(SplittableRandom rng) {
        return Math.sqrt(-2 * Math.log(1 - rng.nextDouble())) * Math.cos(2 * Math.PI * rng.nextDouble());
    }
}

package org.javadl.kernel.display;

import org.javadl.kernel.runtime.Notebook;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;

/**
 * Regenerates the reviewed example renders in docs/images (run by hand from the repository root):
 * {@code java -Djava.awt.headless=true -cp test-classes:classes:DEPS org.javadl.kernel.display.DocImages docs/images}.
 * Look at the results before committing them.
 */
public final class DocImages {

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "docs/images");
        Files.createDirectories(dir);

        // homework 003 problem 2: the seven activations of the library, with analytic derivatives
        Figure activations = Notebook.functionsWithDerivatives(org.javadl.activation.Activations.all(), -4, 4);
        Files.write(dir.resolve("activations.png"), FigureImages.png(activations, activations.width(), activations.height(), 2));

        Figure sigmoid = Notebook.plot().samples(160)
                .function("σ(x)", x -> 1 / (1 + Math.exp(-x)), -6, 6)
                .derivative("σ'(x)", x -> 1 / (1 + Math.exp(-x)), -6, 6)
                .title("The sigmoid and its derivative").xLabel("x");
        Files.writeString(dir.resolve("sigmoid.svg"), FigureImages.svg(sigmoid, sigmoid.width(), sigmoid.height()));

        // Gradient descent on a tilted quadratic bowl, drawn over its loss surface.
        int steps = 12;
        double[] ws = new double[steps];
        double[] bs = new double[steps];
        double w = -2.5;
        double b = 2.5;
        for (int i = 0; i < steps; i++) {
            ws[i] = w;
            bs[i] = b;
            double gw = 2 * (w - 1) + 0.5 * b;
            double gb = 6 * (b + 0.5) + 0.5 * w;
            w -= 0.12 * gw;
            b -= 0.12 * gb;
        }
        Figure heat = Notebook.heatmap((x, y) -> Math.pow(x - 1, 2) + 3 * Math.pow(y + 0.5, 2) + 0.5 * x * y, -3, 3, -3, 3)
                .title("Loss surface L(w, b) and gradient descent").xLabel("w").yLabel("b").path("gd", ws, bs);
        Files.write(dir.resolve("loss-surface.png"), FigureImages.png(heat, heat.width(), heat.height(), 2));
        System.out.println("wrote " + dir.toAbsolutePath());
    }
}

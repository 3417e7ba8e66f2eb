package org.javadl.conv;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.javadl.show.Html;
import org.javadl.show.Showable;

/**
 * A calculator for stacks of convolution and pooling layers (1-D or 2-D, square kernels): per layer
 * the output shape, the parameter count with and without biases, and the receptive field, using
 * out = ⌊(n + 2p − d(k − 1) − 1)/s⌋ + 1 and r += d(k − 1)·jump, jump *= s (r = jump = 1 at the input).
 *
 * <p>Numbering follows the rendered table: {@code layer(0)} is the input (kind "input", no parameters,
 * receptive field 1), {@code layer(1)} the first layer added, …, {@code layer(depth())} the last.
 * {@link #layers()} lists only the added layers (so {@code layers().get(i - 1)} is {@code layer(i)}).
 *
 * <p>Example (homework 001 question 4): {@code LayerStack.input(3, 128, 128).conv(32, 8, 2, 3, 1).maxPool(2)
 * .conv(64, 3, 1, 1, 1)} gives shapes (32, 64, 64), (32, 32, 32), (64, 32, 32) for layer(1), layer(2), layer(3).
 */
public final class LayerStack implements Showable {
    /** One layer's settings and what it produces. {@code shape} is (C, H, W), or (C, L) for 1-D. */
    public record Layer(String kind, int kernel, int stride, int padding, int dilation, int[] shape, long params,
            long paramsWithoutBias, int receptiveField, int jump) {
        /** A copy of the output shape. */
        @Override
        public int[] shape() {
            return shape.clone();
        }

        /** The number of scalars in the output. */
        public long outputSize() {
            long n = 1;
            for (int d : shape) {
                n *= d;
            }
            return n;
        }
    }

    private final int[] input;
    private final List<Layer> layers;

    private LayerStack(int[] input, List<Layer> layers) {
        this.input = input;
        this.layers = layers;
    }

    /** A 2-D stack on a (channels, height, width) input. */
    public static LayerStack input(int channels, int height, int width) {
        if (channels <= 0 || height <= 0 || width <= 0) {
            throw new IllegalArgumentException("LayerStack: input shape must be positive, got ("
                    + channels + ", " + height + ", " + width + ")");
        }
        return new LayerStack(new int[] {channels, height, width}, List.of());
    }

    /** A 1-D stack on a (channels, length) input. */
    public static LayerStack input1d(int channels, int length) {
        if (channels <= 0 || length <= 0) {
            throw new IllegalArgumentException("LayerStack: input shape must be positive, got ("
                    + channels + ", " + length + ")");
        }
        return new LayerStack(new int[] {channels, length}, List.of());
    }

    private int[] last() {
        return layers.isEmpty() ? input : layers.get(layers.size() - 1).shape;
    }

    private int lastR() {
        return layers.isEmpty() ? 1 : layers.get(layers.size() - 1).receptiveField;
    }

    private int lastJump() {
        return layers.isEmpty() ? 1 : layers.get(layers.size() - 1).jump;
    }

    /** Adds a convolution with stride 1, no padding, dilation 1. */
    public LayerStack conv(int outChannels, int kernel) {
        return conv(outChannels, kernel, 1, 0, 1);
    }

    /** Adds a convolution with {@code outChannels} kernels of size kernel (×kernel in 2-D). */
    public LayerStack conv(int outChannels, int kernel, int stride, int padding, int dilation) {
        if (outChannels <= 0) {
            throw new IllegalArgumentException("conv: output channels must be positive, got " + outChannels);
        }
        int[] prev = last();
        int[] shape = new int[prev.length];
        shape[0] = outChannels;
        for (int a = 1; a < prev.length; a++) {
            shape[a] = ConvShapes.outputSize("conv layer " + (layers.size() + 1), prev[a], kernel, stride, padding, dilation);
        }
        long weights = (long) outChannels * prev[0] * (prev.length == 3 ? (long) kernel * kernel : kernel);
        return add(new Layer("conv", kernel, stride, padding, dilation, shape, weights + outChannels, weights,
                lastR() + dilation * (kernel - 1) * lastJump(), lastJump() * stride));
    }

    /** Adds a non-overlapping max pooling (stride = kernel). */
    public LayerStack maxPool(int kernel) {
        return maxPool(kernel, kernel);
    }

    /** Adds a max pooling layer (no parameters). */
    public LayerStack maxPool(int kernel, int stride) {
        int[] prev = last();
        int[] shape = prev.clone();
        for (int a = 1; a < prev.length; a++) {
            shape[a] = ConvShapes.outputSize("pool layer " + (layers.size() + 1), prev[a], kernel, stride, 0, 1);
        }
        return add(new Layer("maxpool", kernel, stride, 0, 1, shape, 0, 0, lastR() + (kernel - 1) * lastJump(),
                lastJump() * stride));
    }

    private LayerStack add(Layer l) {
        List<Layer> ls = new ArrayList<>(layers);
        ls.add(l);
        return new LayerStack(input, List.copyOf(ls));
    }

    /** The added layers in order, without the input: {@code layers().get(i - 1)} is {@code layer(i)}. */
    public List<Layer> layers() {
        return layers;
    }

    /**
     * Layer i as numbered in the table: 0 is the input, 1 the first layer added, …, {@link #depth()} the
     * last. Example: for {@code input(3, 128, 128).conv(32, 8, 2, 3, 1).maxPool(2).conv(64, 3, 1, 1, 1)},
     * {@code layer(3)} is the second conv, (64, 32, 32).
     *
     * @throws IndexOutOfBoundsException for i outside 0..depth(), with the valid range in the message
     */
    public Layer layer(int i) {
        if (i < 0 || i > layers.size()) {
            throw new IndexOutOfBoundsException("layer(" + i + "): this stack has layers 0 (the input) to "
                    + layers.size() + (layers.isEmpty() ? " (no layers added yet)" : " (numbered as in the table)"));
        }
        if (i == 0) {
            return new Layer("input", 0, 1, 0, 1, input.clone(), 0, 0, 1, 1);
        }
        return layers.get(i - 1);
    }

    /** The number of layers added (the input not counted), i.e. the largest index {@link #layer} accepts. */
    public int depth() {
        return layers.size();
    }

    /** The final output shape. */
    public int[] outputShape() {
        return last().clone();
    }

    /** The receptive field of every layer, in order. */
    public int[] receptiveFields() {
        return layers.stream().mapToInt(Layer::receptiveField).toArray();
    }

    /**
     * Receptive fields of a stack given only kernels, strides and dilations (padding and input size do
     * not matter): r₀ = 1, jump₀ = 1, rᵢ = rᵢ₋₁ + dᵢ(kᵢ − 1)·jumpᵢ₋₁, jumpᵢ = jumpᵢ₋₁·sᵢ.
     * Example: {@code receptiveFields(new int[]{3, 3, 3}, new int[]{1, 1, 1}, new int[]{1, 1, 1})} = [3, 5, 7].
     */
    public static int[] receptiveFields(int[] kernels, int[] strides, int[] dilations) {
        if (kernels.length != strides.length || kernels.length != dilations.length) {
            throw new IllegalArgumentException("receptiveFields: kernels " + Arrays.toString(kernels) + ", strides "
                    + Arrays.toString(strides) + " and dilations " + Arrays.toString(dilations) + " differ in length");
        }
        int[] r = new int[kernels.length];
        int rf = 1;
        int jump = 1;
        for (int i = 0; i < kernels.length; i++) {
            if (kernels[i] <= 0 || strides[i] <= 0 || dilations[i] <= 0) {
                throw new IllegalArgumentException("receptiveFields: layer " + (i + 1)
                        + " needs positive kernel, stride and dilation, got " + kernels[i] + ", " + strides[i] + ", "
                        + dilations[i]);
            }
            rf += dilations[i] * (kernels[i] - 1) * jump;
            jump *= strides[i];
            r[i] = rf;
        }
        return r;
    }

    private static String shapeText(int[] s) {
        StringBuilder b = new StringBuilder("(");
        for (int i = 0; i < s.length; i++) {
            b.append(i == 0 ? "" : ", ").append(s[i]);
        }
        return b.append(')').toString();
    }

    private List<String[]> table() {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"layer", "type", "k", "s", "p", "d", "output", "scalars", "params", "params (no bias)",
            "receptive field"});
        rows.add(new String[] {"0", "input", "", "", "", "", shapeText(input), String.valueOf(Arrays.stream(input)
                .asLongStream().reduce(1, (a, b) -> a * b)), "", "", "1"});
        for (int i = 0; i < layers.size(); i++) {
            Layer l = layers.get(i);
            rows.add(new String[] {String.valueOf(i + 1), l.kind, String.valueOf(l.kernel), String.valueOf(l.stride),
                String.valueOf(l.padding), String.valueOf(l.dilation), shapeText(l.shape), String.valueOf(l.outputSize()),
                String.valueOf(l.params), String.valueOf(l.paramsWithoutBias), String.valueOf(l.receptiveField)});
        }
        return rows;
    }

    @Override
    public String toText() {
        List<String[]> rows = table();
        int[] w = new int[rows.get(0).length];
        for (String[] r : rows) {
            for (int c = 0; c < r.length; c++) {
                w[c] = Math.max(w[c], r[c].length());
            }
        }
        StringBuilder b = new StringBuilder();
        for (String[] r : rows) {
            for (int c = 0; c < r.length; c++) {
                b.append(c == 0 ? "" : "  ").append(" ".repeat(w[c] - r[c].length())).append(r[c]);
            }
            b.append('\n');
        }
        return b.toString().stripTrailing();
    }

    @Override
    public String toHtml() {
        List<String[]> rows = table();
        StringBuilder b = new StringBuilder("<table style=\"border-collapse:collapse\">");
        for (int i = 0; i < rows.size(); i++) {
            b.append("<tr>");
            for (String cell : rows.get(i)) {
                String tag = i == 0 ? "th" : "td";
                b.append('<').append(tag).append(" style=\"padding:2px 8px;text-align:right\">").append(Html.escape(cell))
                        .append("</").append(tag).append('>');
            }
            b.append("</tr>");
        }
        return b.append("</table>").toString();
    }

    @Override
    public String toString() {
        return toText();
    }
}

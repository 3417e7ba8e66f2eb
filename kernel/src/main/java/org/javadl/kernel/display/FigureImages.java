package org.javadl.kernel.display;

import de.erichseifert.vectorgraphics2d.Document;
import de.erichseifert.vectorgraphics2d.Processor;
import de.erichseifert.vectorgraphics2d.Processors;
import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.util.PageSize;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;

/** Encodes a {@link Figure} as PNG bytes or an SVG document. */
public final class FigureImages {
    private FigureImages() {
    }

    /** Paints at {@code scale} x the logical size (2 = HiDPI) onto an opaque white image. */
    public static BufferedImage image(Figure figure, int width, int height, double scale) {
        int pw = (int) Math.round(width * scale);
        int ph = (int) Math.round(height * scale);
        BufferedImage img = new BufferedImage(pw, ph, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, pw, ph);
            g.scale(scale, scale);
            figure.paint(g, width, height);
        } finally {
            g.dispose();
        }
        return img;
    }

    public static byte[] png(Figure figure, int width, int height, double scale) throws IOException {
        return encodePng(image(figure, width, height, scale));
    }

    /**
     * PNG with a fast deflate setting: charts are flat colour, so the default (slowest) level buys
     * a few percent of size for several times the encoding time.
     */
    public static byte[] encodePng(BufferedImage img) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("png");
        if (!writers.hasNext()) {
            throw new IOException("no PNG writer available");
        }
        ImageWriter writer = writers.next();
        try (ImageOutputStream ios = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(ios);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (param.canWriteCompressed()) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(0.75f); // the JDK maps this to a low deflate level
            }
            writer.write(null, new IIOImage(img, null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /** A standalone {@code <svg>} element (XML prolog and DOCTYPE dropped so it embeds in HTML). */
    public static String svg(Figure figure, int width, int height) throws IOException {
        VectorGraphics2D g = new VectorGraphics2D();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        figure.paint(g, width, height);
        Processor processor = Processors.get("svg");
        Document doc = processor.getDocument(g.getCommands(), new PageSize(0, 0, width, height));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        doc.writeTo(bytes);
        String svg = bytes.toString(StandardCharsets.UTF_8);
        int start = svg.indexOf("<svg");
        return start > 0 ? svg.substring(start) : svg;
    }
}

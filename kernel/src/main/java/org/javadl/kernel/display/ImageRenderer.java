package org.javadl.kernel.display;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.awt.image.RenderedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

/**
 * Pictures: a {@link RenderedImage} ({@code BufferedImage}, what {@code ImageIO.read} gives) and the
 * bytes of a PNG or JPEG file ({@code Files.readAllBytes(path)}) show as {@code image/png} at their
 * own pixel size. Any other {@code byte[]} is shown as an array, as before.
 */
final class ImageRenderer {
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private ImageRenderer() {
    }

    static void registerInto(Renderers.Builder b) {
        b.register(RenderedImage.class, ImageRenderer::renderImage);
        b.register(byte[].class, ImageRenderer::renderBytes);
    }

    static void renderImage(RenderedImage image, Bundle out, RenderOptions options) throws IOException {
        out.text(describe(image));
        if (out.wants(MimeTypes.PNG)) {
            out.png(encode(image), image.getWidth(), image.getHeight());
        }
    }

    static void renderBytes(byte[] bytes, Bundle out, RenderOptions options) throws IOException {
        if (isPng(bytes)) {
            int w = readInt(bytes, 16);
            int h = readInt(bytes, 20);
            out.text("PNG image " + w + "×" + h + " (" + bytes.length + " bytes)");
            out.png(bytes, w, h);
        } else if (isJpeg(bytes)) {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
            if (image == null) {
                out.text(TextFormat.format(bytes));
                return;
            }
            out.text("JPEG image " + image.getWidth() + "×" + image.getHeight() + " (" + bytes.length + " bytes)");
            // Shown as PNG, the one bitmap type every front end and nbconvert target keeps.
            if (out.wants(MimeTypes.PNG)) {
                out.png(encode(image), image.getWidth(), image.getHeight());
            }
        } else {
            out.text(TextFormat.format(bytes));
        }
    }

    static boolean isPng(byte[] b) {
        if (b.length < 24) {
            return false;
        }
        for (int i = 0; i < PNG_SIGNATURE.length; i++) {
            if (b[i] != PNG_SIGNATURE[i]) {
                return false;
            }
        }
        return b[12] == 'I' && b[13] == 'H' && b[14] == 'D' && b[15] == 'R';
    }

    static boolean isJpeg(byte[] b) {
        return b.length > 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF;
    }

    private static int readInt(byte[] b, int at) {
        return (b[at] & 0xFF) << 24 | (b[at + 1] & 0xFF) << 16 | (b[at + 2] & 0xFF) << 8 | (b[at + 3] & 0xFF);
    }

    private static String describe(RenderedImage image) {
        String kind = image instanceof BufferedImage bi ? "BufferedImage (type " + bi.getType() + ")" : image.getClass().getSimpleName();
        return kind + " " + image.getWidth() + "×" + image.getHeight();
    }

    private static byte[] encode(RenderedImage image) throws IOException {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        if (!ImageIO.write(image, "png", png)) {
            throw new IOException("no PNG writer for this image");
        }
        return png.toByteArray();
    }
}

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Arc2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * Draws javadl's kernel logo (the Launcher card in JupyterLab): a small three-layer neural network on a
 * rounded tile, next to a "J" for Java. One description of the shapes writes both the SVG and the PNGs,
 * so the two never drift apart.
 *
 *   java scripts/DrawLogo.java kernel/kernelspec      # writes logo-svg.svg, logo-64x64.png, logo-32x32.png
 */
public class DrawLogo {
    static final Color TILE = new Color(0x1f4e79), EDGE = new Color(0x9cc3e6), INPUT = new Color(0xf5b041),
            HIDDEN = Color.WHITE;
    // All coordinates are on a 64 x 64 canvas.
    static final double[][] INPUTS = {{14, 18}, {14, 46}};
    static final double[][] HIDDENS = {{32, 14}, {32, 32}, {32, 50}};

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "kernel/kernelspec");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("logo-svg.svg"), svg());
        for (int size : new int[] {64, 32}) {
            ImageIO.write(png(size), "png", new File(dir.toFile(), "logo-" + size + "x" + size + ".png"));
        }
    }

    static String hex(Color c) {
        return String.format("#%06x", c.getRGB() & 0xffffff);
    }

    static String svg() {
        StringBuilder s = new StringBuilder();
        s.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
         .append("<!-- javadl kernel logo, drawn by scripts/DrawLogo.java: a small neural network and a J for Java -->\n")
         .append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"64\" height=\"64\" viewBox=\"0 0 64 64\">\n")
         .append("  <rect x=\"2\" y=\"2\" width=\"60\" height=\"60\" rx=\"12\" ry=\"12\" fill=\"").append(hex(TILE)).append("\"/>\n")
         .append("  <g stroke=\"").append(hex(EDGE)).append("\" stroke-width=\"2\">\n");
        for (double[] a : INPUTS) {
            for (double[] b : HIDDENS) {
                s.append(String.format(Locale.ROOT, "    <line x1=\"%.0f\" y1=\"%.0f\" x2=\"%.0f\" y2=\"%.0f\"/>%n", a[0], a[1], b[0], b[1]));
            }
        }
        s.append("  </g>\n");
        for (double[] a : INPUTS) {
            s.append(String.format(Locale.ROOT, "  <circle cx=\"%.0f\" cy=\"%.0f\" r=\"5\" fill=\"%s\"/>%n", a[0], a[1], hex(INPUT)));
        }
        for (double[] b : HIDDENS) {
            s.append(String.format(Locale.ROOT, "  <circle cx=\"%.0f\" cy=\"%.0f\" r=\"4\" fill=\"%s\"/>%n", b[0], b[1], hex(HIDDEN)));
        }
        // The J: a stem from (48,14) down to (48,40), then a half circle of radius 8 to (32,40).
        s.append("  <path d=\"M48 14 V40 A8 8 0 0 1 32 40\" fill=\"none\" stroke=\"").append(hex(INPUT))
         .append("\" stroke-width=\"6\" stroke-linecap=\"round\"/>\n</svg>\n");
        return s.toString();
    }

    static BufferedImage png(int size) {
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.scale(size / 64.0, size / 64.0);
        g.setColor(TILE);
        g.fill(new RoundRectangle2D.Double(2, 2, 60, 60, 24, 24));
        g.setColor(EDGE);
        g.setStroke(new BasicStroke(2f));
        for (double[] a : INPUTS) {
            for (double[] b : HIDDENS) {
                g.draw(new Line2D.Double(a[0], a[1], b[0], b[1]));
            }
        }
        g.setColor(INPUT);
        for (double[] a : INPUTS) {
            g.fill(new Ellipse2D.Double(a[0] - 5, a[1] - 5, 10, 10));
        }
        g.setColor(HIDDEN);
        for (double[] b : HIDDENS) {
            g.fill(new Ellipse2D.Double(b[0] - 4, b[1] - 4, 8, 8));
        }
        Path2D j = new Path2D.Double();
        j.moveTo(48, 14);
        j.lineTo(48, 40);
        j.append(new Arc2D.Double(32, 32, 16, 16, 0, -180, Arc2D.OPEN), true);
        g.setColor(INPUT);
        g.setStroke(new BasicStroke(6f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(j);
        g.dispose();
        return img;
    }
}

package org.javadl.tensor;

import org.junit.jupiter.api.Test;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Heat-coloured tensor cells stay readable whatever colour the page gives text (dark themes too). */
class HeatColourTest {
    private static final Pattern RGB = Pattern.compile("rgb\\((\\d+),(\\d+),(\\d+)\\)");

    /** WCAG 2 relative luminance of an sRGB colour. */
    private static double luminance(int r, int g, int b) {
        double[] c = {r / 255.0, g / 255.0, b / 255.0};
        for (int i = 0; i < 3; i++) {
            c[i] = c[i] <= 0.03928 ? c[i] / 12.92 : Math.pow((c[i] + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
    }

    @Test
    void blackTextOnTheStrongestColoursReachesWcagAa() {
        for (double v : new double[] {-1, -0.5, 0.5, 1}) {
            Matcher m = RGB.matcher(TensorFormat.heatColour(v, 1));
            assertTrue(m.matches(), TensorFormat.heatColour(v, 1));
            double l = luminance(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            double ratio = (l + 0.05) / 0.05;
            assertTrue(ratio >= 4.5, "black on " + m.group() + " is only " + ratio + ":1");
        }
    }

    @Test
    void heatCellsSetTheirOwnTextColour() {
        String html = Tensor.of(-1, 1).toHtml(true);
        assertTrue(html.contains("color:#000;background:rgb("), html);
    }
}

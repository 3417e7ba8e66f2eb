package org.javadl.kernel.display;

import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;
import org.w3c.dom.Document;

import javax.imageio.ImageIO;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import org.xml.sax.InputSource;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

/** Helpers to read and check MIME bundles in tests. */
public final class BundleAssertions {
    private BundleAssertions() {
    }

    public static Object data(DisplayData d, String mime) {
        return d.getData(MIMEType.parse(mime));
    }

    public static String text(DisplayData d) {
        Object t = data(d, MimeTypes.TEXT);
        assertNotNull(t, "bundle must always have text/plain");
        return (String) t;
    }

    public static boolean has(DisplayData d, String mime) {
        return d.hasDataForType(MIMEType.parse(mime));
    }

    /** Parses XML strictly, without fetching any DTD. */
    public static Document parseXml(String xml) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            return f.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
        } catch (Exception e) {
            fail("not well-formed: " + e + "\n" + xml.substring(0, Math.min(xml.length(), 2000)));
            return null;
        }
    }

    /** An HTML fragment is checked as XML inside a root (our fragments are written well-formed). */
    public static Document parseHtmlFragment(String html) {
        return parseXml("<root>" + html.replace("&nbsp;", "&#160;") + "</root>");
    }

    public static BufferedImage png(DisplayData d) {
        String b64 = (String) data(d, MimeTypes.PNG);
        assertNotNull(b64, "no image/png in bundle");
        try {
            BufferedImage img = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(b64)));
            assertNotNull(img, "image/png does not decode");
            return img;
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> pngMetadata(DisplayData d) {
        try {
            var f = DisplayData.class.getDeclaredField("metadata");
            f.setAccessible(true);
            Map<String, Object> meta = (Map<String, Object>) f.get(d);
            return (Map<String, Object>) meta.get(MimeTypes.PNG);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}

package org.javadl.kernel.protocol;

import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which MIME bundles are worth an execute_result (an "Out[n]:" prompt in Lab and the Notebook). */
class MimeBundleTest {
    private static JsonObject bundle(String... mimeAndValue) {
        JsonObject o = new JsonObject();
        for (int i = 0; i < mimeAndValue.length; i += 2) {
            o.addProperty(mimeAndValue[i], mimeAndValue[i + 1]);
        }
        return o;
    }

    @Test
    void nothingOrOnlyEmptyTextShowsNothing() {
        assertFalse(MimeBundle.showsSomething(new JsonObject()));
        assertFalse(MimeBundle.showsSomething(bundle("text/plain", "")));
        JsonObject nullText = new JsonObject();
        nullText.add("text/plain", JsonNull.INSTANCE);
        assertFalse(MimeBundle.showsSomething(nullText));
    }

    @Test
    void anyTextOrOtherRepresentationShows() {
        assertTrue(MimeBundle.showsSomething(bundle("text/plain", "\"\"")));
        assertTrue(MimeBundle.showsSomething(bundle("text/plain", " ")));
        assertTrue(MimeBundle.showsSomething(bundle("text/plain", "", "text/html", "<b>x</b>")));
        assertTrue(MimeBundle.showsSomething(bundle("image/svg+xml", "<svg/>")));
    }
}

package org.javadl.kernel;

import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which MIME bundles are worth an execute_result (an "Out[n]:" prompt in Lab and the Notebook). */
class ExecuteResultBundleTest {
    private static JsonObject bundle(String... mimeAndValue) {
        JsonObject o = new JsonObject();
        for (int i = 0; i < mimeAndValue.length; i += 2) {
            o.addProperty(mimeAndValue[i], mimeAndValue[i + 1]);
        }
        return o;
    }

    @Test
    void nothingOrOnlyEmptyTextShowsNothing() {
        assertFalse(JavaKernel.showsSomething(new JsonObject()));
        assertFalse(JavaKernel.showsSomething(bundle("text/plain", "")));
        JsonObject nullText = new JsonObject();
        nullText.add("text/plain", JsonNull.INSTANCE);
        assertFalse(JavaKernel.showsSomething(nullText));
    }

    @Test
    void anyTextOrOtherRepresentationShows() {
        assertTrue(JavaKernel.showsSomething(bundle("text/plain", "\"\"")));
        assertTrue(JavaKernel.showsSomething(bundle("text/plain", " ")));
        assertTrue(JavaKernel.showsSomething(bundle("text/plain", "", "text/html", "<b>x</b>")));
        assertTrue(JavaKernel.showsSomething(bundle("image/svg+xml", "<svg/>")));
    }
}

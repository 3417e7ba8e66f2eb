package org.javadl.kernel.engine;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Tracebacks carry emphasis only (bold and reset), never an ANSI colour: front ends paint error
 * output on tinted backgrounds of their own, and no ANSI colour reads on JupyterLab's light and
 * dark ones alike (tests/test_browser_lab.py measures what the browser shows).
 */
class ErrorTextStyleTest {
    private static final Pattern SGR = Pattern.compile("\u001b\\[([0-9;]*)m");
    private static JavaEngine engine;
    private static int cell;

    @BeforeAll
    static void start() {
        engine = JavaEngine.standard();
        engine.awaitReady();
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    /** Runs the failing cell {@code code}; returns its traceback after checking its escape codes. */
    private static String assertOnlyEmphasis(String code) {
        CellOutcome.Failure f = assertInstanceOf(CellOutcome.Failure.class, engine.execute(code, ++cell));
        String text = String.join("\n", f.traceback());
        Matcher m = SGR.matcher(text);
        int marks = 0;
        while (m.find()) {
            marks++;
            assertTrue(List.of("0", "1", "").contains(m.group(1)), "a colour in the traceback of " + code + ": " + m.group());
        }
        assertTrue(marks > 0, "no emphasis at all in the traceback of " + code + ":\n" + text);
        return text;
    }

    @Test
    void compileErrors() {
        assertOnlyEmphasis("int n = \"three\";");
        assertOnlyEmphasis("/* never closed");
    }

    @Test
    void exceptionsAndUnresolvedReferences() {
        assertOnlyEmphasis("int[] a = new int[2];\na[5] = 1;");
        assertOnlyEmphasis("throw new IllegalStateException(\"outer\", new ArithmeticException(\"inner\"));");
        String unresolved = assertOnlyEmphasis("void later() { notYetDefined(); }\nlater();");
        assertTrue(unresolved.contains("UnresolvedReference"), unresolved);
    }
}

package org.javadl.kernel.engine;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The library's javadoc for inspection: each overload gets its own doc comment. */
class LibraryJavadocTest {
    private final LibraryJavadoc docs = new LibraryJavadoc();

    @Test
    void overloadsGetTheirOwnDoc() {
        assertTrue(docs.lookup("double DL.sigmoid(double x)").contains("logistic sigmoid"));
        assertTrue(docs.lookup("Tensor DL.sigmoid(Tensor x)").contains("element-wise"),
                docs.lookup("Tensor DL.sigmoid(Tensor x)"));
        assertTrue(docs.lookup("Value DL.sigmoid(Value a)").contains("graph node"), docs.lookup("Value DL.sigmoid(Value a)"));
    }

    @Test
    void anUnknownOverloadFallsBackToTheFirstDoc() {
        assertTrue(docs.lookup("double DL.sigmoid(String s)").contains("logistic sigmoid"));
    }

    @Test
    void parameterTypesAreSimpleNames() {
        assertEquals(List.of("Tensor", "double[]"), LibraryJavadoc.parameterTypes("org.javadl.tensor.Tensor x, final double... ys"));
        assertEquals(List.of("Map", "int"), LibraryJavadoc.parameterTypes("java.util.Map<String, List<Integer>> m, @Deprecated int n"));
        assertEquals(List.of(), LibraryJavadoc.parameterTypes(" "));
    }
}

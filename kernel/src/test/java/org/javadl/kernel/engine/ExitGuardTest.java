package org.javadl.kernel.engine;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The byte scan that lets ordinary classes skip the bytecode rewrite must never miss an exit call. */
class ExitGuardTest {
    static final class Exits {
        void a() {
            System.exit(1);
        }
    }

    static final class Halts {
        void a() {
            Runtime.getRuntime().halt(1);
        }
    }

    static final class ExitByReference {
        java.util.function.IntConsumer a() {
            return System::exit;
        }
    }

    static final class Plain {
        int a(int x) {
            return x * 2 + "exits".length(); // "exits" is not the name "exit"
        }
    }

    private static byte[] bytes(Class<?> c) throws IOException {
        String name = c.getName().substring(c.getName().lastIndexOf('.') + 1) + ".class";
        try (InputStream in = c.getResourceAsStream(name)) {
            return in.readAllBytes();
        }
    }

    @Test
    void classesThatMayExitAreRewritten() throws IOException {
        for (Class<?> c : new Class<?>[] {Exits.class, Halts.class, ExitByReference.class}) {
            byte[] b = bytes(c);
            assertTrue(ExitGuard.mayCallExit(b), c.getName());
            assertNotSame(b, ExitGuard.rewrite(b), c.getName() + " must be rewritten");
        }
    }

    @Test
    void otherClassesAreLeftAloneWithoutParsing() throws IOException {
        byte[] b = bytes(Plain.class);
        assertFalse(ExitGuard.mayCallExit(b));
        assertSame(b, ExitGuard.rewrite(b));
    }
}

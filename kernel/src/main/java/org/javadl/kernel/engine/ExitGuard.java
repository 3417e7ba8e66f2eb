package org.javadl.kernel.engine;

/**
 * Rewrites cell bytecode so that calls to {@code System.exit}, {@code Runtime.exit} and
 * {@code Runtime.halt} (direct calls and method references) go to the static methods below, which
 * throw {@link CellExitException}.
 *
 * <p>Why bytecode: the SecurityManager that kernels used for this is gone on newer JDKs, and a
 * textual check misses {@code Runtime.getRuntime().exit(0)} and {@code System::exit}. The rewrite
 * keeps the stack shape (the static replacements take the {@code Runtime} receiver as their first
 * argument), so no frames need recomputing. Classes the ASM version cannot parse (a future class
 * file version) are loaded unchanged rather than failing the cell.
 */
public final class ExitGuard {
    private ExitGuard() {
    }

    /** Replacement for {@code System.exit(status)}. */
    public static void exit(int status) {
        throw new CellExitException("System.exit", status);
    }

    /** Replacement for {@code runtime.exit(status)}. */
    public static void exit(Runtime runtime, int status) {
        throw new CellExitException("Runtime.exit", status);
    }

    /** Replacement for {@code runtime.halt(status)}. */
    public static void halt(Runtime runtime, int status) {
        throw new CellExitException("Runtime.halt", status);
    }

    /** Returns the class with exit calls redirected, or the input unchanged if it has none. */
    public static byte[] rewrite(byte[] classFile) {
        if (!mayCallExit(classFile)) {
            return classFile; // most cells: no need to parse them (or to load ASM at all)
        }
        return ExitCallRewriter.rewrite(classFile);
    }

    /**
     * False only when the class cannot call {@code exit} or {@code halt}: a call names its method
     * through a constant-pool UTF-8 entry holding exactly that name, stored as tag 1, a two-byte
     * length 4 and the four characters. Seeing those bytes elsewhere only costs a full parse.
     */
    static boolean mayCallExit(byte[] classFile) {
        for (int i = 0; i + 6 < classFile.length; i++) {
            if (classFile[i] == 1 && classFile[i + 1] == 0 && classFile[i + 2] == 4
                    && (matches(classFile, i + 3, 'e', 'x', 'i', 't') || matches(classFile, i + 3, 'h', 'a', 'l', 't'))) {
                return true;
            }
        }
        return false;
    }

    private static boolean matches(byte[] b, int at, char c0, char c1, char c2, char c3) {
        return b[at] == c0 && b[at + 1] == c1 && b[at + 2] == c2 && b[at + 3] == c3;
    }
}

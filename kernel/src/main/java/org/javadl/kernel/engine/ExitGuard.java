package org.javadl.kernel.engine;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

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
    private static final String OWNER = Type.getInternalName(ExitGuard.class);
    private static final String RUNTIME = "java/lang/Runtime";
    private static final String SYSTEM = "java/lang/System";

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
        try {
            ClassReader reader = new ClassReader(classFile);
            ClassWriter writer = new ClassWriter(reader, 0);
            boolean[] changed = {false};
            reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
                @Override
                public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                                 String[] exceptions) {
                    MethodVisitor mv = super.visitMethod(access, name, descriptor, signature, exceptions);
                    return new MethodVisitor(Opcodes.ASM9, mv) {
                        @Override
                        public void visitMethodInsn(int opcode, String owner, String mname, String desc, boolean itf) {
                            if (isExit(owner, mname, desc)) {
                                changed[0] = true;
                                super.visitMethodInsn(Opcodes.INVOKESTATIC, OWNER, mname,
                                        SYSTEM.equals(owner) ? desc : "(Ljava/lang/Runtime;I)V", false);
                            } else {
                                super.visitMethodInsn(opcode, owner, mname, desc, itf);
                            }
                        }

                        @Override
                        public void visitInvokeDynamicInsn(String name, String desc, Handle bsm, Object... args) {
                            for (int i = 0; i < args.length; i++) {
                                if (args[i] instanceof Handle h && isExit(h.getOwner(), h.getName(), h.getDesc())) {
                                    changed[0] = true;
                                    args[i] = new Handle(Opcodes.H_INVOKESTATIC, OWNER, h.getName(),
                                            SYSTEM.equals(h.getOwner()) ? h.getDesc() : "(Ljava/lang/Runtime;I)V", false);
                                }
                            }
                            super.visitInvokeDynamicInsn(name, desc, bsm, args);
                        }
                    };
                }
            }, 0);
            return changed[0] ? writer.toByteArray() : classFile;
        } catch (RuntimeException unsupportedClassFile) {
            return classFile;
        }
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

    private static boolean isExit(String owner, String name, String desc) {
        if (!"(I)V".equals(desc)) {
            return false;
        }
        return (SYSTEM.equals(owner) && "exit".equals(name))
                || (RUNTIME.equals(owner) && ("exit".equals(name) || "halt".equals(name)));
    }
}

package org.javadl.kernel.engine;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * The bytecode half of {@link ExitGuard}, apart so that ASM is loaded only for a class that may
 * call {@code exit} or {@code halt} (CDS cannot archive ASM's Java 5 class files, so loading it
 * costs every kernel start that needs it).
 */
final class ExitCallRewriter {
    private static final String OWNER = "org/javadl/kernel/engine/ExitGuard";
    private static final String RUNTIME = "java/lang/Runtime";
    private static final String SYSTEM = "java/lang/System";

    private ExitCallRewriter() {
    }

    static byte[] rewrite(byte[] classFile) {
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

    private static boolean isExit(String owner, String name, String desc) {
        if (!"(I)V".equals(desc)) {
            return false;
        }
        return (SYSTEM.equals(owner) && "exit".equals(name))
                || (RUNTIME.equals(owner) && ("exit".equals(name) || "halt".equals(name)));
    }
}

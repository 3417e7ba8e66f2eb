package org.javadl.kernel.engine;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Rewrites each cell class so the kernel can stop the threads its code runs on (see
 * {@link CellStop} and {@link CellThreads}):
 * <ul>
 *   <li>a call to {@link CellStop#check(int)}, with the cell's number, at the start of every method and before every backward
 *       branch, so a loop without any interrupt check ({@code while (true) {}}) still stops, on any
 *       thread and on JDK 17 and 25 alike;</li>
 *   <li>executors and timers the cell creates ({@code Executors.newFixedThreadPool(...)},
 *       {@code new Timer()}, {@code new ThreadPoolExecutor(...)}, ...) are handed to
 *       {@link CellThreads#adopt(Object)}, so a stop can shut them down (their idle workers never
 *       run cell code, so no check would reach them);</li>
 *   <li>{@code thread.start()} goes through {@link CellThreads#start(Thread)}, which makes an
 *       exception that ends the thread visible (JShell's thread group swallows it).</li>
 * </ul>
 * Every insertion leaves the operand stack as it found it, so the class's stack map frames stay
 * valid and only the maximum stack size is recomputed. A class ASM cannot read (a newer class
 * file version) is loaded unchanged: it then stops only by interrupt.
 */
final class StopCheckWeaver {
    private static final String STOP = "org/javadl/kernel/engine/CellStop";
    private static final String THREADS = "org/javadl/kernel/engine/CellThreads";
    private static final String EXECUTORS = "java/util/concurrent/Executors";
    /** Classes whose {@code new} is adopted: they start threads that wait for work between tasks. */
    private static final Set<String> ADOPTED_TYPES = Set.of("java/util/Timer",
            "java/util/concurrent/ThreadPoolExecutor", "java/util/concurrent/ScheduledThreadPoolExecutor",
            "java/util/concurrent/ForkJoinPool");

    private StopCheckWeaver() {
    }

    /** {@code cell}: the cell the class belongs to (the cell running when it is loaded), 0 if none. */
    static byte[] weave(byte[] classFile, int cell) {
        try {
            ClassReader reader = new ClassReader(classFile);
            ClassWriter writer = new ClassWriter(reader, ClassWriter.COMPUTE_MAXS);
            reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
                @Override
                public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                                 String[] exceptions) {
                    MethodVisitor mv = super.visitMethod(access, name, descriptor, signature, exceptions);
                    boolean hasCode = (access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) == 0;
                    return hasCode ? new Checks(mv, cell) : mv;
                }
            }, 0);
            return writer.toByteArray();
        } catch (RuntimeException unsupportedClassFile) {
            return classFile;
        }
    }

    /** The rewrite of one method body. */
    private static final class Checks extends MethodVisitor {
        /** Labels already passed: a jump to one of them is a backward branch (a loop). */
        private final Set<Label> seen = new HashSet<>();
        /** {@code new T} not yet matched by its constructor call, per adopted type. */
        private final Map<String, Integer> pendingNew = new HashMap<>();

        private final int cell;

        Checks(MethodVisitor mv, int cell) {
            super(Opcodes.ASM9, mv);
            this.cell = cell;
        }

        private void check() {
            super.visitLdcInsn(cell);
            super.visitMethodInsn(Opcodes.INVOKESTATIC, STOP, "check", "(I)V", false);
        }

        /** With the new object on top of the stack: hand a copy to CellThreads.adopt. */
        private void adoptTop() {
            super.visitInsn(Opcodes.DUP);
            super.visitMethodInsn(Opcodes.INVOKESTATIC, THREADS, "adopt", "(Ljava/lang/Object;)V", false);
        }

        @Override
        public void visitCode() {
            super.visitCode();
            check();
        }

        @Override
        public void visitLabel(Label label) {
            seen.add(label);
            super.visitLabel(label);
        }

        @Override
        public void visitJumpInsn(int opcode, Label label) {
            if (seen.contains(label)) {
                check();
            }
            super.visitJumpInsn(opcode, label);
        }

        @Override
        public void visitTypeInsn(int opcode, String type) {
            if (opcode == Opcodes.NEW && ADOPTED_TYPES.contains(type)) {
                pendingNew.merge(type, 1, Integer::sum);
            }
            super.visitTypeInsn(opcode, type);
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String desc, boolean itf) {
            if (opcode == Opcodes.INVOKEVIRTUAL && "java/lang/Thread".equals(owner) && "start".equals(name)
                    && "()V".equals(desc)) {
                super.visitMethodInsn(Opcodes.INVOKESTATIC, THREADS, "start", "(Ljava/lang/Thread;)V", false);
                return;
            }
            super.visitMethodInsn(opcode, owner, name, desc, itf);
            if (opcode == Opcodes.INVOKESTATIC && EXECUTORS.equals(owner)
                    && (name.startsWith("new") || name.startsWith("unconfigurable")) && desc.endsWith(";")) {
                adoptTop();
            } else if (opcode == Opcodes.INVOKESPECIAL && "<init>".equals(name) && pendingNew.getOrDefault(owner, 0) > 0) {
                // javac's `new T(...)` is NEW, DUP, arguments, INVOKESPECIAL: the object is on top now.
                // A subclass constructor's super(...) call has no pending NEW and is left alone.
                pendingNew.merge(owner, -1, Integer::sum);
                adoptTop();
            }
        }
    }
}

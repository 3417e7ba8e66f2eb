package org.javadl.kernel.magic;

/** A magic that works on a line and as a cell magic whose body is Java ({@code %%time}, {@code %%timeit}). */
abstract class JavaBodyMagic implements Magic {
    @Override
    public final boolean isCell() {
        return true;
    }

    @Override
    public final boolean bodyIsJava() {
        return true;
    }
}

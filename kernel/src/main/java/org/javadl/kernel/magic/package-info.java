/**
 * Magic commands: {@code %name args} line magics and {@code %%name} cell magics, each one small
 * {@link org.javadl.kernel.magic.Magic} class with its own help text, all registered in
 * {@link org.javadl.kernel.magic.Magics#standard()}.
 *
 * <p>Entry points: {@link org.javadl.kernel.magic.MagicCells} (peels the magics off a cell and runs Java
 * and magics in turn), {@link org.javadl.kernel.magic.CellParts} (the parsing),
 * {@link org.javadl.kernel.magic.MagicContext} (what a magic may use of the kernel),
 * {@link org.javadl.kernel.magic.MagicAssist} (completion, inspection and {@code is_complete} of
 * magic lines). A new magic is a class here plus one {@code register} line.
 *
 * <p>Must not depend on: the wire's messages (only the {@code Language} types for completion) or the
 * runtime API; a magic's result is an engine {@code CellOutcome} like a Java cell's.
 */
package org.javadl.kernel.magic;

package org.javadl.kernel.engine;

/**
 * One JShell snippet cut from a cell: its source as JShell wants it and where it starts in the
 * cell, so diagnostics and stack frames can be reported as cell lines.
 *
 * @param source   the snippet's source (JShell may have added a closing semicolon)
 * @param offset   0-based offset of the snippet's first character in the cell
 * @param complete false if JShell could not find the end of this snippet (it will fail to compile)
 * @param anchor   cell offset of the snippet's first line, for stack-frame line numbers; differs
 *                 from {@code offset} only for a batch, whose added "{" has no place in the cell
 */
public record SnippetSource(String source, int offset, boolean complete, int anchor) {
    public SnippetSource(String source, int offset, boolean complete) {
        this(source, offset, complete, offset);
    }
}

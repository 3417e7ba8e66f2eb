package org.javadl.kernel.magic;

import org.javadl.kernel.engine.CellOutcome;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** {@code %load FILE}: replaces the cell with a source file's text, to read, edit and run. */
final class LoadMagic implements Magic {
    private static final long MAX_BYTES = 1 << 20;

    @Override
    public String name() {
        return "load";
    }

    @Override
    public String summary() {
        return "put a .java/.jsh file's text in the cell";
    }

    @Override
    public String help() {
        return """
                %load FILE

                Replaces this cell's text with the file's (a .java or .jsh file, or any text file up to 1 MB),
                after a first line "// %load FILE", as IPython's %load does. Nothing runs: read it, edit it,
                then run the cell. A relative FILE is taken from the kernel's working directory (the
                notebook's folder), ~ from your home.""";
    }

    @Override
    public CellOutcome run(MagicContext context, String args, String body) throws MagicException {
        String name = PathPatterns.unquote(args.strip());
        if (name.isEmpty()) {
            throw new MagicException("%load needs a file: %load Helpers.java");
        }
        Path file = PathPatterns.resolve(name);
        if (!Files.isRegularFile(file)) {
            throw new MagicException("%load: no such file: " + file + (Files.isDirectory(file) ? " (it is a directory)" : ""));
        }
        String text;
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new MagicException("%load: " + file + " is larger than 1 MB; is it really source code?");
            }
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (MalformedInputException e) {
            throw new MagicException("%load: " + file + " is not UTF-8 text");
        } catch (IOException e) {
            throw new MagicException("%load: cannot read " + file + ": " + e.getMessage());
        }
        context.addPayload(Pager.nextInput("// %load " + name + "\n" + text, true));
        return new CellOutcome.Success(false, null);
    }

    @Override
    public Suggestions complete(MagicContext context, String args) {
        return PathPatterns.complete(args, p -> Files.isDirectory(p) || p.toString().endsWith(".java")
                || p.toString().endsWith(".jsh"));
    }
}

package org.javadl.kernel.magic;

import org.javadl.kernel.engine.CellOutcome;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** {@code %classpath} / {@code %jars}: adds local jars and class directories to the session. */
final class ClasspathMagic implements Magic {
    @Override
    public String name() {
        return "classpath";
    }

    @Override
    public List<String> aliases() {
        return List.of("jars");
    }

    @Override
    public String summary() {
        return "add jars or class folders: %classpath lib/*.jar";
    }

    @Override
    public String help() {
        return """
                %classpath PATH-OR-GLOB ...     (also %jars)
                %classpath                      lists what this session added

                Adds jars and directories of .class files to the class path that later cells compile against
                and load classes from: %classpath lib/*.jar build/classes, ~/libs/**/*.jar. Paths are separated
                by spaces or ':'. A glob that matches nothing, or a path that does not exist, is an error.
                Classes of the kernel itself (the javadl library, Tablesaw, XChart, Gson, ...) come first:
                another version of them in an added jar is not used. JAVADL_CLASSPATH adds paths at start-up.""";
    }

    @Override
    public CellOutcome run(MagicContext context, String args, String body) throws MagicException {
        if (args.isBlank()) {
            List<Path> added = context.addToClassPath(List.of());
            System.out.println(added.isEmpty() ? "No class path entries added in this session."
                    : "Added in this session:\n  " + String.join("\n  ", added.stream().map(Path::toString).toList()));
            return new CellOutcome.Success(false, null);
        }
        List<Path> paths;
        try {
            paths = PathPatterns.expand(args);
        } catch (IllegalArgumentException e) {
            throw new MagicException("%classpath: " + e.getMessage());
        }
        for (Path p : paths) {
            if (Files.isRegularFile(p) && !p.toString().endsWith(".jar") && !p.toString().endsWith(".zip")) {
                throw new MagicException("%classpath: " + p + " is neither a jar nor a directory");
            }
        }
        int before = context.addToClassPath(List.of()).size();
        List<Path> now = context.addToClassPath(paths);
        int added = now.size() - before;
        System.out.println("Added " + added + " class path entr" + (added == 1 ? "y" : "ies")
                + (added < paths.size() ? " (" + (paths.size() - added) + " already there)" : "")
                + (added == 0 ? "" : ": " + String.join(", ", now.subList(before, now.size()).stream()
                .map(p -> p.getFileName().toString()).toList())));
        return new CellOutcome.Success(false, null);
    }

    @Override
    public Suggestions complete(MagicContext context, String args) {
        return PathPatterns.complete(args, p -> Files.isDirectory(p) || p.toString().endsWith(".jar"));
    }
}

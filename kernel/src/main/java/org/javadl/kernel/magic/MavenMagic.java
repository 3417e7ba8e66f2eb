package org.javadl.kernel.magic;

import org.javadl.kernel.engine.CellOutcome;

import java.util.List;

/** {@code %maven group:artifact:version ...}: a library from Maven Central (or added repositories) into the session. */
final class MavenMagic implements Magic {
    @Override
    public String name() {
        return "maven";
    }

    @Override
    public String summary() {
        return "add Maven libraries: %maven group:artifact:version";
    }

    @Override
    public String help() {
        return """
                %maven GROUP:ARTIFACT:VERSION ...

                Resolves the artifacts and their runtime dependencies from Maven Central (and repositories
                added with %mavenRepo) into your local repository (~/.m2/repository, or JAVADL_MAVEN_LOCAL),
                and adds the jars to the class path of this session: the next line can import from them.
                  %maven org.apache.commons:commons-math3:3.6.1
                  import org.apache.commons.math3.stat.descriptive.*;
                Versions already in the local repository are used without the network. A library the kernel
                itself contains (Tablesaw, XChart, Gson, ...) is not added again: the same version is reported
                as provided, another version as a conflict, and the kernel's own is used.
                A coordinate may also be GROUP:ARTIFACT:EXTENSION[:CLASSIFIER]:VERSION. Transfers time out
                after JAVADL_MAVEN_TIMEOUT seconds (default 20); Tab completes coordinates in the local repository.""";
    }

    @Override
    public CellOutcome run(MagicContext context, String args, String body) throws MagicException {
        List<String> coordinates = List.of(args.strip().split("[\\s,]+"));
        if (args.isBlank()) {
            throw new MagicException("%maven needs coordinates: %maven org.apache.commons:commons-math3:3.6.1");
        }
        System.out.println(context.dependencies().resolve(coordinates, context::interrupted));
        return new CellOutcome.Success(false, null);
    }

    @Override
    public Suggestions complete(MagicContext context, String args) {
        return context.dependencies().complete(args);
    }
}

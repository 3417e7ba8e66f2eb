package org.javadl.kernel.magic;

import org.javadl.kernel.engine.CellOutcome;

/** {@code %mavenRepo ID URL}: another repository for {@code %maven}. */
final class MavenRepoMagic implements Magic {
    @Override
    public String name() {
        return "mavenRepo";
    }

    @Override
    public String summary() {
        return "add a Maven repository: %mavenRepo ID URL";
    }

    @Override
    public String help() {
        return """
                %mavenRepo ID URL
                %mavenRepo            lists the repositories %maven uses

                Adds a Maven repository (https://..., or file:///path for a directory laid out as a repository)
                that %maven tries after those already there; an ID used before replaces that repository's URL.
                Maven Central is there from the start (JAVADL_MAVEN_CENTRAL changes its URL, e.g. to a mirror).""";
    }

    @Override
    public CellOutcome run(MagicContext context, String args, String body) throws MagicException {
        String[] words = args.strip().split("\\s+");
        if (args.isBlank()) {
            System.out.println(String.join("\n", context.dependencies().repositories()));
            return new CellOutcome.Success(false, null);
        }
        if (words.length != 2) {
            throw new MagicException("%mavenRepo needs an id and a URL: %mavenRepo jitpack https://jitpack.io");
        }
        System.out.println("Repositories:\n  " + String.join("\n  ", context.dependencies().addRepository(words[0], words[1])));
        return new CellOutcome.Success(false, null);
    }
}

package org.javadl.kernel.magic;

import java.util.List;
import java.util.function.BooleanSupplier;

/** Maven dependencies of the session, behind {@code %maven} and {@code %mavenRepo}. */
public interface Dependencies {

    /**
     * Resolves coordinates with their runtime dependencies and adds the jars to the session's class
     * paths; returns what to tell the user (what was added, what the kernel already has, conflicts).
     *
     * @throws MagicException with a message naming the coordinate or repository that failed
     */
    String resolve(List<String> coordinates, BooleanSupplier cancelled) throws MagicException;

    /** Adds (or replaces) a remote repository; returns the repositories now used, in order. */
    List<String> addRepository(String id, String url) throws MagicException;

    List<String> repositories();

    /** Completions of a coordinate typed so far, from what the local repository holds. */
    Magic.Suggestions complete(String args);
}

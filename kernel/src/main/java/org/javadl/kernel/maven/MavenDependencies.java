package org.javadl.kernel.maven;

import org.javadl.kernel.magic.Dependencies;
import org.javadl.kernel.magic.Magic;
import org.javadl.kernel.magic.MagicException;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * The session's Maven side: repositories (Maven Central first), the local repository, resolving with
 * {@link ResolverLoader} and handing the jars to the class path, minus what the kernel already has.
 */
public final class MavenDependencies implements Dependencies {
    static final String CENTRAL = "https://repo.maven.apache.org/maven2/";

    private final Map<String, String> repositories = new LinkedHashMap<>();
    private final Path local;
    private final int timeoutMillis;
    private final Function<List<Path>, List<Path>> classPath;
    private Map<String, String> kernelArtifacts;

    /**
     * @param env       JAVADL_MAVEN_CENTRAL (Central's URL), JAVADL_MAVEN_LOCAL (local repository),
     *                  JAVADL_MAVEN_TIMEOUT (seconds per transfer) are read from it
     * @param classPath adds jars to the session and returns all it added
     */
    public MavenDependencies(Map<String, String> env, Function<List<Path>, List<Path>> classPath) {
        this.classPath = classPath;
        String central = env.getOrDefault("JAVADL_MAVEN_CENTRAL", "");
        // The id stays "central" whatever the URL: the local repository records it for each artifact it
        // downloaded, and only an artifact from a repository of the same id counts as already there.
        repositories.put("central", central.isBlank() ? CENTRAL : central.strip());
        String localRepo = env.getOrDefault("JAVADL_MAVEN_LOCAL", "");
        String fromProperty = System.getProperty("maven.repo.local");
        this.local = !localRepo.isBlank() ? Path.of(localRepo.strip())
                : fromProperty != null ? Path.of(fromProperty) : Path.of(System.getProperty("user.home"), ".m2", "repository");
        int seconds = 20;
        try {
            seconds = Integer.parseInt(env.getOrDefault("JAVADL_MAVEN_TIMEOUT", "20").strip());
        } catch (NumberFormatException ignored) {
            // keep the default
        }
        this.timeoutMillis = Math.max(1, seconds) * 1000;
    }

    @Override
    public String resolve(List<String> coordinates, BooleanSupplier cancelled) throws MagicException {
        for (String c : coordinates) {
            if (c.split(":").length < 3) {
                throw new MagicException("%maven: '" + c + "' is not group:artifact:version (e.g. org.apache.commons:commons-math3:3.6.1)");
            }
        }
        long t0 = System.nanoTime();
        Map<String, String> repos = new LinkedHashMap<>(repositories);
        // On its own thread, so that interrupt (or the cell's time budget) ends the cell even mid-transfer.
        CompletableFuture<List<String>> work = CompletableFuture.supplyAsync(() -> {
            try {
                return ResolverLoader.resolve(coordinates, repos, local, timeoutMillis);
            } catch (IOException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }, r -> {
            Thread t = new Thread(r, "javadl-maven");
            t.setDaemon(true);
            t.start();
        });
        List<String> lines;
        try {
            lines = await(work, cancelled);
        } catch (IllegalArgumentException e) {
            throw new MagicException("%maven: " + e.getMessage());
        } catch (IllegalStateException e) {
            throw new MagicException("%maven could not resolve " + String.join(", ", coordinates) + ":\n" + e.getMessage()
                    + "\n(repositories: " + String.join(", ", repositories()) + "; local repository " + local + ")");
        }
        return addAll(lines, (System.nanoTime() - t0) / 1e9);
    }

    private static List<String> await(CompletableFuture<List<String>> work, BooleanSupplier cancelled) throws MagicException {
        while (true) {
            if (cancelled.getAsBoolean()) {
                work.cancel(true);
                throw new MagicException("%maven was stopped before it finished");
            }
            try {
                return work.get(50, TimeUnit.MILLISECONDS);
            } catch (TimeoutException stillRunning) {
                // poll the interrupt flag again
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new MagicException("%maven was interrupted");
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                throw new IllegalStateException(String.valueOf(e.getCause()), e.getCause());
            }
        }
    }

    private synchronized String addAll(List<String> lines, double seconds) {
        if (kernelArtifacts == null) {
            kernelArtifacts = KernelArtifacts.read(System.getProperty("java.class.path"));
        }
        List<Path> jars = new ArrayList<>();
        List<String> added = new ArrayList<>();
        List<String> provided = new ArrayList<>();
        List<String> conflicts = new ArrayList<>();
        for (String line : lines) {
            int tab = line.indexOf('\t');
            String gav = line.substring(0, tab);
            Path file = Path.of(line.substring(tab + 1));
            String[] parts = gav.split(":");
            String own = kernelArtifacts.get(parts[0] + ":" + parts[1]);
            if (own == null) {
                jars.add(file);
                added.add(gav);
            } else if (own.equals(parts[2])) {
                provided.add(gav);
            } else {
                conflicts.add(gav + " (the kernel has " + own + ")");
            }
        }
        List<Path> had = classPath.apply(List.of());
        List<String> fresh = new ArrayList<>();
        List<String> already = new ArrayList<>();
        for (int i = 0; i < jars.size(); i++) {
            (had.contains(jars.get(i).toAbsolutePath().normalize()) ? already : fresh).add(added.get(i));
        }
        classPath.apply(jars);
        StringBuilder b = new StringBuilder();
        b.append(String.format(java.util.Locale.ROOT, "Resolved %d artifact%s in %.1f s", lines.size(), lines.size() == 1 ? "" : "s", seconds));
        b.append("; added to the class path: ").append(fresh.isEmpty() ? "nothing new" : String.join(", ", fresh));
        if (!already.isEmpty()) {
            b.append("\nAlready on the class path: ").append(String.join(", ", already));
        }
        if (!provided.isEmpty()) {
            b.append("\nAlready in the kernel (not added again): ").append(String.join(", ", provided));
        }
        if (!conflicts.isEmpty()) {
            b.append("\nConflicts with the kernel's own jars, NOT added (the kernel's version is used; code built for"
                    + " the other version may fail): ").append(String.join(", ", conflicts));
        }
        return b.toString();
    }

    @Override
    public synchronized List<String> addRepository(String id, String url) throws MagicException {
        if (!id.matches("[A-Za-z0-9._-]+")) {
            throw new MagicException("%mavenRepo: the id may have letters, digits, '.', '_' and '-' only, got '" + id + "'");
        }
        if (!url.matches("(?i)(https?|file)://.+")) {
            throw new MagicException("%mavenRepo: the URL must start with https://, http:// or file://, got '" + url + "'");
        }
        repositories.put(id, url);
        return repositories();
    }

    @Override
    public synchronized List<String> repositories() {
        List<String> out = new ArrayList<>();
        repositories.forEach((id, url) -> out.add(id + " " + url));
        return out;
    }

    /**
     * Coordinates in the local repository: group segments ({@code org.apa} → {@code org.apache}),
     * then artifacts ({@code g:} → {@code g:a:}), then versions ({@code g:a:} → {@code g:a:v}).
     */
    @Override
    public Magic.Suggestions complete(String args) {
        int start = args.lastIndexOf(' ') + 1;
        String word = args.substring(start);
        String[] parts = word.split(":", -1);
        List<String> matches = new ArrayList<>();
        if (parts.length == 1) {
            int dot = word.lastIndexOf('.');
            String group = dot < 0 ? "" : word.substring(0, dot);
            String prefix = word.substring(dot + 1);
            for (String child : children(groupDir(group), prefix)) {
                String name = group.isEmpty() ? child : group + "." + child;
                matches.add(isArtifactDir(groupDir(group).resolve(child)) ? name + ":" : name);
            }
        } else if (parts.length == 2) {
            for (String a : children(groupDir(parts[0]), parts[1])) {
                if (isArtifactDir(groupDir(parts[0]).resolve(a))) {
                    matches.add(parts[0] + ":" + a + ":");
                }
            }
        } else if (parts.length == 3) {
            for (String v : children(groupDir(parts[0]).resolve(parts[1]), parts[2])) {
                matches.add(parts[0] + ":" + parts[1] + ":" + v);
            }
        }
        return new Magic.Suggestions(matches, start);
    }

    private Path groupDir(String group) {
        return group.isEmpty() ? local : local.resolve(group.replace('.', '/'));
    }

    private static List<String> children(Path dir, String prefix) {
        List<String> out = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, Files::isDirectory)) {
            for (Path p : ds) {
                String n = p.getFileName().toString();
                if (n.startsWith(prefix)) {
                    out.add(n);
                }
            }
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
        out.sort(null);
        return out;
    }

    /** An artifact directory holds version directories, which hold the artifact's .pom. */
    private static boolean isArtifactDir(Path dir) {
        try (DirectoryStream<Path> versions = Files.newDirectoryStream(dir, Files::isDirectory)) {
            for (Path v : versions) {
                try (DirectoryStream<Path> poms = Files.newDirectoryStream(v, "*.pom")) {
                    if (poms.iterator().hasNext()) {
                        return true;
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            return false;
        }
        return false;
    }
}

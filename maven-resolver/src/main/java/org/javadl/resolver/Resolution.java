package org.javadl.resolver;

import org.eclipse.aether.ConfigurationProperties;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.repository.RepositoryPolicy;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;
import org.eclipse.aether.resolution.DependencyResult;
import org.eclipse.aether.supplier.RepositorySystemSupplier;
import org.eclipse.aether.supplier.SessionBuilderSupplier;
import org.eclipse.aether.util.artifact.JavaScopes;
import org.eclipse.aether.util.filter.DependencyFilterUtils;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Resolves Maven coordinates with their runtime dependencies into a local repository. The kernel
 * calls {@link #resolve} reflectively from another class loader, so it takes and returns JDK types
 * only, and every failure is an {@link IllegalArgumentException} (the request is wrong) or an
 * {@link IllegalStateException} (the repositories could not deliver) with a message for the user.
 */
public final class Resolution {
    private static RepositorySystem system;

    private Resolution() {
    }

    private static synchronized RepositorySystem system() {
        if (system == null) {
            system = new RepositorySystemSupplier().get();
        }
        return system;
    }

    /**
     * @param coordinates    {@code group:artifact:version} (or {@code group:artifact:extension[:classifier]:version})
     * @param repositories   id → URL, in the order they are tried
     * @param localRepository the local repository directory
     * @param timeoutMillis  connect and request timeout for each transfer
     * @return one line per resolved artifact: {@code group:artifact:version TAB file}, the requested first
     */
    public static List<String> resolve(List<String> coordinates, Map<String, String> repositories,
                                       String localRepository, int timeoutMillis) {
        List<Dependency> roots = new ArrayList<>();
        for (String c : coordinates) {
            try {
                roots.add(new Dependency(new DefaultArtifact(c), JavaScopes.RUNTIME));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("'" + c + "' is not a Maven coordinate: use group:artifact:version,"
                        + " e.g. org.apache.commons:commons-math3:3.6.1");
            }
        }
        List<RemoteRepository> remotes = new ArrayList<>();
        RepositoryPolicy releases = new RepositoryPolicy(true, RepositoryPolicy.UPDATE_POLICY_NEVER, RepositoryPolicy.CHECKSUM_POLICY_WARN);
        RepositoryPolicy snapshots = new RepositoryPolicy(true, RepositoryPolicy.UPDATE_POLICY_DAILY, RepositoryPolicy.CHECKSUM_POLICY_WARN);
        repositories.forEach((id, url) -> remotes.add(new RemoteRepository.Builder(id, "default", url)
                .setReleasePolicy(releases).setSnapshotPolicy(snapshots).build()));
        RepositorySystem sys = system();
        try (RepositorySystemSession.CloseableSession session = new SessionBuilderSupplier(sys).get()
                .withLocalRepositoryBaseDirectories(Path.of(localRepository))
                .setConfigProperty(ConfigurationProperties.CONNECT_TIMEOUT, timeoutMillis)
                .setConfigProperty(ConfigurationProperties.REQUEST_TIMEOUT, timeoutMillis)
                .setConfigProperty(ConfigurationProperties.HTTP_RETRY_HANDLER_COUNT, 0)
                .build()) {
            CollectRequest collect = new CollectRequest();
            if (roots.size() == 1) {
                collect.setRoot(roots.get(0));
            } else {
                collect.setDependencies(roots);
            }
            collect.setRepositories(remotes);
            DependencyRequest request = new DependencyRequest(collect, DependencyFilterUtils.classpathFilter(JavaScopes.RUNTIME));
            DependencyResult result = sys.resolveDependencies(session, request);
            Set<String> lines = new LinkedHashSet<>();
            for (ArtifactResult r : result.getArtifactResults()) {
                Artifact a = r.getArtifact();
                if (a != null && a.getPath() != null) {
                    lines.add(a.getGroupId() + ":" + a.getArtifactId() + ":" + a.getVersion() + "\t" + a.getPath());
                }
            }
            return new ArrayList<>(lines);
        } catch (DependencyResolutionException e) {
            throw new IllegalStateException(explain(e));
        }
    }

    /** The innermost messages, which name the artifact and the repository ("Could not find artifact ... in central"). */
    private static String explain(Throwable e) {
        Set<String> messages = new LinkedHashSet<>();
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && (t.getCause() == null || !(t instanceof DependencyResolutionException))) {
                messages.add(t.getMessage());
            }
            for (Throwable s : t.getSuppressed()) {
                if (s.getMessage() != null) {
                    messages.add(s.getMessage());
                }
            }
        }
        return String.join("\n", messages);
    }
}

package dev.axle.lock;

import java.util.Objects;
import java.util.Optional;

/**
 * A package built from a version control checkout ({@code [packages.vcs]}).
 *
 * @param type              the VCS, e.g. {@code git}
 * @param url               where the repository is (this or {@code path} is required)
 * @param path              a local repository
 * @param requestedRevision the revision the user asked for (branch, tag)
 * @param commitId          the exact commit locked
 * @param subdirectory      where the project is inside the repository
 */
public record PackageVcs(String type, Optional<String> url, Optional<String> path, Optional<String> requestedRevision,
        String commitId, Optional<String> subdirectory) implements PackageSource {

    public PackageVcs {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(requestedRevision, "requestedRevision");
        Objects.requireNonNull(commitId, "commitId");
        Objects.requireNonNull(subdirectory, "subdirectory");
    }

    static PackageVcs read(TableReader t) {
        PackageVcs vcs = new PackageVcs(t.requiredString("type"), t.string("url"), t.string("path"),
                t.string("requested-revision"), t.requiredString("commit-id"), t.string("subdirectory"));
        requirePathOrUrl(vcs.path, vcs.url);
        return vcs;
    }

    static void requirePathOrUrl(Optional<String> path, Optional<String> url) {
        if (path.filter(s -> !s.isEmpty()).isEmpty() && url.filter(s -> !s.isEmpty()).isEmpty()) {
            throw new PylockValidationException("path or url must be provided");
        }
    }
}

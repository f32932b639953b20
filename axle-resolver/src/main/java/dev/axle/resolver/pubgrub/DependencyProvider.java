package dev.axle.resolver.pubgrub;

import java.util.List;

/**
 * Everything the solver learns about packages, asked as it goes. Implementations may fetch,
 * cache or prefetch as they like; the solver calls them from a single thread and at most once
 * per package (versions) and once per package version (dependencies).
 *
 * @param <P> the package type ({@code equals}/{@code hashCode} by identity of the package)
 * @param <V> the version type
 * @param <S> the version set type
 */
public interface DependencyProvider<P, V, S extends VersionSet<V, S>> {

    /**
     * The versions of {@code pkg} that may be selected, most preferred first: the solver always
     * tries the first one that satisfies the constraints it has. Putting the highest first gives
     * the newest solution, the installed or locked one first gives minimal changes. Versions the
     * provider excludes (yanked, pre-releases, wrong Python) are simply left out. Not asked for
     * the root package.
     */
    List<V> versions(P pkg);

    /**
     * The dependencies of {@code pkg} at {@code version}, one of the versions listed above.
     * Contradictory requirements on one package (pip's {@code b==1, b==2}) may be given as an
     * empty set, but {@link Dependencies#unavailable} with the reason reads better to users.
     *
     * <p>The solver asks {@link #versions} for every package as soon as it is known to be
     * needed, and this method only for the version it is about to decide: a provider that
     * fetches metadata can start fetching the first few candidates' dependencies in the
     * background when it is asked for versions.
     */
    Dependencies<P, S> dependencies(P pkg, V version);
}

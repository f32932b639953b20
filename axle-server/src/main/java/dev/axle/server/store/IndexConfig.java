package dev.axle.server.store;

import dev.axle.server.proxy.AllowList;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An index served at {@code /{name}/simple/}: its bases in lookup order (devpi's inheritance),
 * whether a project's files are merged from every index in the chain or taken from the first
 * that has the project, and, for a proxy index, the upstream simple API it mirrors on demand
 * and the projects it may take from there ({@code allow}: {@link AllowList} glob patterns on
 * normalized names, {@code *} any run of characters and {@code ?} one; empty allows every name).
 *
 * @param ttl how long a proxy index keeps an upstream's listing of a project before fetching it
 *     again; empty for the server's default
 */
public record IndexConfig(String name, List<String> bases, boolean merge, Optional<URI> upstream,
        List<String> allow, Optional<Duration> ttl) {
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    /** Names that are routes of the server itself and so cannot name an index. */
    private static final List<String> RESERVED = List.of("simple", "pypi", "project", "health", "metrics",
            "api", "legacy", "static", "favicon.ico");

    public IndexConfig {
        checkName(name);
        bases = List.copyOf(bases);
        for (String base : bases) {
            checkName(base);
            if (base.equals(name)) {
                throw new IllegalArgumentException("index '" + name + "' cannot be its own base");
            }
        }
        upstream = upstream == null ? Optional.empty() : upstream;
        allow = allow.stream().map(AllowList::normalize).distinct().toList();
        ttl = ttl == null ? Optional.empty() : ttl;
        if (ttl.isPresent() && ttl.get().isNegative()) {
            throw new IllegalArgumentException("the listing lifetime of index '" + name + "' is negative: "
                    + ttl.get());
        }
        if (upstream.isPresent() && !bases.isEmpty()) {
            throw new IllegalArgumentException("proxy index '" + name + "' cannot have bases: give the bases to"
                    + " an index that lists the proxy among its own");
        }
    }

    public IndexConfig(String name, List<String> bases, boolean merge, Optional<URI> upstream) {
        this(name, bases, merge, upstream, List.of());
    }

    /** An index whose listings live as long as the server's default says. */
    public IndexConfig(String name, List<String> bases, boolean merge, Optional<URI> upstream, List<String> allow) {
        this(name, bases, merge, upstream, allow, Optional.empty());
    }

    /** The upstream URL with its password, if any, hidden: for messages and listings. */
    public Optional<String> shownUpstream() {
        return upstream.map(u -> u.getRawUserInfo() == null ? u.toString()
                : u.toString().replace(u.getRawUserInfo() + "@", "****@"));
    }

    /** Whether this proxy index may take {@code project} (a normalized name) from its upstream. */
    public boolean allows(String project) {
        if (upstream.isEmpty()) {
            return false;
        }
        return AllowList.allows(allow, project);
    }

    /** A private index without bases. */
    public static IndexConfig of(String name) {
        return new IndexConfig(name, List.of(), false, Optional.empty());
    }

    /** Throws IllegalArgumentException, saying what names are allowed, unless {@code name} can name an index. */
    public static void checkName(String name) {
        if (name == null || !NAME.matcher(name).matches() || RESERVED.contains(name)) {
            throw new IllegalArgumentException("'" + name + "' cannot name an index: use 1 to 64 lower-case"
                    + " letters, digits, '.', '_' or '-', starting with a letter or digit, other than "
                    + String.join(", ", RESERVED));
        }
    }
}

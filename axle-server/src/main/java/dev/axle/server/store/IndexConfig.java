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
 * that has the project, and, for a proxy index, the upstream it mirrors on demand.
 *
 * @param ttl how long a proxy index uses a project page fetched from its upstream before asking again
 * @param allow the names a proxy index takes from its upstream ({@link AllowList} patterns,
 *     normalized); empty for every name
 */
public record IndexConfig(String name, List<String> bases, boolean merge, Optional<URI> upstream, Duration ttl,
        List<String> allow) {
    /** A proxy index's page lifetime unless configured. */
    public static final Duration DEFAULT_TTL = Duration.ofMinutes(10);

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
        upstream.ifPresent(IndexConfig::checkUpstream);
        ttl = ttl == null ? DEFAULT_TTL : ttl;
        if (ttl.isNegative()) {
            throw new IllegalArgumentException("the page lifetime of index '" + name + "' is negative: " + ttl);
        }
        allow = allow == null ? List.of() : allow.stream().map(AllowList::normalize).distinct().toList();
    }

    /** An index with the default page lifetime and no allow-list. */
    public IndexConfig(String name, List<String> bases, boolean merge, Optional<URI> upstream) {
        this(name, bases, merge, upstream, DEFAULT_TTL, List.of());
    }

    /** Whether this index proxies an upstream index. */
    public boolean proxy() {
        return upstream.isPresent();
    }

    /** The upstream URL with its password, if any, hidden: for messages and listings. */
    public Optional<String> shownUpstream() {
        return upstream.map(u -> u.getRawUserInfo() == null ? u.toString()
                : u.toString().replace(u.getRawUserInfo() + "@", "****@"));
    }

    private static void checkUpstream(URI upstream) {
        String scheme = upstream.getScheme() == null ? "" : upstream.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!upstream.isAbsolute() || upstream.isOpaque() || !List.of("http", "https", "file").contains(scheme)) {
            throw new IllegalArgumentException("the upstream '" + upstream + "' is not an http, https or file URL"
                    + " of a simple index, such as https://pypi.org/simple/");
        }
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

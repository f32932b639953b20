package dev.axle.server.store;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An index served at {@code /{name}/simple/}: its bases in lookup order (devpi's inheritance),
 * whether a project's files are merged from every index in the chain or taken from the first
 * that has the project, and, for a proxy index, the upstream it mirrors on demand.
 */
public record IndexConfig(String name, List<String> bases, boolean merge, Optional<URI> upstream) {
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

package dev.axle.server.store;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An index served at {@code /{name}/simple/}: its bases in lookup order (devpi's inheritance),
 * whether a project's files are merged from every index in the chain or taken from the first
 * that has the project, and, for a proxy index, the upstream simple API it mirrors on demand
 * and the projects it may take from there ({@code allow}: normalized names, a trailing
 * {@code *} matching any rest; empty allows every name).
 */
public record IndexConfig(String name, List<String> bases, boolean merge, Optional<URI> upstream,
        List<String> allow) {
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
        allow = List.copyOf(allow);
        if (upstream.isPresent() && !bases.isEmpty()) {
            throw new IllegalArgumentException("proxy index '" + name + "' cannot have bases: give the bases to"
                    + " an index that lists the proxy among its own");
        }
    }

    public IndexConfig(String name, List<String> bases, boolean merge, Optional<URI> upstream) {
        this(name, bases, merge, upstream, List.of());
    }

    /** Whether this proxy index may take {@code project} (a normalized name) from its upstream. */
    public boolean allows(String project) {
        if (upstream.isEmpty()) {
            return false;
        }
        return allow.isEmpty() || allow.stream().anyMatch(pattern -> pattern.endsWith("*")
                ? project.startsWith(pattern.substring(0, pattern.length() - 1)) : project.equals(pattern));
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

package dev.axle.cli;

import dev.axle.finder.IndexStrategy;
import dev.axle.index.IndexOptions;
import dev.axle.resolver.requirements.ParsedRequirements;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * Where distributions are found: pip's index options, each also read from an {@code AXLE_}
 * environment variable ({@code AXLE_INDEX_URL}, {@code AXLE_EXTRA_INDEX_URL} and
 * {@code AXLE_FIND_LINKS} space-separated, {@code AXLE_NO_INDEX}, {@code AXLE_INDEX_STRATEGY}).
 * Precedence: the command line, then the requirements files' own options, then the variables.
 */
final class IndexArguments {
    static final String DEFAULT_INDEX = "https://pypi.org/simple";

    @Option(names = {"-i", "--index-url"}, paramLabel = "URL",
            description = "The package index (a PEP 503/691 simple API; default " + DEFAULT_INDEX + ", or $AXLE_INDEX_URL)")
    String indexUrl;

    @Option(names = "--extra-index-url", paramLabel = "URL",
            description = "More indexes, asked after --index-url (see --index-strategy)")
    List<String> extraIndexUrls = new ArrayList<>();

    @Option(names = {"-f", "--find-links"}, paramLabel = "PATH|URL",
            description = "A folder of distributions, or an HTML page of links to them")
    List<String> findLinks = new ArrayList<>();

    @Option(names = "--no-index", description = "Use no index: only --find-links and direct references")
    boolean noIndex;

    @Option(names = "--index-strategy", paramLabel = "STRATEGY",
            description = "first-index (default: a project comes from the first index that has it)"
                    + " or unsafe-best-match (the best version of every index, as pip)")
    String indexStrategy;

    @Option(names = "--offline", description = "Use only what axle's cache holds: no network at all")
    boolean offline;

    @Option(names = "--refresh", description = "Revalidate every cached index page and metadata file")
    boolean refresh;

    @Option(names = "--cert", paramLabel = "FILE",
            description = "Trust the certificates in this PEM bundle instead of the JDK's trust store ($AXLE_CERT)")
    Path cert;

    @Option(names = "--trusted-host", paramLabel = "HOST[:PORT]",
            description = "Do not verify this host's TLS certificate, and allow plain http to it")
    List<String> trustedHosts = new ArrayList<>();

    @Option(names = "--keyring-provider", paramLabel = "PROVIDER",
            description = "subprocess: ask the keyring command for credentials after a 401; disabled (default)")
    String keyringProvider;

    /** How to talk to the indexes: the cache, credentials, proxies and TLS as configured. */
    IndexOptions options(ParsedRequirements files, Map<String, String> env, Path cwd, Path cacheRoot) {
        List<String> hosts = new ArrayList<>(trustedHosts);
        hosts.addAll(files.trustedHosts());
        if (trustedHosts.isEmpty() && env.containsKey("AXLE_TRUSTED_HOST")) {
            hosts.addAll(words(env.get("AXLE_TRUSTED_HOST")));
        }
        String keyring = keyringProvider != null ? keyringProvider : env.getOrDefault("AXLE_KEYRING_PROVIDER", "disabled");
        if (!keyring.equals("subprocess") && !keyring.equals("disabled")) {
            throw new UsageException("--keyring-provider must be subprocess or disabled, not " + keyring);
        }
        Path bundle = cert != null ? cwd.resolve(cert) : env.containsKey("AXLE_CERT") ? cwd.resolve(env.get("AXLE_CERT")) : null;
        IndexOptions.CacheMode mode = offline || truthy(env.get("AXLE_OFFLINE")) ? IndexOptions.CacheMode.OFFLINE
                : refresh ? IndexOptions.CacheMode.REFRESH : IndexOptions.CacheMode.NORMAL;
        return IndexOptions.defaults()
                .withCache(cacheRoot)
                .withCacheMode(mode)
                .withEnvironment(env)
                .withKeyring(keyring.equals("subprocess"))
                .withCert(bundle)
                .withTrustedHosts(hosts);
    }

    /** The indexes to ask, first one first. */
    List<URI> indexes(ParsedRequirements files, Map<String, String> env, Path cwd) {
        if (noIndex || files.noIndex() || truthy(env.get("AXLE_NO_INDEX"))) {
            return List.of();
        }
        String main = indexUrl != null ? indexUrl
                : files.indexUrl().orElse(env.getOrDefault("AXLE_INDEX_URL", DEFAULT_INDEX));
        List<String> all = new ArrayList<>();
        all.add(main);
        all.addAll(extraIndexUrls);
        all.addAll(files.extraIndexUrls());
        if (extraIndexUrls.isEmpty() && env.containsKey("AXLE_EXTRA_INDEX_URL")) {
            all.addAll(words(env.get("AXLE_EXTRA_INDEX_URL")));
        }
        List<URI> out = new ArrayList<>();
        for (String u : all) {
            URI uri = location(u, cwd);
            if (!out.contains(uri)) {
                out.add(uri);
            }
        }
        return out;
    }

    /** The find-links locations, as URLs ({@code file:} for folders and local pages). */
    List<URI> findLinks(ParsedRequirements files, Map<String, String> env, Path cwd) {
        List<String> all = new ArrayList<>(findLinks);
        all.addAll(files.findLinks());
        if (findLinks.isEmpty() && env.containsKey("AXLE_FIND_LINKS")) {
            all.addAll(words(env.get("AXLE_FIND_LINKS")));
        }
        return all.stream().map(u -> location(u, cwd)).distinct().toList();
    }

    IndexStrategy strategy(Map<String, String> env) {
        String s = indexStrategy != null ? indexStrategy : env.getOrDefault("AXLE_INDEX_STRATEGY", "first-index");
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "first-index" -> IndexStrategy.FIRST_INDEX;
            case "unsafe-best-match" -> IndexStrategy.UNSAFE_BEST_MATCH;
            default -> throw new UsageException("--index-strategy must be first-index or unsafe-best-match, not " + s);
        };
    }

    /** A URL as given, or a local path made a {@code file:} URL. */
    static URI location(String given, Path cwd) {
        if (given.matches("^[A-Za-z][A-Za-z0-9+.-]+://.*") || given.startsWith("file:")) {
            return URI.create(given);
        }
        return cwd.resolve(given).toAbsolutePath().normalize().toUri();
    }

    private static List<String> words(String value) {
        return Arrays.stream(value.trim().split("\\s+")).filter(w -> !w.isEmpty()).toList();
    }

    private static boolean truthy(String value) {
        return value != null && List.of("1", "true", "yes", "on").contains(value.toLowerCase(Locale.ROOT));
    }

    /**
     * These options as command-line arguments, relative paths made absolute against {@code cwd}:
     * for the {@code axle install} that fills a build environment, as pip passes its own options
     * to the pip that fills one.
     */
    List<String> forwarded(Path cwd) {
        List<String> args = new ArrayList<>();
        if (indexUrl != null) {
            args.add("--index-url=" + indexUrl);
        }
        extraIndexUrls.forEach(u -> args.add("--extra-index-url=" + u));
        for (String links : findLinks) {
            args.add("--find-links=" + (links.contains("://") ? links : cwd.resolve(links).toString()));
        }
        if (noIndex) {
            args.add("--no-index");
        }
        if (indexStrategy != null) {
            args.add("--index-strategy=" + indexStrategy);
        }
        if (offline) {
            args.add("--offline");
        }
        if (refresh) {
            args.add("--refresh");
        }
        if (cert != null) {
            args.add("--cert=" + cwd.resolve(cert));
        }
        trustedHosts.forEach(h -> args.add("--trusted-host=" + h));
        if (keyringProvider != null) {
            args.add("--keyring-provider=" + keyringProvider);
        }
        return args;
    }
}

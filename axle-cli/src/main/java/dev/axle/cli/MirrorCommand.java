package dev.axle.cli;

import dev.axle.env.Environment;
import dev.axle.env.PythonInterpreter;
import dev.axle.env.PythonRequest;
import dev.axle.finder.Finder;
import dev.axle.index.Index;
import dev.axle.index.IndexOptions;
import dev.axle.mirror.Destination;
import dev.axle.server.ServerConfig;
import dev.axle.server.ServerSettings;
import dev.axle.server.blob.S3Settings;
import dev.axle.mirror.Mirror;
import dev.axle.mirror.MirrorOptions;
import dev.axle.mirror.MirrorTarget;
import dev.axle.mirror.SyncReport;
import dev.axle.mirror.filter.FileFilter;
import dev.axle.mirror.filter.LatestFilter;
import dev.axle.mirror.filter.MirrorFilters;
import dev.axle.mirror.filter.NoPrereleaseFilter;
import dev.axle.mirror.filter.NoSdistFilter;
import dev.axle.mirror.filter.PinnedFilter;
import dev.axle.mirror.filter.PlatformFilter;
import dev.axle.mirror.filter.ProjectFilter;
import dev.axle.mirror.filter.PythonTagFilter;
import dev.axle.mirror.filter.ReleaseFilter;
import dev.axle.mirror.filter.SizeFilter;
import dev.axle.mirror.target.MirrorTargets;
import dev.axle.pep.Version;
import dev.axle.resolver.python.Resolution;
import dev.axle.resolver.python.ResolveOptions;
import dev.axle.resolver.python.Target;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code axle mirror}: an incremental, filtered mirror of a simple index, as a static index or into an axle index. */
@Command(name = "mirror", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Mirror a package index (PEP 503/691): the first run fetches everything the filters select,"
                + " later runs only the projects whose serial moved, removing what the upstream deleted. The"
                + " destination is a folder (a static simple index for any web server, or pip's file:// URLs) or"
                + " an axle server's index.")
final class MirrorCommand extends CacheUsingCommand implements Callable<Integer> {
    @Option(names = "--upstream", required = true, paramLabel = "URL",
            description = "The index to mirror: its simple API, such as https://pypi.org/simple/")
    String upstream;

    @Option(names = "--dest", required = true, paramLabel = "DEST",
            description = "A folder (a static index: DEST/simple/, DEST/packages/), axle:ROOT[#INDEX] (an axle"
                    + " server's folder, index main by default) or s3://BUCKET/PREFIX (the static index in a bucket;"
                    + " endpoint, region and credentials from --config or AXLE_S3_ENDPOINT, AXLE_S3_REGION, ...)")
    String dest;

    @Option(names = "--config", paramLabel = "FILE", description = "A TOML file of server settings: its [storage]"
            + " endpoint, region, path-style and credentials reach an s3:// destination; with axle:ROOT, its"
            + " [database] and [storage] name the PostgreSQL database and S3 bucket the index's servers share.")
    Path config;

    @Option(names = "--allow", paramLabel = "NAME", description = "Mirror only these projects (and --allow-regex's); repeat")
    List<String> allow = new ArrayList<>();

    @Option(names = "--deny", paramLabel = "NAME", description = "Never mirror these projects; repeat")
    List<String> deny = new ArrayList<>();

    @Option(names = "--allow-regex", paramLabel = "REGEX",
            description = "Mirror only projects whose normalized name this Java regular expression matches whole")
    List<String> allowRegex = new ArrayList<>();

    @Option(names = "--deny-regex", paramLabel = "REGEX", description = "Never mirror projects whose normalized name it matches")
    List<String> denyRegex = new ArrayList<>();

    @Option(names = "--platform", paramLabel = "TAG",
            description = "Keep wheels with a platform tag matching one of these patterns (manylinux*_x86_64, any,"
                    + " win_amd64); sdists are kept; repeat")
    List<String> platforms = new ArrayList<>();

    @Option(names = "--python-tag", paramLabel = "TAG",
            description = "Keep wheels with an interpreter tag matching one of these patterns (cp311, py3, cp3*); repeat")
    List<String> pythonTags = new ArrayList<>();

    @Option(names = "--no-sdist", description = "Leave out source distributions")
    boolean noSdist;

    @Option(names = "--latest", paramLabel = "N", description = "Keep the newest N releases of each project (PEP 440 order)")
    Integer latest;

    @Option(names = "--no-prereleases", description = "Leave out pre-releases and dev releases")
    boolean noPrereleases;

    @Option(names = "--max-file-size", paramLabel = "SIZE", description = "Leave out files larger than this (50M, 1.5G)")
    String maxFileSize;

    @Option(names = {"-r", "--requirement", "--requirements"}, paramLabel = "FILE",
            description = "Mirror exactly what these requirements files resolve to from the upstream, for the"
                    + " Python of --python (every file of each chosen version that the other filters keep); repeat")
    List<Path> requirements = new ArrayList<>();

    @Option(names = {"-p", "--python"}, paramLabel = "PYTHON",
            description = "The interpreter --requirement resolves for: a venv folder, a path, a name or a version"
                    + " (default: $VIRTUAL_ENV, else the first Python found)")
    String python;

    @Option(names = {"-j", "--jobs"}, paramLabel = "N", description = "Projects synced at once (default: ${DEFAULT-VALUE})",
            defaultValue = "" + MirrorOptions.DEFAULT_JOBS)
    int jobs;

    @Option(names = "--verify", description = "Hash every file the destination holds again, fetch the bad and missing"
            + " ones, and rewrite every page")
    boolean verify;

    @Option(names = "--cert", paramLabel = "FILE", description = "Trust the certificates in this PEM bundle for the upstream")
    Path cert;

    @Option(names = "--trusted-host", paramLabel = "HOST[:PORT]", description = "Do not verify this host's TLS certificate")
    List<String> trustedHosts = new ArrayList<>();

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() throws Exception {
        long start = System.nanoTime();
        Session session = session();
        Destination destination;
        try {
            destination = Destination.parse(dest, session.cwd);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        if (jobs < 1) {
            throw new UsageException("--jobs must be at least 1, not " + jobs);
        }
        URI url = IndexArguments.location(upstream, session.cwd);
        IndexOptions options = IndexOptions.defaults().withEnvironment(session.env)
                // Polite to a busy upstream: more retries, and up to a minute when it asks (Retry-After).
                .withRetries(5, Duration.ofSeconds(1), Duration.ofSeconds(60))
                .withCert(cert == null ? null : session.cwd.resolve(cert))
                .withTrustedHosts(trustedHosts);
        MirrorFilters filters = filters(session, url);
        if (filters == null) {
            return 1;
        }
        MirrorProgress progress = new MirrorProgress(session.err, !output.quiet && Terminal.isInteractive(),
                output.verbose);
        SyncReport report;
        try (Index index = index(url, options); MirrorTarget target = MirrorTargets.open(destination,
                bucket -> s3(session, bucket), folder -> server(session, folder))) {
            report = new Mirror(index, target, filters, MirrorOptions.defaults().withJobs(jobs).withVerify(verify),
                    progress).sync();
            progress.clear();
            if (!output.quiet) {
                session.out.println(summary(report, target.describe()) + " in "
                        + Durations.format(System.nanoTime() - start));
            }
        } finally {
            progress.clear();
        }
        if (!report.ok()) {
            session.err.println("error: " + report.failures().size() + (report.failures().size() == 1 ? " project"
                    : " projects") + " could not be synced; the next run tries again:");
            report.failures().forEach(f -> session.err.println("  " + f.project() + ": " + f.message()));
            return 1;
        }
        return 0;
    }

    private static Index index(URI url, IndexOptions options) {
        try {
            return Index.of(url, options);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--upstream: " + e.getMessage());
        }
    }

    private static String summary(SyncReport r, String where) {
        return "Mirrored " + count(r.listed(), "project") + " into " + where + ": " + r.synced() + " synced, "
                + r.unchanged() + " unchanged, " + r.removed() + " removed; " + count(r.filesFetched(), "file")
                + " fetched (" + MirrorProgress.mib(r.bytesFetched()) + " MiB), " + r.filesDeleted() + " deleted";
    }

    private static String count(int n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }

    /** The filters the options name; null when --requirement could not be resolved (the reason is printed). */
    private MirrorFilters filters(Session session, URI url) throws Exception {
        List<FileFilter> files = new ArrayList<>();
        if (!platforms.isEmpty()) {
            files.add(new PlatformFilter(platforms));
        }
        if (!pythonTags.isEmpty()) {
            files.add(new PythonTagFilter(pythonTags));
        }
        if (noSdist) {
            files.add(new NoSdistFilter());
        }
        if (maxFileSize != null) {
            files.add(SizeFilter.parse(maxFileSize));
        }
        List<ReleaseFilter> releases = new ArrayList<>();
        if (noPrereleases) {
            releases.add(new NoPrereleaseFilter());
        }
        Map<String, Set<Version>> pins = new TreeMap<>();
        if (!requirements.isEmpty()) {
            Optional<Map<String, Set<Version>>> resolved = resolve(session, url);
            if (resolved.isEmpty()) {
                return null;
            }
            pins.putAll(resolved.get());
            releases.add(new PinnedFilter(pins));
        }
        if (latest != null) {
            releases.add(new LatestFilter(latest));
        }
        return new MirrorFilters(ProjectFilter.of(allow, deny, allowRegex, denyRegex, pins.keySet()), files, releases);
    }

    /** The (project, version) pairs the requirements files resolve to from the upstream, for the target Python. */
    private Optional<Map<String, Set<Version>>> resolve(Session session, URI url) throws Exception {
        for (Path file : requirements) {
            if (!Files.isRegularFile(session.cwd.resolve(file))) {
                throw new UsageException("--requirement " + file + ": no such file");
            }
        }
        ResolutionArguments resolution = new ResolutionArguments();
        resolution.requirements = requirements;
        IndexArguments index = new IndexArguments();
        index.indexUrl = url.toString();
        index.cert = cert;
        index.trustedHosts = trustedHosts;
        PythonInterpreter interpreter = interpreter(session);
        Target target = new Target(interpreter.markerEnvironment(), interpreter.version());
        Resolving.Input input = Resolving.read(session, List.of(), resolution);
        ResolveOptions options = Resolving.options(target, input, resolution, false, null, false);
        try (Finder finder = Resolving.finder(session, input, index, target, interpreter.supportedTags())) {
            Optional<Resolution> result = Resolving.resolve(session, finder, input, options);
            if (result.isEmpty()) {
                return Optional.empty();
            }
            Map<String, Set<Version>> pins = new TreeMap<>();
            result.get().packages().forEach(p -> pins.computeIfAbsent(p.project().toString(), k -> new TreeSet<>())
                    .add(p.version()));
            if (output.verbose) {
                session.err.println("The requirements resolve to " + pins);
            }
            return Optional.of(pins);
        }
    }

    private PythonInterpreter interpreter(Session session) {
        if (python != null) {
            Path asPath = session.cwd.resolve(python);
            if (Files.isRegularFile(asPath.resolve("pyvenv.cfg"))) {
                return Environment.venv(session.interpreters, asPath).interpreter();
            }
            return session.interpreters.require(PythonRequest.parse(python));
        }
        String active = session.env.get("VIRTUAL_ENV");
        if (active != null && !active.isEmpty()) {
            return Environment.venv(session.interpreters, session.cwd.resolve(active)).interpreter();
        }
        return session.interpreters.require(PythonRequest.ANY);
    }

    /** The S3 settings for an s3:// destination: the settings file's [storage] keys, then the environment's. */
    private S3Settings s3(Session session, Destination.S3 bucket) {
        try {
            return ServerConfig.s3(bucket.toString(), settings(session).values());
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /**
     * The server an axle:ROOT destination is: ROOT's files and SQLite, or the database and bucket
     * the settings file and environment name (as {@code axle serve --config} reads them).
     */
    private ServerConfig server(Session session, Path root) {
        try {
            return ServerConfig.of(root.toAbsolutePath().normalize(), settings(session));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private ServerSettings settings(Session session) {
        ServerSettings settings = new ServerSettings();
        try {
            if (config != null) {
                settings.file(session.cwd.resolve(config));
            }
        } catch (IOException e) {
            throw new UsageException(e.getMessage());
        }
        return settings.environment(session.env);
    }
}

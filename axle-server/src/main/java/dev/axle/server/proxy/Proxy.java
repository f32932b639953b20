package dev.axle.server.proxy;

import dev.axle.dist.Digests;
import dev.axle.dist.Distribution;
import dev.axle.dist.DistributionException;
import dev.axle.index.DistributionFile;
import dev.axle.index.DownloadListener;
import dev.axle.index.Index;
import dev.axle.index.IndexOptions;
import dev.axle.index.ProjectPage;
import dev.axle.pep.PepSyntaxException;
import dev.axle.pep.SdistFilename;
import dev.axle.pep.Version;
import dev.axle.pep.WheelFilename;
import dev.axle.server.Publication;
import dev.axle.server.blob.BlobStore;
import dev.axle.server.store.IndexConfig;
import dev.axle.server.store.Project;
import dev.axle.server.store.Release;
import dev.axle.server.store.Store;
import dev.axle.server.store.StoredFile;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Proxy indexes: an index with an upstream shows the upstream's project pages (cached for the
 * index's TTL, see {@link UpstreamPages}) with every file addressed on the proxy index, and
 * keeps each file once first asked for: downloaded with axle-index's client (verified against
 * the upstream's hashes), then a blob and a row like an uploaded file's, served from the store
 * from then on. A wheel's core metadata file is the upstream's when it offers one (fetched on
 * first request), else the wheel's own METADATA once the wheel is kept.
 *
 * <p>Which names a proxy index may take from its upstream is decided by its allow-list here,
 * and by {@link dev.axle.server.Catalog}, which never asks a proxy for a name a private index
 * of the chain has.
 */
public final class Proxy implements AutoCloseable {
    /** Upload times the upstream did not give (PEP 700 fields are optional); pages leave them out. */
    public static final Instant UNKNOWN_TIME = Instant.EPOCH;

    /** One retry: a client waits on the proxy, and a page kept from before answers an outage anyway. */
    private static final IndexOptions OPTIONS = IndexOptions.defaults()
            .withTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(30))
            .withRetries(1, Duration.ofMillis(200), Duration.ofSeconds(2));
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private final Store store;
    private final BlobStore blobs;
    private final IndexOptions options;
    private final Map<URI, Index> upstreams = new ConcurrentHashMap<>();
    private final Map<String, Transfer> transfers = new ConcurrentHashMap<>();
    private final UpstreamPages pages;

    public Proxy(Store store, BlobStore blobs) {
        this(store, blobs, OPTIONS, Clock.systemUTC());
    }

    public Proxy(Store store, BlobStore blobs, IndexOptions options, Clock clock) {
        this.store = store;
        this.blobs = blobs;
        this.options = options;
        this.pages = new UpstreamPages(store, this::upstream, clock);
    }

    private Index upstream(IndexConfig config) {
        return upstreams.computeIfAbsent(config.upstream().orElseThrow(), url -> Index.of(url, options));
    }

    /**
     * The project {@code name} (normalized) as the proxy index {@code config} shows it: empty when
     * its allow-list refuses the name, or neither the upstream nor the index's kept files have it.
     *
     * @throws UpstreamUnavailableException if the upstream must be asked, fails, and nothing is kept
     */
    public Optional<ProxiedProject> project(IndexConfig config, String name) {
        if (!AllowList.allows(config.allow(), name)) {
            return Optional.empty();
        }
        Optional<Project> kept = store.project(config.name(), name);
        UpstreamPages.Fetched fetched = fetchedOrKept(config, name, kept.isPresent());
        if (fetched.page().isEmpty() && kept.isEmpty()) {
            return Optional.empty();
        }
        Map<String, StoredFile> files = new LinkedHashMap<>();
        Map<String, Release> releases = new LinkedHashMap<>();
        Map<String, StoredFile> keptFiles = new LinkedHashMap<>();
        store.files(config.name(), name).forEach(f -> keptFiles.put(f.filename(), f));
        store.releases(config.name(), name).forEach(r -> releases.put(r.version(), r));
        for (DistributionFile upstream : fetched.page().map(ProjectPage::files).orElse(List.of())) {
            listed(config, name, upstream).ifPresent(f -> files.putIfAbsent(f.filename(),
                    keptFiles.containsKey(f.filename()) ? asListed(keptFiles.get(f.filename()), f) : f));
        }
        keptFiles.values().forEach(f -> files.putIfAbsent(f.filename(), f));
        for (String version : fetched.page().map(ProjectPage::versions).orElse(List.of())) {
            releases.putIfAbsent(version, new Release(config.name(), name, version, "", UNKNOWN_TIME));
        }
        String displayName = kept.map(Project::displayName)
                .orElseGet(() -> fetched.page().map(ProjectPage::name).orElse(name));
        long serial = Math.max(kept.map(Project::lastSerial).orElse(0L), fetched.serial());
        return Optional.of(new ProxiedProject(displayName, serial, List.copyOf(files.values()),
                List.copyOf(releases.values())));
    }

    /** The upstream's page; when the upstream fails and the index kept files of the project, none. */
    private UpstreamPages.Fetched fetchedOrKept(IndexConfig config, String name, boolean kept) {
        try {
            return pages.page(config, name);
        } catch (UpstreamUnavailableException e) {
            if (!kept) {
                throw e;
            }
            return new UpstreamPages.Fetched(Optional.empty(), 0);
        }
    }

    /** A kept file as the upstream lists it now: yanks and Requires-Python may change upstream. */
    private static StoredFile asListed(StoredFile kept, StoredFile listed) {
        return new StoredFile(kept.index(), kept.project(), kept.version(), kept.filename(), kept.packageType(),
                kept.blobKey(), kept.sha256(), kept.md5(), kept.size(), kept.uploadTime(),
                listed.requiresPython().or(kept::requiresPython), listed.yanked(), listed.yankedReason(),
                kept.metadataSha256().or(listed::metadataSha256));
    }

    /**
     * An upstream file as the proxy index lists it, or empty for what it does not serve: not a
     * wheel or sdist of this project with a PEP 440 version, or a filename unfit for a path.
     */
    private static Optional<StoredFile> listed(IndexConfig config, String project, DistributionFile file) {
        String filename = file.filename();
        if (filename.isEmpty() || filename.startsWith(".") || filename.indexOf('/') >= 0
                || filename.indexOf('\\') >= 0 || filename.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return Optional.empty();
        }
        String name;
        Version version;
        boolean wheel = filename.endsWith(".whl");
        try {
            if (wheel) {
                WheelFilename parsed = WheelFilename.parse(filename);
                name = parsed.name();
                version = parsed.version();
            } else {
                SdistFilename parsed = SdistFilename.parse(filename);
                name = parsed.name();
                version = parsed.version();
            }
        } catch (PepSyntaxException e) {
            return Optional.empty();
        }
        if (!dev.axle.pep.ProjectName.canonicalize(name).equals(project)) {
            return Optional.empty();
        }
        String sha256 = Optional.ofNullable(file.hashes().get("sha256")).filter(h -> SHA256.matcher(h).matches())
                .orElse("");
        Optional<String> metadataSha256 = sha256.isEmpty() || !file.coreMetadata().available() ? Optional.empty()
                : Optional.ofNullable(file.coreMetadata().hashes().get("sha256"))
                        .filter(h -> SHA256.matcher(h).matches());
        return Optional.of(new StoredFile(config.name(), project, version.toString(), filename,
                wheel ? "bdist_wheel" : "sdist", sha256.isEmpty() ? "" : Publication.blobKey(sha256, filename),
                sha256, file.hashes().getOrDefault("md5", ""), file.size().orElse(-1L),
                file.uploadTime().orElse(UNKNOWN_TIME), file.requiresPython(), file.yanked().yanked(),
                file.yanked().reason(), metadataSha256));
    }

    /**
     * The file {@code listed} (a file {@link #project} listed) kept on its proxy index: downloaded
     * from the upstream the first time, once however many ask at the same time.
     *
     * @throws UpstreamUnavailableException if the upstream fails
     * @throws IOException                  if the store cannot keep it, or the upstream's bytes do
     *                                      not match its hashes
     */
    public StoredFile keep(IndexConfig config, StoredFile listed) throws IOException {
        try {
            return transfer(config, listed).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted waiting for " + listed.filename());
        }
    }

    /**
     * The download of {@code listed} into the store: the one in progress, a new one, or one
     * already done when the file is kept. Downloads run on their own (virtual) threads, so a
     * client that goes away does not stop one.
     */
    public Transfer transfer(IndexConfig config, StoredFile listed) throws IOException {
        String key = config.name() + "/" + listed.filename();
        while (true) {
            Transfer running = transfers.get(key);
            if (running != null) {
                return running;
            }
            Optional<StoredFile> kept = keptWithBytes(config, listed.filename());
            if (kept.isPresent()) {
                return Transfer.of(kept.get());
            }
            DistributionFile upstream = upstreamFile(config, listed);
            Transfer transfer = new Transfer(blobs.temporaryFile(".download"));
            if (transfers.putIfAbsent(key, transfer) != null) {
                Files.deleteIfExists(transfer.target());
                continue;
            }
            Thread.ofVirtual().name("axle-proxy-" + listed.filename())
                    .start(() -> download(config, listed, upstream, transfer, key));
            return transfer;
        }
    }

    private void download(IndexConfig config, StoredFile listed, DistributionFile upstream, Transfer transfer,
            String key) {
        StoredFile kept = null;
        Exception failure = null;
        try {
            Optional<StoredFile> before = keptWithBytes(config, listed.filename());
            if (before.isPresent()) {
                kept = before.get();
            } else {
                try {
                    upstream(config).download(upstream, transfer.target(), (f, downloaded, total) ->
                            transfer.progress(downloaded, total));
                } catch (dev.axle.index.IndexUnavailableException | dev.axle.index.HashMismatchException e) {
                    throw UpstreamPages.unavailable(config, listed.filename(), e);
                }
                kept = store(config, listed, upstream, transfer.target());
            }
        } catch (IOException | RuntimeException e) {
            failure = e;
        } finally {
            transfer.finish(kept, failure);
            transfers.remove(key, transfer);
            try {
                Files.deleteIfExists(transfer.target());
            } catch (IOException e) {
                // swept at the next start
            }
        }
    }

    private Optional<StoredFile> keptWithBytes(IndexConfig config, String filename) throws IOException {
        Optional<StoredFile> kept = store.file(config.name(), filename);
        return kept.isPresent() && blobs.size(kept.get().blobKey()).isPresent() ? kept : Optional.empty();
    }

    /** The upstream's entry for a listed file, from the page last fetched. */
    private DistributionFile upstreamFile(IndexConfig config, StoredFile listed) throws IOException {
        return pages.last(config, listed.project()).stream().flatMap(p -> p.files().stream())
                .filter(f -> f.filename().equals(listed.filename())).findFirst()
                .orElseThrow(() -> new IOException("index '" + config.name() + "' no longer finds "
                        + listed.filename() + " on the page of '" + listed.project() + "' at its upstream "
                        + config.shownUpstream().orElseThrow()));
    }

    /** Moves a verified download into the store and records it, with its metadata when it can be read. */
    private StoredFile store(IndexConfig config, StoredFile listed, DistributionFile upstream, Path download)
            throws IOException {
        Digests digests = Digests.of(download);
        Optional<byte[]> metadata = metadata(download, listed.filename());
        String key = Publication.blobKey(digests.sha256(), listed.filename());
        blobs.move(download, key);
        Optional<String> metadataSha256 = Optional.empty();
        Optional<String> offered = upstream.coreMetadata().available()
                ? Optional.ofNullable(upstream.coreMetadata().hashes().get("sha256")) : Optional.empty();
        if (offered.isPresent()) {
            // Served as the upstream serves it; the wheel's own copy saves fetching it when identical.
            metadataSha256 = offered;
            if (metadata.isPresent() && Publication.sha256(metadata.get()).equals(offered.get())) {
                blobs.put(key + ".metadata", new ByteArrayInputStream(metadata.get()));
            }
        } else if (metadata.isPresent() && listed.packageType().equals("bdist_wheel")) {
            blobs.put(key + ".metadata", new ByteArrayInputStream(metadata.get()));
            metadataSha256 = Optional.of(Publication.sha256(metadata.get()));
        }
        StoredFile row = new StoredFile(config.name(), listed.project(), listed.version(), listed.filename(),
                listed.packageType(), key, digests.sha256(), digests.md5(), digests.size(), listed.uploadTime(),
                listed.requiresPython(), listed.yanked(), listed.yankedReason(), metadataSha256);
        String displayName = pages.last(config, listed.project()).map(ProjectPage::name).orElse(listed.project());
        store.addFile(row, displayName, metadata.map(m -> new String(m, StandardCharsets.UTF_8)).orElse(""));
        return store.file(config.name(), listed.filename()).orElse(row);
    }

    /** The file's core metadata as in the archive, or empty when it cannot be read as a distribution. */
    private static Optional<byte[]> metadata(Path file, String filename) throws IOException {
        try {
            return Optional.of(Distribution.inspect(file, filename).metadataBytes());
        } catch (DistributionException e) {
            // Upstreams serve old archives today's rules refuse: they are still served, without metadata.
            return Optional.empty();
        }
    }

    /**
     * Makes sure the core metadata file of {@code file} (listed or kept, with a metadata sha256)
     * is in the store: fetched from the upstream, verified, on first request.
     *
     * @return false when there is none to serve
     */
    public boolean keepMetadata(IndexConfig config, StoredFile file) throws IOException {
        if (file.metadataSha256().isEmpty() || file.blobKey().isEmpty()) {
            return false;
        }
        if (blobs.size(file.metadataBlobKey()).isPresent()) {
            return true;
        }
        DistributionFile upstream = upstreamFile(config, file);
        Optional<byte[]> metadata;
        try {
            metadata = upstream(config).coreMetadata(upstream);
        } catch (dev.axle.index.IndexUnavailableException | dev.axle.index.HashMismatchException e) {
            throw UpstreamPages.unavailable(config, file.filename() + ".metadata", e);
        }
        if (metadata.isEmpty()) {
            return false;
        }
        blobs.put(file.metadataBlobKey(), new ByteArrayInputStream(metadata.get()));
        return true;
    }

    @Override
    public void close() {
        upstreams.values().forEach(Index::close);
        upstreams.clear();
    }
}

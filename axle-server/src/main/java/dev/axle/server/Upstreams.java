package dev.axle.server;

import dev.axle.dist.Distribution;
import dev.axle.dist.DistributionException;
import dev.axle.index.CoreMetadata;
import dev.axle.index.DistributionFile;
import dev.axle.index.Index;
import dev.axle.index.IndexOptions;
import dev.axle.index.ProjectPage;
import dev.axle.index.Yanked;
import dev.axle.pep.ProjectName;
import dev.axle.pep.SdistFilename;
import dev.axle.pep.Version;
import dev.axle.pep.WheelFilename;
import dev.axle.server.blob.BlobStore;
import dev.axle.server.proxy.Transfer;
import dev.axle.server.store.IndexConfig;
import dev.axle.server.store.Store;
import dev.axle.server.store.StoredFile;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The upstreams of proxy indexes: a project's listing is fetched when asked for and kept for
 * {@code ttl}; after that it is fetched again, and kept as it was when the upstream cannot be
 * reached (stale-if-error). Files and metadata files are fetched the first time they are
 * asked for, verified against the listing's sha256, and kept for good; a wheel whose upstream
 * offers no metadata file has its own METADATA served once the wheel has been fetched. Only
 * files with a sha256 are listed (the store keeps bytes by their hash).
 */
public final class Upstreams implements AutoCloseable {
    /** How long a listing whose refetch failed is served as kept before the upstream is asked again (at most). */
    static final Duration RETRY_AFTER_ERROR = Duration.ofSeconds(30);

    private final Store store;
    private final BlobStore blobs;
    private final Duration ttl;
    private final Clock clock;
    private final Map<URI, Index> clients = new ConcurrentHashMap<>();
    private final Map<String, Transfer> transfers = new ConcurrentHashMap<>();
    /** Until when a listing whose refetch failed is served as kept without asking the upstream again. */
    private final Map<String, Instant> failedUntil = new ConcurrentHashMap<>();
    /** One fetch at a time per project or file (striped); the others wait and use its result. */
    private final ReentrantLock[] locks = new ReentrantLock[64];

    public Upstreams(Store store, BlobStore blobs, Duration ttl, Clock clock) {
        this.store = store;
        this.blobs = blobs;
        this.ttl = ttl;
        this.clock = clock;
        for (int i = 0; i < locks.length; i++) {
            locks[i] = new ReentrantLock();
        }
    }

    /** Thrown when an upstream cannot be reached and nothing is kept to answer with. */
    public static final class UpstreamException extends IOException {
        private static final long serialVersionUID = 1L;

        UpstreamException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private Index client(URI upstream) {
        return clients.computeIfAbsent(upstream, u -> Index.of(u, IndexOptions.defaults()
                .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(30))
                .withRetries(1, Duration.ofMillis(200), Duration.ofSeconds(1))));
    }

    /**
     * Brings the proxy index's copy of {@code project} up to date when it is older than the
     * TTL (and the index allows the name); keeps the old copy when the upstream fails.
     *
     * @throws UpstreamException when the upstream fails and there is no copy yet
     */
    public void refresh(IndexConfig proxy, String project) throws UpstreamException {
        if (!proxy.allows(project)) {
            return;
        }
        ReentrantLock lock = lock(proxy.name() + "/" + project);
        lock.lock();
        try {
            Optional<Instant> fetched = store.proxiedAt(proxy.name(), project);
            Instant now = clock.instant();
            Duration lifetime = proxy.ttl().orElse(ttl);
            String key = proxy.name() + "/" + project;
            if (fetched.isPresent() && (fetched.get().plus(lifetime).isAfter(now)
                    || failedUntil.getOrDefault(key, Instant.MIN).isAfter(now))) {
                return;
            }
            Optional<ProjectPage> page;
            try {
                page = client(proxy.upstream().orElseThrow()).projectPage(ProjectName.parse(project));
                failedUntil.remove(key);
            } catch (IOException | RuntimeException e) {
                if (fetched.isPresent()) {
                    // Stale-if-error: what was kept answers until the upstream is back, without every
                    // request waiting on an upstream that times out.
                    failedUntil.put(key, now.plus(lifetime.compareTo(RETRY_AFTER_ERROR) < 0 ? lifetime
                            : RETRY_AFTER_ERROR));
                    return;
                }
                throw new UpstreamException("the upstream of index '" + proxy.name() + "' ("
                        + proxy.shownUpstream().orElseThrow() + ") cannot be reached for " + project + ": "
                        + e.getMessage(), e);
            }
            List<StoredFile> files = keepMetadata(page.map(p -> files(proxy.name(), project, p)).orElse(List.of()),
                    store.files(proxy.name(), project));
            store.replaceProxied(proxy.name(), project, page.map(ProjectPage::name).orElse(project), files, now);
        } finally {
            lock.unlock();
        }
    }

    private static List<StoredFile> files(String index, String project, ProjectPage page) {
        List<StoredFile> files = new ArrayList<>();
        for (DistributionFile f : page.files()) {
            String sha256 = f.hashes().get("sha256");
            Optional<String> version = version(f.filename());
            if (sha256 == null || !sha256.matches("[0-9a-f]{64}") || version.isEmpty()
                    || f.filename().contains("/")) {
                continue;
            }
            Optional<String> metadataSha256 = f.coreMetadata().available()
                    ? Optional.ofNullable(f.coreMetadata().hashes().get("sha256")) : Optional.empty();
            files.add(new StoredFile(index, project, version.get(), f.filename(),
                    f.filename().endsWith(".whl") ? "bdist_wheel" : "sdist", Publication.blobKey(sha256, f.filename()),
                    sha256, f.hashes().getOrDefault("md5", ""), f.size().orElse(-1L),
                    f.uploadTime().orElse(Instant.EPOCH), f.requiresPython(), f.yanked().yanked(),
                    f.yanked().reason(), metadataSha256, Optional.of(f.url())));
        }
        return files;
    }

    /**
     * The listing, with the metadata files read from wheels already fetched kept for the files
     * whose upstream offers none.
     */
    private static List<StoredFile> keepMetadata(List<StoredFile> listing, List<StoredFile> kept) {
        Map<String, StoredFile> byName = new java.util.HashMap<>();
        kept.forEach(f -> byName.put(f.filename(), f));
        List<StoredFile> merged = new ArrayList<>(listing.size());
        for (StoredFile f : listing) {
            StoredFile old = byName.get(f.filename());
            if (f.metadataSha256().isEmpty() && old != null && old.sha256().equals(f.sha256())
                    && old.metadataSha256().isPresent()) {
                f = new StoredFile(f.index(), f.project(), f.version(), f.filename(), f.packageType(), f.blobKey(),
                        f.sha256(), f.md5(), f.size(), f.uploadTime(), f.requiresPython(), f.yanked(),
                        f.yankedReason(), old.metadataSha256(), f.upstream());
            }
            merged.add(f);
        }
        return merged;
    }

    /** The version in a wheel's or sdist's filename; empty for other files (eggs, installers) and bad names. */
    private static Optional<String> version(String filename) {
        try {
            Version v = filename.endsWith(".whl") ? WheelFilename.parse(filename).version()
                    : SdistFilename.parse(filename).version();
            return Optional.of(v.toString());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Makes sure a proxied file's bytes (or its metadata file's) are in the blob store,
     * fetching and verifying them from the upstream the first time.
     */
    public void ensure(IndexConfig proxy, StoredFile file, boolean metadata) throws IOException {
        if (!metadata) {
            try {
                transfer(proxy, file).await();
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("interrupted waiting for " + file.filename());
            }
        }
        String key = file.metadataBlobKey();
        if (file.upstream().isEmpty() || proxy.upstream().isEmpty() || blobs.size(key).isPresent()) {
            return;
        }
        ReentrantLock lock = lock(key);
        lock.lock();
        try {
            if (blobs.size(key).isPresent()) {
                return;
            }
            byte[] bytes = client(proxy.upstream().get()).coreMetadata(remote(file)).orElseThrow(() ->
                    new IOException("the upstream offers no metadata file for " + file.filename()));
            blobs.put(key, new ByteArrayInputStream(bytes));
        } finally {
            lock.unlock();
        }
    }

    /** The upstream's file as the client downloads it: the listing's URL and hashes. */
    private static DistributionFile remote(StoredFile file) {
        return new DistributionFile(file.filename(), file.upstream().orElseThrow(),
                Map.of("sha256", file.sha256()), file.requiresPython(), Yanked.NO,
                file.metadataSha256().map(sha -> CoreMetadata.available(Map.of("sha256", sha)))
                        .orElse(CoreMetadata.ABSENT),
                Optional.empty(), Optional.empty(), Optional.empty());
    }

    /**
     * The download of a proxied file's bytes into the store: one already over when they are
     * kept, else the one in flight (however many requests ask, the upstream is asked once), else
     * a new one. Downloads run on their own virtual threads, so a client going away stops none.
     */
    public Transfer transfer(IndexConfig proxy, StoredFile file) throws IOException {
        String key = file.blobKey();
        while (true) {
            if (file.upstream().isEmpty() || proxy.upstream().isEmpty() || blobs.size(key).isPresent()) {
                return Transfer.of(file);
            }
            Transfer running = transfers.get(key);
            if (running != null) {
                return running;
            }
            Transfer transfer = new Transfer(blobs.temporaryFile(".proxied"));
            if (transfers.putIfAbsent(key, transfer) != null) {
                Files.deleteIfExists(transfer.target());
                continue;
            }
            Thread.ofVirtual().name("axle-proxy-" + file.filename()).start(() -> download(proxy, file, transfer));
            return transfer;
        }
    }

    private void download(IndexConfig proxy, StoredFile file, Transfer transfer) {
        Exception failure = null;
        try {
            if (blobs.size(file.blobKey()).isEmpty()) {
                client(proxy.upstream().orElseThrow()).download(remote(file), transfer.target(),
                        (f, downloaded, total) -> transfer.progress(downloaded, total));
                Optional<byte[]> wheelMetadata = file.metadataSha256().isEmpty() && file.filename().endsWith(".whl")
                        ? metadataOf(transfer.target(), file.filename()) : Optional.empty();
                blobs.move(transfer.target(), file.blobKey());
                if (wheelMetadata.isPresent()) {
                    // The upstream offers no metadata file: serve the wheel's own from now on.
                    blobs.put(file.metadataBlobKey(), new ByteArrayInputStream(wheelMetadata.get()));
                    store.setMetadataSha256(file.index(), file.filename(), Publication.sha256(wheelMetadata.get()));
                }
            }
        } catch (IOException | RuntimeException e) {
            failure = e;
        } finally {
            transfer.finish(file, failure);
            transfers.remove(file.blobKey(), transfer);
            try {
                Files.deleteIfExists(transfer.target());
            } catch (IOException e) {
                // swept at the next start
            }
        }
    }

    /** A fetched wheel's METADATA, or empty when the wheel does not pass inspection. */
    private static Optional<byte[]> metadataOf(Path wheel, String filename) throws IOException {
        try {
            return Optional.of(Distribution.inspect(wheel, filename).metadataBytes());
        } catch (DistributionException e) {
            return Optional.empty();
        }
    }

    private ReentrantLock lock(String key) {
        return locks[Math.floorMod(key.hashCode(), locks.length)];
    }

    @Override
    public void close() {
        clients.values().forEach(Index::close);
    }
}

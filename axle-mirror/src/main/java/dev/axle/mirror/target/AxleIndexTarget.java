package dev.axle.mirror.target;

import dev.axle.dist.Digests;
import dev.axle.dist.Distribution;
import dev.axle.dist.DistributionException;
import dev.axle.index.DistributionFile;
import dev.axle.mirror.FileRecord;
import dev.axle.mirror.MirrorException;
import dev.axle.mirror.MirrorTarget;
import dev.axle.mirror.ProjectRecord;
import dev.axle.mirror.ProjectUpdate;
import dev.axle.mirror.Upstream;
import dev.axle.mirror.filter.ListedFile;
import dev.axle.pep.MetadataField;
import dev.axle.pep.RawMetadata;
import dev.axle.pep.Version;
import dev.axle.server.Incoming;
import dev.axle.server.LockFile;
import dev.axle.server.Publication;
import dev.axle.server.ServerConfig;
import dev.axle.server.ServerRoot;
import dev.axle.server.store.IndexConfig;
import dev.axle.server.store.StoreException;
import dev.axle.server.store.StoredFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An index of an axle server's folder ({@code axle:ROOT#INDEX}): files published into it as an
 * upload publishes them (blob first, then the database row), with the upstream's upload times;
 * yanks (with reasons) set as the upstream has them; files and projects the upstream deleted
 * deleted. {@code axle serve --root ROOT} serves it, also while a sync runs. The state is
 * {@code ROOT/mirror-INDEX.json}; one sync per index at a time ({@code ROOT/mirror-INDEX.lock}).
 *
 * <p>An axle index holds wheels and sdists: other files (eggs, installers) are skipped with a
 * warning. A file's {@code requires-python} comes from its metadata, as for uploads.
 */
public final class AxleIndexTarget implements MirrorTarget {
    private final ServerRoot root;
    private final String index;
    private final Publication publication;
    private final Path state;
    private final LockFile lock;

    private AxleIndexTarget(ServerRoot root, String index, LockFile lock) {
        this.root = root;
        this.index = index;
        this.publication = new Publication(root.store(), root.blobs());
        this.state = root.root().resolve("mirror-" + index + ".json");
        this.lock = lock;
    }

    /**
     * Opens the server folder {@code folder} (creating it) and its index {@code index}, which is
     * created as a plain index if it does not exist.
     *
     * @throws MirrorException if the index is a proxy index, or another sync writes to it
     */
    public static AxleIndexTarget open(Path folder, String index) throws IOException {
        return open(ServerConfig.folder(folder.toAbsolutePath().normalize()), index);
    }

    /**
     * Opens {@code index} of the server {@code config} names: its folder, or a PostgreSQL
     * database and S3 bucket that replicas serve (the lock is then the folder's: one sync at a
     * time through it).
     */
    public static AxleIndexTarget open(ServerConfig server, String index) throws IOException {
        ServerRoot root = ServerRoot.open(server);
        try {
            Optional<IndexConfig> config = root.store().index(index);
            if (config.isPresent() && config.get().upstream().isPresent()) {
                throw new MirrorException("index '" + index + "' of " + root.root() + " is a proxy of "
                        + config.get().shownUpstream().orElse("") + "; mirror into a plain index (axle:"
                        + root.root() + "#NAME creates one)");
            }
            if (config.isEmpty()) {
                root.store().saveIndex(IndexConfig.of(index));
            }
            LockFile lock = LockFile.tryLock(root.root().resolve("mirror-" + index + ".lock"))
                    .orElseThrow(() -> new MirrorException("another axle mirror is writing to index '" + index
                            + "' of " + root.root() + "; wait for it to finish"));
            return new AxleIndexTarget(root, index, lock);
        } catch (IOException | RuntimeException e) {
            root.close();
            throw e;
        }
    }

    @Override
    public String describe() {
        return "index '" + index + "' of " + root.root();
    }

    @Override
    public Optional<byte[]> readState() throws IOException {
        return Files.exists(state) ? Optional.of(Files.readAllBytes(state)) : Optional.empty();
    }

    @Override
    public void writeState(byte[] bytes) throws IOException {
        Path temporary = Files.createTempFile(root.root(), ".mirror-" + index, ".part");
        try {
            Files.write(temporary, bytes);
            Files.move(temporary, state, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    @Override
    public Written write(ProjectUpdate update, Upstream upstream) throws IOException {
        try {
            Map<String, StoredFile> existing = new LinkedHashMap<>();
            for (StoredFile f : root.store().files(index, update.name())) {
                existing.put(f.filename(), f);
            }
            List<FileRecord> held = new ArrayList<>();
            int deleted = 0;
            for (DistributionFile file : update.files()) {
                ListedFile listed = ListedFile.of(file);
                if (listed.kind() == ListedFile.Kind.OTHER || !StaticTarget.safeFilename(file.filename())) {
                    upstream.warning(update.name() + ": skipping " + file.filename() + ": an axle index holds wheels"
                            + " and sdists named as the specifications say");
                    continue;
                }
                StoredFile stored = existing.remove(file.filename());
                Optional<String> sha256 = Optional.ofNullable(file.hashes().get("sha256"));
                if (stored != null && sha256.isPresent() && !sha256.get().equals(stored.sha256())) {
                    publication.delete(index, update.name(), stored.version(), Optional.of(stored.filename()));
                    deleted++;
                    stored = null;
                }
                if (stored != null && update.verify()) {
                    repair(stored, file, upstream);
                }
                if (stored == null) {
                    stored = publish(update, file, listed.version().orElseThrow(), upstream);
                }
                if (stored.yanked() != file.yanked().yanked()
                        || stored.yanked() && !stored.yankedReason().equals(file.yanked().reason())) {
                    root.store().setYanked(index, update.name(), stored.version(), Optional.of(stored.filename()),
                            file.yanked().yanked(), file.yanked().reason());
                }
                held.add(new FileRecord(stored.filename(), stored.blobKey(), stored.sha256(), stored.size(),
                        stored.metadataSha256()));
            }
            for (StoredFile gone : existing.values()) {
                publication.delete(index, update.name(), gone.version(), Optional.of(gone.filename()));
                deleted++;
            }
            return new Written(new ProjectRecord(update.name(), update.displayName(), update.serial(), held), deleted);
        } catch (StoreException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /** Fetches, inspects and publishes a file the index lacks; returns its row. */
    private StoredFile publish(ProjectUpdate update, DistributionFile file, Version version, Upstream upstream)
            throws IOException {
        Path staged = root.blobs().temporaryFile(".mirror");
        try {
            upstream.download(file, staged);
            Digests digests = Digests.of(staged);
            Optional<byte[]> metadata = upstream.coreMetadata(file);
            boolean wheel = file.filename().endsWith(".whl");
            boolean serve = metadata.isPresent();
            byte[] text;
            if (metadata.isPresent()) {
                text = metadata.get();
            } else {
                Optional<Distribution> inspected = inspect(staged, file.filename(), update.name(), upstream);
                text = inspected.map(Distribution::metadataBytes).orElse(("Metadata-Version: 1.0\nName: "
                        + update.displayName() + "\nVersion: " + version + "\n").getBytes(StandardCharsets.UTF_8));
                serve = inspected.isPresent() && (wheel || isStatic(inspected.get().metadata()));
            }
            Incoming incoming = new Incoming(index, file.filename(), wheel ? "bdist_wheel" : "sdist",
                    update.displayName(), version.toString(), text, serve, digests.sha256(), digests.md5(),
                    digests.size());
            Publication.Outcome outcome = publication.publish(incoming, staged, file.uploadTime().orElse(Instant.EPOCH));
            if (outcome == Publication.Outcome.CONFLICT) {
                throw new MirrorException(file.filename() + " is on " + describe() + " with other contents, published"
                        + " meanwhile by someone else; delete it there (axle delete --file) and sync again");
            }
            return root.store().file(index, file.filename()).orElseThrow(() -> new MirrorException(
                    file.filename() + " was published to " + describe() + " but is not there: deleted meanwhile?"));
        } finally {
            Files.deleteIfExists(staged);
        }
    }

    private static Optional<Distribution> inspect(Path file, String filename, String project, Upstream upstream)
            throws IOException {
        try {
            return Optional.of(Distribution.inspect(file, filename));
        } catch (DistributionException e) {
            upstream.warning(project + ": " + filename + " has no metadata file upstream and its own cannot be read ("
                    + e.getMessage() + "); mirrored without one");
            return Optional.empty();
        }
    }

    /** An sdist's PKG-INFO is served as its metadata only when PEP 643 makes it reliable, as for uploads. */
    private static boolean isStatic(RawMetadata metadata) {
        boolean modern = metadata.string(MetadataField.METADATA_VERSION).flatMap(Version::tryParse)
                .map(v -> v.compareTo(Version.parse("2.2")) >= 0).orElse(false);
        return modern && metadata.list(MetadataField.DYNAMIC).map(List::isEmpty).orElse(true);
    }

    /** With {@code --verify}: the blob (and its metadata file) hashed again, and fetched again when bad or missing. */
    private void repair(StoredFile stored, DistributionFile file, Upstream upstream) throws IOException {
        if (!stored.sha256().equals(sha256(stored.blobKey()).orElse(""))) {
            Path staged = root.blobs().temporaryFile(".mirror");
            try {
                upstream.download(file, staged);
                if (!Digests.of(staged).sha256().equals(stored.sha256())) {
                    throw new MirrorException(file.filename() + " upstream no longer has the bytes " + describe()
                            + " recorded (sha256 " + stored.sha256() + ")");
                }
                root.blobs().move(staged, stored.blobKey());
            } finally {
                Files.deleteIfExists(staged);
            }
        }
        if (stored.metadataSha256().isPresent()
                && !stored.metadataSha256().equals(sha256(stored.metadataBlobKey()))) {
            Optional<byte[]> metadata = upstream.coreMetadata(file);
            if (metadata.isPresent() && StaticTarget.sha256(metadata.get()).equals(stored.metadataSha256().get())) {
                root.blobs().put(stored.metadataBlobKey(), new java.io.ByteArrayInputStream(metadata.get()));
            } else {
                upstream.warning(file.filename() + ": its metadata file on " + describe() + " is damaged and the"
                        + " upstream has no copy of it; delete the file there and sync again");
            }
        }
    }

    private Optional<String> sha256(String blobKey) throws IOException {
        Optional<SeekableByteChannel> channel = root.blobs().open(blobKey);
        if (channel.isEmpty()) {
            return Optional.empty();
        }
        try (InputStream in = Channels.newInputStream(channel.get())) {
            return Optional.of(Digests.of(in).sha256());
        }
    }

    @Override
    public void remove(ProjectRecord project) throws IOException {
        try {
            for (StoredFile f : root.store().files(index, project.name())) {
                publication.delete(index, project.name(), f.version(), Optional.of(f.filename()));
            }
        } catch (StoreException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    @Override
    public void finish(Collection<ProjectRecord> projects) {
        // The server renders its pages from the database.
    }

    @Override
    public void close() throws IOException {
        try {
            lock.close();
        } finally {
            root.close();
        }
    }
}

package dev.axle.server;

import dev.axle.pep.MetadataField;
import dev.axle.pep.ProjectName;
import dev.axle.pep.RawMetadata;
import dev.axle.server.blob.BlobStore;
import dev.axle.server.store.AddResult;
import dev.axle.server.store.Store;
import dev.axle.server.store.StoredFile;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Publishes and removes files: blob first (synced, renamed into place), database row second, so
 * a crash at any point leaves no row without its blob (at worst a blob no row names). Blobs are
 * keyed by content and filename, so concurrent uploads of one filename with different bytes
 * never overwrite each other's blob; the database's unique (index, filename) picks the winner
 * and the loser's blob is removed.
 */
public final class Publication {
    /** What publishing did. */
    public enum Outcome {
        /** The file is new on the index. */
        ADDED,
        /** The index already had this filename with these bytes: nothing changed. */
        IDENTICAL,
        /** The index already has this filename with other bytes: nothing changed. */
        CONFLICT
    }

    private final Store store;
    private final BlobStore blobs;
    /** Striped by blob key: a publication and a deletion of the same blob never interleave (in this process). */
    private final ReentrantLock[] locks = new ReentrantLock[64];

    public Publication(Store store, BlobStore blobs) {
        this.store = store;
        this.blobs = blobs;
        for (int i = 0; i < locks.length; i++) {
            locks[i] = new ReentrantLock();
        }
    }

    /** Where a file's bytes are kept: by sha256, then its filename. */
    public static String blobKey(String sha256, String filename) {
        return sha256.substring(0, 2) + "/" + sha256.substring(2, 4) + "/" + sha256 + "/" + filename;
    }

    /**
     * Publishes {@code file} (a temporary file of the blob store holding the bytes {@code incoming}
     * describes), which is moved into the store or deleted.
     */
    public Outcome publish(Incoming incoming, Path file) throws IOException {
        return publish(incoming, file, Instant.now());
    }

    /**
     * Publishes as {@link #publish(Incoming, Path)}, recording {@code uploadTime} as the file's
     * upload time (a mirror keeps its upstream's; {@link Instant#EPOCH} for unknown).
     */
    public Outcome publish(Incoming incoming, Path file, Instant uploadTime) throws IOException {
        try {
            Optional<StoredFile> existing = store.file(incoming.index(), incoming.filename());
            if (existing.isPresent()) {
                return existing.get().sha256().equals(incoming.sha256()) ? Outcome.IDENTICAL : Outcome.CONFLICT;
            }
            String key = blobKey(incoming.sha256(), incoming.filename());
            ReentrantLock lock = lock(key);
            lock.lock();
            try {
                blobs.move(file, key);
                Optional<String> metadataSha256 = Optional.empty();
                if (incoming.serveMetadata()) {
                    blobs.put(key + ".metadata", new ByteArrayInputStream(incoming.metadata()));
                    metadataSha256 = Optional.of(sha256(incoming.metadata()));
                }
                String metadataText = new String(incoming.metadata(), StandardCharsets.UTF_8);
                Optional<String> requiresPython = RawMetadata.parseEmail(incoming.metadata())
                        .string(MetadataField.REQUIRES_PYTHON).map(String::strip).filter(s -> !s.isEmpty());
                StoredFile row = new StoredFile(incoming.index(), ProjectName.canonicalize(incoming.displayName()),
                        incoming.version(), incoming.filename(), incoming.packageType(), key, incoming.sha256(),
                        incoming.md5(), incoming.size(), uploadTime, requiresPython, false, Optional.empty(),
                        metadataSha256, Optional.empty());
                AddResult result = store.addFile(row, incoming.displayName(), metadataText);
                if (result instanceof AddResult.Exists(StoredFile winner)) {
                    if (!store.blobReferenced(key)) {
                        removeBlob(key);
                    }
                    return winner.sha256().equals(incoming.sha256()) ? Outcome.IDENTICAL : Outcome.CONFLICT;
                }
                return Outcome.ADDED;
            } finally {
                lock.unlock();
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** Deletes a release's files (or the one named), and the blobs no other file uses. */
    public List<StoredFile> delete(String index, String project, String version, Optional<String> filename)
            throws IOException {
        List<StoredFile> deleted = store.delete(index, project, version, filename);
        for (StoredFile f : deleted) {
            ReentrantLock lock = lock(f.blobKey());
            lock.lock();
            try {
                if (!store.blobReferenced(f.blobKey())) {
                    removeBlob(f.blobKey());
                }
            } finally {
                lock.unlock();
            }
        }
        return deleted;
    }

    private void removeBlob(String key) throws IOException {
        blobs.delete(key + ".metadata");
        blobs.delete(key);
    }

    private ReentrantLock lock(String key) {
        return locks[Math.floorMod(key.hashCode(), locks.length)];
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}

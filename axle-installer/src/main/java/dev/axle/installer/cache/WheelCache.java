package dev.axle.installer.cache;

import dev.axle.installer.removal.Removal;
import dev.axle.installer.removal.RemovalListener;
import dev.axle.installer.wheel.InvalidWheelException;
import dev.axle.installer.wheel.UnpackedWheel;
import dev.axle.installer.wheel.WheelArchive;
import dev.axle.pep.WheelFilename;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Unpacked wheels, keyed by the sha256 of the wheel file, so that installing a wheel again
 * (into any environment) only has to link its files.
 *
 * <p>Layout under the root (the CLI passes {@code <cache dir>/wheels-v1}):
 * <ul>
 *   <li>{@code <sha256>/tree/} the wheel's files, verified against its RECORD, and
 *       {@code <sha256>/manifest} what {@link UnpackedWheel} holds ({@link Manifest});
 *   <li>{@code index/<key>} the sha256 of a wheel file known by absolute path, size,
 *       modification time and file key (inode), so that a warm unpack neither reads nor
 *       hashes the wheel;
 *   <li>{@code .tmp-*} entries being built.
 * </ul>
 *
 * <p>An entry is built in a temporary folder in the root and published by renaming it to its
 * final name, so an entry that exists is complete; the manifest is written last. Nothing is
 * forced to disk: on ext4 one fsync flushes every dirty block of the file system, which cost
 * a cold install of 300 wheels more than the unpacking itself. A power loss can therefore
 * leave a damaged entry behind; {@code axle cache clean} removes it (uv's cache makes the
 * same trade). An entry without a manifest (damaged by hand or by a crash of
 * some other tool) is moved aside and rebuilt. When two processes build the same entry, the
 * first rename wins and the other uses the winner's entry. Within one process, threads that
 * unpack the same wheel wait for one of them to build it.
 *
 * <p>Thread-safe.
 */
public final class WheelCache {
    private static final String MANIFEST = "manifest";
    private static final String TREE = "tree";
    private static final String INDEX = "index";
    private static final String TEMPORARY = ".tmp-";
    private static final int HASH_BUFFER = 256 * 1024;

    private final Path root;
    private final ConcurrentHashMap<String, Object> building = new ConcurrentHashMap<>();

    public WheelCache(Path root) {
        this.root = Objects.requireNonNull(root, "root").toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    /** The folder of the entry for a wheel with this sha256 (which may not exist). */
    public Path entry(String sha256) {
        return root.resolve(sha256);
    }

    /**
     * The wheel file unpacked: from the cache when it holds it (reading only the entry's
     * manifest), else unpacked, verified and added.
     *
     * @throws InvalidWheelException if the wheel is not a valid wheel, its name not a wheel
     *     filename, or its content does not match its RECORD
     */
    public UnpackedWheel unpack(Path wheelFile, UnpackListener listener) throws IOException {
        return unpack(wheelFile, WheelArchive.filename(wheelFile), listener);
    }

    /** As {@link #unpack(Path, UnpackListener)}, for a wheel file not named after the wheel. */
    public UnpackedWheel unpack(Path wheelFile, WheelFilename filename, UnpackListener listener) throws IOException {
        Path file = wheelFile.toAbsolutePath().normalize();
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        String key = indexKey(file, attributes);
        UnpackedWheel held = held(key, filename);
        if (held != null) {
            listener.unpacked(file, held, true);
            return held;
        }
        String sha256 = hash(file, attributes.size(), listener);
        UnpackedWheel cached = read(sha256, filename);
        boolean fromCache = cached != null;
        UnpackedWheel unpacked = fromCache ? cached : build(file, filename, sha256, listener);
        writeIndex(key, sha256);
        listener.unpacked(file, unpacked, fromCache);
        return unpacked;
    }

    /**
     * The wheel file as the cache holds it, when it holds the file as it is now (by path, size,
     * modification time and inode): what {@link #unpack} answers then, found the same way, but
     * never unpacking, hashing or reporting. Empty when the cache does not hold it.
     *
     * @throws InvalidWheelException as {@link #unpack} does for a file the cache holds
     */
    public Optional<UnpackedWheel> held(Path wheelFile) throws IOException {
        Path file = wheelFile.toAbsolutePath().normalize();
        return Optional.ofNullable(held(indexKey(file, Files.readAttributes(file, BasicFileAttributes.class)),
                WheelArchive.filename(file)));
    }

    private UnpackedWheel held(String key, WheelFilename filename) {
        String known = readIndex(key);
        return known == null ? null : read(known, filename);
    }

    /**
     * Whether the cache holds this wheel file as it is now (by path, size, modification time
     * and inode), so that {@link #unpack} will only read a manifest. Reads one small index file
     * and checks that the entry's manifest exists; does not read the wheel.
     */
    public boolean holds(Path wheelFile) {
        try {
            Path file = wheelFile.toAbsolutePath().normalize();
            String known = readIndex(indexKey(file, Files.readAttributes(file, BasicFileAttributes.class)));
            return known != null && Files.isRegularFile(entry(known).resolve(MANIFEST));
        } catch (IOException e) {
            return false;
        }
    }

    /** The entry's wheel, or null if there is no complete entry of the current format. */
    private UnpackedWheel read(String sha256, WheelFilename filename) {
        Manifest manifest = manifest(sha256);
        if (manifest == null) {
            return null;
        }
        WheelFilename built = WheelFilename.parse(manifest.wheel());
        if (!built.name().equals(filename.name()) || !built.version().equals(filename.version())) {
            // The same bytes under another project's name: the metadata cannot agree with this name.
            throw new InvalidWheelException(filename.toString(), null, "is the same file as " + built
                    + ", whose metadata names " + built.name() + " " + built.version()
                    + "; the file may have been renamed: use the name it was built with");
        }
        return manifest.toUnpackedWheel(entry(sha256).resolve(TREE), filename);
    }

    /** The entry's manifest, or null if it is missing, unreadable, of another format or another wheel. */
    private Manifest manifest(String sha256) {
        try {
            Manifest manifest = Manifest.fromBytes(Files.readAllBytes(entry(sha256).resolve(MANIFEST)));
            return manifest != null && sha256.equals(manifest.sha256()) ? manifest : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private UnpackedWheel build(Path file, WheelFilename filename, String sha256, UnpackListener listener)
            throws IOException {
        Object lock = building.computeIfAbsent(sha256, k -> new Object());
        try {
            synchronized (lock) {
                UnpackedWheel done = read(sha256, filename);
                return done != null ? done : buildEntry(file, filename, sha256, listener);
            }
        } finally {
            building.remove(sha256, lock);
        }
    }

    private UnpackedWheel buildEntry(Path file, WheelFilename filename, String sha256, UnpackListener listener)
            throws IOException {
        Files.createDirectories(root);
        Path temporary = Files.createTempDirectory(root, TEMPORARY);
        try {
            Manifest manifest;
            try (WheelArchive archive = WheelArchive.open(file, filename)) {
                long total = archive.unpackedSize();
                UnpackedWheel unpacked = archive.extract(temporary.resolve(TREE), sha256,
                        done -> listener.extracting(file, done, total));
                manifest = Manifest.of(unpacked);
            }
            writeNew(temporary.resolve(MANIFEST), manifest.toBytes());
            publish(temporary, sha256);
        } finally {
            if (Files.exists(temporary)) {
                Removal.deleteTree(temporary, RemovalListener.NONE);
            }
        }
        UnpackedWheel published = read(sha256, filename);
        if (published == null) {
            throw new IOException("the cache entry " + entry(sha256) + " vanished right after it was written; "
                    + "is another process cleaning the cache?");
        }
        return published;
    }

    /** Renames the built entry into place, unless another process already did (then it is dropped). */
    private void publish(Path temporary, String sha256) throws IOException {
        Path target = entry(sha256);
        for (int attempt = 0; ; attempt++) {
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
                return;
            } catch (IOException e) {
                if (manifest(sha256) != null) {
                    return; // another process won the race; its entry is as good as ours
                }
                if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS) || attempt > 0) {
                    throw e;
                }
                // A damaged entry (no usable manifest) is in the way: move it aside, then try again.
                Path aside = root.resolve(TEMPORARY + UUID.randomUUID() + "-damaged");
                try {
                    Files.move(target, aside, StandardCopyOption.ATOMIC_MOVE);
                    Removal.deleteTree(aside, RemovalListener.NONE);
                } catch (NoSuchFileException gone) {
                    // someone else moved it
                }
            }
        }
    }

    private String hash(Path file, long size, UnpackListener listener) throws IOException {
        MessageDigest md = sha256();
        byte[] buffer = new byte[HASH_BUFFER];
        long done = 0;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            for (int n; (n = channel.read(ByteBuffer.wrap(buffer))) != -1; ) {
                md.update(buffer, 0, n);
                done += n;
                listener.hashing(file, done, size);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The index file name for a wheel file as it is now: a hash of where it is and how it looks. */
    private String indexKey(Path file, BasicFileAttributes attributes) {
        String identity = file + "\0" + attributes.size() + "\0"
                + attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS) + "\0"
                + attributes.fileKey();
        return HexFormat.of().formatHex(sha256().digest(identity.getBytes(StandardCharsets.UTF_8)));
    }

    private String readIndex(String key) {
        try {
            String sha = Files.readString(root.resolve(INDEX).resolve(key)).strip();
            return sha.length() == 64 && sha.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))
                    ? sha : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Best effort: the index only saves work, so failing to write it is not an error. */
    private void writeIndex(String key, String sha256) {
        try {
            Path index = Files.createDirectories(root.resolve(INDEX));
            Path temporary = Files.createTempFile(index, TEMPORARY, "");
            Files.writeString(temporary, sha256);
            Files.move(temporary, index.resolve(key), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            // the next run hashes the file again
        }
    }

    private static void writeNew(Path file, byte[] content) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        }
    }

    /**
     * Removes temporary folders left by processes that died while building an entry:
     * those not modified for {@code olderThan} (a live build touches its folder constantly).
     *
     * @return how many were removed
     */
    public int removeStaleTemporaries(Duration olderThan) throws IOException {
        if (!Files.isDirectory(root)) {
            return 0;
        }
        Instant limit = Instant.now().minus(olderThan);
        int removed = 0;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(root, TEMPORARY + "*")) {
            for (Path p : entries) {
                FileTime modified = Files.getLastModifiedTime(p);
                if (modified.toInstant().isBefore(limit)) {
                    Removal.deleteTree(p, RemovalListener.NONE);
                    removed++;
                }
            }
        }
        return removed;
    }

}

package dev.axle.mirror.target;

import dev.axle.mirror.MirrorException;
import dev.axle.server.LockFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A static index in a local folder. Files are written into {@code .axle-mirror/tmp/} and
 * renamed into place (the same file system, so the rename is atomic); the temporary files a
 * killed sync left behind are removed when the next one opens the folder. One sync at a time:
 * it holds a lock on {@code .axle-mirror/lock} while the folder is open. Folders emptied by
 * deletions are removed.
 */
public final class FolderTree implements TreeStore {
    /** The mirror's own folder inside the destination: its state, lock and temporary files. */
    public static final String OWN = ".axle-mirror";

    private final Path root;
    private final Path tmp;
    private final LockFile lock;

    private FolderTree(Path root, Path tmp, LockFile lock) {
        this.root = root;
        this.tmp = tmp;
        this.lock = lock;
    }

    /**
     * Opens (creating) the folder for one sync.
     *
     * @throws MirrorException if another sync holds it, or it cannot be made
     */
    public static FolderTree open(Path folder) throws IOException {
        Path root = folder.toAbsolutePath().normalize();
        Path own = root.resolve(OWN);
        Path tmp = own.resolve("tmp");
        try {
            Files.createDirectories(tmp);
        } catch (IOException e) {
            throw new MirrorException("cannot make the mirror folder " + root + " (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + "); give a writable folder with --dest", e);
        }
        LockFile lock = LockFile.tryLock(own.resolve("lock")).orElseThrow(() -> new MirrorException(
                "another axle mirror is writing to " + root + "; wait for it to finish"));
        try (Stream<Path> left = Files.list(tmp)) {
            for (Path p : (Iterable<Path>) left::iterator) {
                Files.deleteIfExists(p);
            }
        }
        return new FolderTree(root, tmp, lock);
    }

    public Path root() {
        return root;
    }

    @Override
    public String describe() {
        return root.toString();
    }

    private Path path(String key) {
        Path path = root.resolve(key).normalize();
        if (key.isEmpty() || key.startsWith("/") || key.contains("\\") || !path.startsWith(root) || path.equals(root)) {
            throw new IllegalArgumentException("'" + key + "' is not a relative path inside " + root);
        }
        return path;
    }

    @Override
    public void write(String key, byte[] content) throws IOException {
        Path staged = stagingFile();
        try {
            Files.write(staged, content);
            moveIn(staged, key);
        } finally {
            Files.deleteIfExists(staged);
        }
    }

    @Override
    public Path stagingFile() throws IOException {
        return Files.createTempFile(tmp, "file-", ".part");
    }

    @Override
    public void moveIn(Path staged, String key) throws IOException {
        Path target = path(key);
        // A deletion on another thread may remove an emptied parent between the two steps: try again.
        for (int attempt = 1; ; attempt++) {
            try {
                Files.createDirectories(target.getParent());
                Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                return;
            } catch (NoSuchFileException e) {
                if (attempt == 3 || !Files.exists(staged)) {
                    throw e;
                }
            }
        }
    }

    @Override
    public Optional<InputStream> read(String key) throws IOException {
        try {
            return Optional.of(Files.newInputStream(path(key)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    @Override
    public boolean delete(String key) throws IOException {
        Path path = path(key);
        boolean deleted = Files.deleteIfExists(path);
        for (Path folder = path.getParent(); folder != null && !folder.equals(root) && folder.startsWith(root);
                folder = folder.getParent()) {
            try {
                Files.delete(folder);
            } catch (DirectoryNotEmptyException | NoSuchFileException e) {
                break;
            }
        }
        return deleted;
    }

    @Override
    public void close() {
        lock.close();
    }
}

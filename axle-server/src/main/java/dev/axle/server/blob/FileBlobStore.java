package dev.axle.server.blob;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Blobs as files under {@code <root>/files/}, temporary files under {@code <root>/tmp/} (on the
 * same file system, so a finished upload is renamed into place, never copied).
 */
public final class FileBlobStore implements BlobStore {
    private final Path files;
    private final Path tmp;

    private FileBlobStore(Path files, Path tmp) {
        this.files = files;
        this.tmp = tmp;
    }

    /** The blob store of the server root {@code root}, creating its folders. */
    public static FileBlobStore open(Path root) throws IOException {
        return new FileBlobStore(Files.createDirectories(root.resolve("files")),
                Files.createDirectories(root.resolve("tmp")));
    }

    @Override
    public int sweepTemporaries() throws IOException {
        int removed = 0;
        try (Stream<Path> left = Files.list(tmp)) {
            for (Path p : (Iterable<Path>) left::iterator) {
                if (Files.deleteIfExists(p)) {
                    removed++;
                }
            }
        }
        return removed;
    }

    private Path path(String key) {
        Path path = files.resolve(key).normalize();
        if (key.isEmpty() || key.startsWith("/") || key.contains("\\") || !path.startsWith(files)
                || path.equals(files)) {
            throw new IllegalArgumentException("blob key '" + key + "' is not a relative path inside " + files);
        }
        return path;
    }

    @Override
    public long put(String key, InputStream content) throws IOException {
        Path temp = temporaryFile(".part");
        try {
            long written;
            try (OutputStream out = Files.newOutputStream(temp)) {
                written = content.transferTo(out);
            }
            move(temp, key);
            return written;
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    @Override
    public void move(Path file, String key) throws IOException {
        Path target = path(key);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        Files.createDirectories(target.getParent());
        try {
            Files.move(file, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("cannot rename " + file + " to " + target + " atomically: keep the server root's"
                    + " files/ and tmp/ folders on one file system", e);
        }
        syncFolder(target.getParent());
    }

    /** Makes the rename itself durable (a no-op where folders cannot be opened, as on Windows). */
    private static void syncFolder(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // best effort
        }
    }

    @Override
    public Path temporaryFile(String suffix) throws IOException {
        return Files.createTempFile(tmp, "upload-", suffix);
    }

    @Override
    public Path temporaryFolder() {
        return tmp;
    }

    @Override
    public Optional<SeekableByteChannel> open(String key) throws IOException {
        try {
            return Optional.of(FileChannel.open(path(key), StandardOpenOption.READ));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    @Override
    public Optional<Long> size(String key) throws IOException {
        try {
            return Optional.of(Files.size(path(key)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    @Override
    public boolean delete(String key) throws IOException {
        return Files.deleteIfExists(path(key));
    }

    @Override
    public void forEach(BlobVisitor visitor) throws IOException {
        Files.walkFileTree(files, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                if (attributes.isRegularFile()) {
                    String key = files.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
                    visitor.visit(new StoredBlob(key, attributes.size(), attributes.lastModifiedTime().toInstant()));
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE; // deleted while listed
                }
                throw e;
            }
        });
    }
}

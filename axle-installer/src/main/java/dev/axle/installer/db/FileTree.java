package dev.axle.installer.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the removal planner asks of the filesystem: what a path is (links not followed),
 * what a folder holds, and where a path really is (links followed).
 */
public interface FileTree {

    /** What a path is, not following a final symbolic link. */
    enum Type { FILE, DIRECTORY, SYMLINK, OTHER }

    /** The type of {@code path}, or empty when nothing is there. */
    Optional<Type> type(Path path);

    /** The entries of {@code directory}, or none when it is not a folder. */
    List<Path> list(Path directory);

    /** {@code path} with every symbolic link resolved; {@code path} must exist. */
    Path realPath(Path path);

    /** The local filesystem. */
    static FileTree local() {
        return LocalFileTree.INSTANCE;
    }
}

/** {@link FileTree} over {@link Files}. */
final class LocalFileTree implements FileTree {
    static final LocalFileTree INSTANCE = new LocalFileTree();

    private LocalFileTree() {}

    @Override
    public Optional<Type> type(Path path) {
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException | NotDirectoryException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the attributes of " + path + ": " + e.getMessage(), e);
        }
        return Optional.of(a.isSymbolicLink() ? Type.SYMLINK : a.isDirectory() ? Type.DIRECTORY
                : a.isRegularFile() ? Type.FILE : Type.OTHER);
    }

    @Override
    public List<Path> list(Path directory) {
        List<Path> children = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(directory)) {
            s.forEach(children::add);
        } catch (NoSuchFileException | NotDirectoryException e) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory + ": " + e.getMessage(), e);
        }
        return children;
    }

    @Override
    public Path realPath(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot resolve " + path + ": " + e.getMessage(), e);
        }
    }
}

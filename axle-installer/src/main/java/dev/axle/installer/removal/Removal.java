package dev.axle.installer.removal;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.DosFileAttributeView;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Deletes files and folder trees, retrying what fails for reasons that pass: a folder another
 * process is still writing into ({@link DirectoryNotEmptyException}), a file held open or a
 * read-only bit ({@link AccessDeniedException}, after making the entry's folder writable and
 * clearing a DOS read-only attribute), or any other error. Each entry gets {@value
 * Backoff#TRIES} tries with pauses from {@value Backoff#FIRST_PAUSE_MILLIS} ms, doubling, and
 * one call pauses at most {@value Backoff#BUDGET_MILLIS} ms in all.
 *
 * <p>Nothing here throws because something could not be removed: the {@link RemovalResult}
 * lists what is left so the caller can report it. Links are removed, never followed.
 */
public final class Removal {
    private Removal() {}

    /** Deletes {@code path} and, when it is a folder, everything under it. A missing path is no error. */
    public static RemovalResult deleteTree(Path path, RemovalListener listener) {
        Deletion deletion = new Deletion(listener);
        deletion.deleteTree(path);
        return deletion.result(path);
    }

    /** Deletes one file, link or empty folder. A missing path is no error. */
    public static RemovalResult deleteFile(Path path, RemovalListener listener) {
        Deletion deletion = new Deletion(listener);
        deletion.delete(path, false);
        return deletion.result(path);
    }

    /**
     * Removes {@code folder} when it is an empty folder; answers whether it did. A folder that
     * holds something, is missing or is not a folder stays, silently.
     *
     * @throws IOException when the folder is empty but could not be removed
     */
    public static boolean deleteIfEmpty(Path folder) throws IOException {
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        try {
            Files.delete(folder);
            return true;
        } catch (DirectoryNotEmptyException | NoSuchFileException e) {
            return false;
        }
    }

    /** One deletion job: its pause budget, its count and what it left. */
    private static final class Deletion {
        private final RemovalListener listener;
        private final Backoff backoff = new Backoff();
        private final List<RemovalResult.Leftover> left = new ArrayList<>();
        private int removed;

        Deletion(RemovalListener listener) {
            this.listener = listener;
        }

        RemovalResult result(Path path) {
            return new RemovalResult(path, removed, left);
        }

        /** Deletes a tree; answers whether {@code path} is gone. */
        boolean deleteTree(Path path) {
            BasicFileAttributes attributes;
            try {
                attributes = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (NoSuchFileException e) {
                return true;
            } catch (IOException e) {
                left.add(new RemovalResult.Leftover(path, e));
                return false;
            }
            return delete(path, attributes.isDirectory());
        }

        /** Deletes what a folder holds; answers whether all of it is gone. */
        private boolean deleteChildren(Path folder) {
            List<Path> children = new ArrayList<>();
            for (int attempt = 1; ; attempt++) {
                try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
                    entries.forEach(children::add);
                    break;
                } catch (NoSuchFileException e) {
                    return true;
                } catch (IOException | RuntimeException e) {
                    IOException cause = e instanceof IOException io ? io
                            : e.getCause() instanceof IOException io ? io : new IOException(e);
                    children.clear();
                    boolean fixed = cause instanceof AccessDeniedException && addPermissions(folder, true);
                    if (!fixed && !retry(folder, cause, attempt)) {
                        return false;
                    }
                }
            }
            boolean all = true;
            for (Path child : children) {
                all &= deleteTree(child);
            }
            return all;
        }

        /**
         * Deletes a file, link or empty folder, or a full folder after what it holds; answers
         * whether it is gone. A folder written into after it was listed is listed again.
         */
        boolean delete(Path path, boolean folder) {
            boolean permissionsFixed = false;
            for (int attempt = 1; ; attempt++) {
                if (folder && !deleteChildren(path)) {
                    return false;
                }
                try {
                    Files.delete(path);
                    removed++;
                    return true;
                } catch (NoSuchFileException e) {
                    return true;
                } catch (IOException e) {
                    if (e instanceof AccessDeniedException && !permissionsFixed) {
                        permissionsFixed = true;
                        if (allowDeletion(path)) {
                            attempt--;
                            continue;
                        }
                    }
                    if (!retry(path, e, attempt)) {
                        return false;
                    }
                }
            }
        }

        private boolean retry(Path path, IOException cause, int attempt) {
            if (backoff.pause(attempt)) {
                listener.retrying(path, cause, attempt);
                return true;
            }
            left.add(new RemovalResult.Leftover(path, cause));
            return false;
        }
    }

    /**
     * Makes an entry deletable: its folder writable (POSIX) and the entry itself not read-only
     * (DOS attributes, where a read-only file cannot be deleted). Answers whether anything changed.
     */
    private static boolean allowDeletion(Path path) {
        boolean changed = false;
        Path parent = path.getParent();
        if (parent != null) {
            changed = addPermissions(parent, false);
        }
        // On Windows a read-only file cannot be deleted; POSIX systems look only at the folder.
        if (!path.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            DosFileAttributeView dos = Files.getFileAttributeView(path, DosFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
            try {
                if (dos != null && dos.readAttributes().isReadOnly()) {
                    dos.setReadOnly(false);
                    changed = true;
                }
            } catch (IOException e) {
                // The retry reports the deletion's own error.
            }
        }
        return changed;
    }

    /**
     * Adds the owner's write and search permission to a folder (and read, to list it). Links are
     * followed: the folder is the parent of an entry, or one found to be a real folder, and the
     * JDK cannot change a folder's mode without following (it would open the folder, which a
     * mode of 000 forbids).
     */
    private static boolean addPermissions(Path folder, boolean read) {
        PosixFileAttributeView posix = Files.getFileAttributeView(folder, PosixFileAttributeView.class);
        if (posix == null) {
            return false;
        }
        try {
            Set<PosixFilePermission> permissions = posix.readAttributes().permissions();
            boolean changed = permissions.add(PosixFilePermission.OWNER_WRITE);
            changed |= permissions.add(PosixFilePermission.OWNER_EXECUTE);
            if (read) {
                changed |= permissions.add(PosixFilePermission.OWNER_READ);
            }
            if (changed) {
                posix.setPermissions(permissions);
            }
            return changed;
        } catch (IOException e) {
            return false;
        }
    }
}

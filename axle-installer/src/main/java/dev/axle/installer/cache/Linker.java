package dev.axle.installer.cache;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Makes installed files from cache files, by the {@link LinkMode} asked for.
 *
 * <p>How each mode works, and why:
 * <ul>
 *   <li>COPY is {@link Files#copy} without following links. On Linux the JDK copies with
 *       {@code copy_file_range}, which the kernel performs as a clone (reflink) when source and
 *       target are on one file system that supports it (btrfs, XFS, bcachefs), and as an
 *       in-kernel copy elsewhere. The new file gets the source's mode, so executable bits
 *       are kept.
 *   <li>CLONE is therefore the same call: Java has no reflink API and the foreign function
 *       API is a preview in the Java 21 that axle compiles for, so axle does not call
 *       {@code ioctl(FICLONE)} itself; {@code copy_file_range} gets the kernel to clone
 *       wherever a clone is possible, and copies where it is not.
 *   <li>AUTO checks once, on the first file, whether the cache and the target folder's file
 *       system can clone. When they are one file system of a kind that can (btrfs, XFS,
 *       bcachefs, ZFS, OCFS2, APFS), it runs {@code cp --reflink=always} (GNU coreutils) on
 *       that file. If that works, AUTO clones (as CLONE); otherwise it hard links. At most one
 *       process per Linker, none per file; on ext4, such as this project's machines, none.
 *   <li>HARDLINK links; when linking fails for a reason that holds for the whole file system
 *       (another file system, no hard links there, not permitted) it copies instead and
 *       remembers that for the target's file system, so later files go straight to copying;
 *       when one cache file has reached its file system's link limit, that file is copied.
 * </ul>
 *
 * <p>A hard-linked file <em>is</em> the cache's file: installers must never change one in
 * place (a script that needs another mode or content is written, not linked).
 *
 * <p>Thread-safe: one Linker may serve a whole parallel install.
 */
public final class Linker {
    private final LinkMode requested;
    private volatile LinkMode effective;
    private final Set<Object> copyDevices = ConcurrentHashMap.newKeySet();
    private final ConcurrentHashMap<Path, Object> devices = new ConcurrentHashMap<>();

    public Linker(LinkMode mode) {
        this.requested = Objects.requireNonNull(mode, "mode");
        this.effective = mode == LinkMode.AUTO ? null : mode;
    }

    /** The mode asked for. */
    public LinkMode requestedMode() {
        return requested;
    }

    /**
     * What this linker does: {@code CLONE}, {@code HARDLINK} or {@code COPY}; for AUTO, empty
     * until the first {@link #link} has decided.
     */
    public Optional<LinkMode> effectiveMode() {
        return Optional.ofNullable(effective);
    }

    /**
     * Makes {@code target} a file with {@code source}'s content and mode (a symbolic link
     * stays a symbolic link). The target's folder must exist and the target must not.
     *
     * @throws FileAlreadyExistsException if the target exists
     * @throws NoSuchFileException if the source or the target's folder is missing
     */
    public void link(Path source, Path target) throws IOException {
        LinkMode mode = effective;
        if (mode == null) {
            mode = decide(source, target);
        }
        if (mode == LinkMode.HARDLINK) {
            hardlink(source, target);
        } else {
            copy(source, target);
        }
    }

    private synchronized LinkMode decide(Path source, Path target) {
        if (effective == null) {
            Path folder = target.getParent();
            effective = mayClone(source, folder) && canClone(source, folder) ? LinkMode.CLONE : LinkMode.HARDLINK;
        }
        return effective;
    }

    /**
     * File systems that can clone files, by the type the JDK reports (Linux's names; macOS
     * reports apfs). On any other, such as ext4 or tmpfs, a clone cannot work and AUTO hard
     * links without starting {@code cp} to find out.
     */
    private static final Set<String> CLONING_FILE_SYSTEMS = Set.of("btrfs", "xfs", "bcachefs", "zfs", "ocfs2", "apfs");

    /** Whether a clone of {@code source} into {@code folder} is possible at all: one file system, of a kind that clones. */
    static boolean mayClone(Path source, Path folder) {
        try {
            FileStore store = Files.getFileStore(folder);
            return CLONING_FILE_SYSTEMS.contains(store.type()) && store.equals(Files.getFileStore(source));
        } catch (IOException | SecurityException e) {
            return true; // unknown: let cp find out
        }
    }

    private void hardlink(Path source, Path target) throws IOException {
        if (!copyDevices.isEmpty() && copyDevices.contains(device(target.getParent()))) {
            copy(source, target);
            return;
        }
        try {
            Files.createLink(target, source);
        } catch (FileAlreadyExistsException | NoSuchFileException e) {
            throw e;
        } catch (AccessDeniedException | UnsupportedOperationException e) {
            fallBack(source, target);
        } catch (FileSystemException e) {
            if (e.getReason() != null && e.getReason().contains("Too many links")) {
                copy(source, target); // this source is at its link limit; others are not
            } else {
                fallBack(source, target); // another file system, or none with hard links
            }
        }
    }

    private void fallBack(Path source, Path target) throws IOException {
        copyDevices.add(device(target.getParent()));
        copy(source, target);
    }

    private static void copy(Path source, Path target) throws IOException {
        Files.copy(source, target, LinkOption.NOFOLLOW_LINKS);
    }

    /** The file system a folder is on, by device number where the platform tells it. */
    private Object device(Path folder) {
        return devices.computeIfAbsent(folder, f -> {
            try {
                return Files.getAttribute(f, "unix:dev");
            } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
                return f.getRoot() == null ? "" : f.getRoot().toString();
            }
        });
    }

    /** Whether {@code cp --reflink=always} can clone {@code source} into {@code folder}. */
    static boolean canClone(Path source, Path folder) {
        Path probe = folder.resolve(".axle-clone-probe-" + UUID.randomUUID());
        try {
            Process cp = new ProcessBuilder("cp", "--reflink=always", "--", source.toString(), probe.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!cp.waitFor(10, TimeUnit.SECONDS)) {
                cp.destroyForcibly();
                return false;
            }
            return cp.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            try {
                Files.deleteIfExists(probe);
            } catch (IOException e) {
                // a probe file left behind is harmless
            }
        }
    }
}

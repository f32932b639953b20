package dev.axle.installer.tx;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where a transaction keeps its journal and stash: {@code <root>/.axle-transaction/<id>/}. A dot
 * folder in the environment root, so {@code pip list}, {@code importlib.metadata} and
 * {@code sys.path} scans never see it; never inside {@code site-packages}. The id starts with the
 * start time, so names sort oldest first.
 */
record TransactionFolder(Path path) {
    static final String NAME = ".axle-transaction";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    static Path parentIn(Path root) {
        return root.resolve(NAME);
    }

    Path journal() {
        return path.resolve("journal");
    }

    /** The main stash, on the root's filesystem. */
    Path stash() {
        return path.resolve("stash");
    }

    /** The name of the stash folders made beside files on other filesystems. */
    String crossDeviceStashName() {
        return ".axle-stash-" + path.getFileName();
    }

    static TransactionFolder create(Path root) throws IOException {
        Path parent = parentIn(root);
        Files.createDirectories(parent);
        while (true) {
            String id = String.format("%013d-%d-%04d", System.currentTimeMillis(), ProcessHandle.current().pid(),
                    SEQUENCE.incrementAndGet() % 10_000);
            Path path = parent.resolve(id);
            try {
                Files.createDirectory(path);
            } catch (FileAlreadyExistsException e) {
                continue;
            }
            TransactionFolder folder = new TransactionFolder(path);
            Files.createDirectory(folder.stash());
            Folders.sync(parent);
            return folder;
        }
    }

    /** The transaction folders under a root, newest first. */
    static List<TransactionFolder> existing(Path root) throws IOException {
        Path parent = parentIn(root);
        List<TransactionFolder> folders = new ArrayList<>();
        if (!Files.isDirectory(parent)) {
            return folders;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(parent, Files::isDirectory)) {
            entries.forEach(path -> folders.add(new TransactionFolder(path)));
        }
        folders.sort(Comparator.comparing((TransactionFolder f) -> f.path.getFileName().toString()).reversed());
        return folders;
    }
}

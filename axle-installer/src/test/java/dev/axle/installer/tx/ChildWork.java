package dev.axle.installer.tx;

import static dev.axle.installer.tx.SampleEnvironment.SITE;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * A deterministic mix of transaction operations over an environment made by {@link #populate}:
 * replacing files, removing files and folders, creating files in new and re-made folders,
 * batches. The same work runs in crash-test children and in the test JVM for reference.
 */
final class ChildWork {
    static final int PACKAGES = 6;
    static final int FILES = 40;

    private ChildWork() {}

    static void populate(Path root) throws IOException {
        SampleEnvironment.populate(root);
        for (int p = 0; p < PACKAGES; p++) {
            for (int f = 0; f < FILES; f++) {
                SampleEnvironment.write(root, SITE + "/pkg" + p + "/sub" + (f % 4) + "/m" + f + ".py",
                        "# package " + p + " file " + f + "\n", f % 3 == 0 ? "rwxr-xr-x" : "rw-r--r--");
            }
        }
    }

    /** Runs {@code operations} operations, telling {@code progress} after each; the count of operations is unbounded. */
    static void run(Transaction tx, Path root, int operations, IntConsumer progress) throws IOException {
        Path site = root.resolve(SITE);
        for (int i = 0; i < operations; i++) {
            int p = i % PACKAGES;
            int round = i / PACKAGES;
            Path pkg = site.resolve("pkg" + p);
            switch (i % 5) {
                case 0 -> tx.createAll(files(pkg.resolve("sub" + (round % 4)), "m", round, 8), write("replaced " + i));
                case 1 -> tx.createAll(files(site.resolve("new" + i + "/a/b"), "n", 0, 20), write("new " + i));
                case 2 -> tx.removeAll(files(pkg.resolve("sub" + (round % 4)), "m", 20 + round, 3));
                case 3 -> {
                    tx.remove(pkg.resolve("sub" + ((round + 1) % 4)));
                    tx.create(pkg.resolve("sub" + ((round + 1) % 4) + "/fresh" + i + ".py"), write("fresh " + i));
                }
                default -> tx.create(root.resolve("bin/tool" + i), write("#!/bin/sh\n"));
            }
            progress.accept(i);
        }
    }

    private static List<Path> files(Path folder, String prefix, int first, int count) {
        List<Path> files = new ArrayList<>();
        for (int f = first; f < first + count; f++) {
            files.add(folder.resolve(prefix + f + ".py"));
        }
        return files;
    }

    private static FileCreator write(String content) {
        return target -> Files.writeString(target, content);
    }
}

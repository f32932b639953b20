package dev.axle.server;

import dev.axle.pep.Version;
import dev.axle.server.store.StoredFile;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** PEP 440 ordering of the versions and files of a project. */
public final class Versions {
    public static final Comparator<StoredFile> FILE_ORDER = Comparator
            .comparing((StoredFile f) -> Version.parse(f.version()))
            .thenComparing(StoredFile::filename);

    private Versions() {}

    /** The distinct versions, in PEP 440 order, spelled as first seen. */
    public static List<String> sorted(Collection<String> versions) {
        return versions.stream().distinct()
                .sorted(Comparator.comparing(Version::parse))
                .toList();
    }

    /**
     * The version Warehouse shows as a project's current one: the highest final release with a
     * file not yanked, else the highest with a file not yanked, else the highest.
     */
    public static Optional<String> latest(List<StoredFile> files) {
        Comparator<String> order = Comparator.comparing(Version::parse);
        List<String> live = files.stream().filter(f -> !f.yanked()).map(StoredFile::version).toList();
        Optional<String> finalRelease = live.stream().filter(v -> !Version.parse(v).isPrerelease()).max(order);
        if (finalRelease.isPresent()) {
            return finalRelease;
        }
        Optional<String> any = live.stream().max(order);
        return any.isPresent() ? any : files.stream().map(StoredFile::version).max(order);
    }
}

package dev.axle.sync;

import dev.axle.lock.Package;
import dev.axle.lock.PackageWheel;
import dev.axle.pep.ProjectName;
import dev.axle.pep.Version;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Locked wheels for tests. */
final class Locks {
    private Locks() {}

    static String fileName(String name, String version) {
        return name + "-" + version + "-py3-none-any.whl";
    }

    /**
     * A locked wheel of {@code name} {@code version}.
     *
     * @param index the entry's index, or null for a direct reference
     * @param url   the wheel's URL, or null
     * @param path  the wheel's path, or null
     */
    static LockedWheel wheel(String name, String version, String index, String url, String path,
            Map<String, String> hashes) {
        String file = fileName(name, version);
        PackageWheel wheel = new PackageWheel(Optional.empty(), Optional.empty(), Optional.ofNullable(url),
                Optional.ofNullable(path), Optional.empty(), hashes);
        Package entry = new Package(ProjectName.parse(name), Optional.of(Version.parse(version)), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.ofNullable(index), Optional.empty(), Optional.of(List.of(wheel)), Optional.empty(),
                Optional.empty());
        return new LockedWheel(entry, file, wheel.url(), wheel.path(), hashes, Optional.empty());
    }
}

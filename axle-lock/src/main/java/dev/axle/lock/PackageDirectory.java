package dev.axle.lock;

import java.util.Objects;
import java.util.Optional;

/**
 * A package built from a local directory ({@code [packages.directory]}).
 *
 * @param path         the directory, relative to the lock file or absolute
 * @param editable     whether to install it editable
 * @param subdirectory where the project is inside the directory
 */
public record PackageDirectory(String path, Optional<Boolean> editable, Optional<String> subdirectory)
        implements PackageSource {

    public PackageDirectory {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(editable, "editable");
        Objects.requireNonNull(subdirectory, "subdirectory");
    }

    /** A directory with only its path. */
    public static PackageDirectory of(String path) {
        return new PackageDirectory(path, Optional.empty(), Optional.empty());
    }

    static PackageDirectory read(TableReader t) {
        return new PackageDirectory(t.requiredString("path"),
                t.get("editable", TableReader.Kind.BOOL).map(Boolean.class::cast), t.string("subdirectory"));
    }
}

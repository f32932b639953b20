package dev.axle.env;

import java.nio.file.Path;
import java.util.Objects;

/**
 * An install scheme relative to the folder it is rooted at: the shape that
 * {@code pip install --prefix DIR} or a new virtual environment gives to {@code DIR}. An
 * empty path is the root itself; an absolute one stays where it is whatever the root.
 */
public record SchemeLayout(Path purelib, Path platlib, Path scripts, Path headers, Path data) {
    public SchemeLayout {
        Objects.requireNonNull(purelib, "purelib");
        Objects.requireNonNull(platlib, "platlib");
        Objects.requireNonNull(scripts, "scripts");
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(data, "data");
    }

    /** The scheme this layout gives to {@code root}. */
    public Scheme rootedAt(Path root) {
        return new Scheme(root.resolve(purelib).normalize(), root.resolve(platlib).normalize(),
                root.resolve(scripts).normalize(), root.resolve(headers).normalize(), root.resolve(data).normalize());
    }
}

package dev.axle.installer.wheel;

import java.nio.file.Path;
import java.util.Objects;

/** One file an install makes. */
public sealed interface FileAction {
    /** The absolute path of the file to make; it does not exist before the install makes it. */
    Path target();

    /**
     * A file of the unpacked wheel, installed unchanged (content and mode) by linking or
     * copying it ({@code dev.axle.installer.cache.Linker}).
     */
    record Link(Path source, Path target) implements FileAction {
        public Link {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(target, "target");
        }
    }

    /**
     * A file whose content the install generates: launchers, scripts with a rewritten
     * shebang, INSTALLER, REQUESTED, direct_url.json.
     *
     * @param executable whether to make it executable (rwx as far as the umask allows)
     */
    record Write(Path target, byte[] content, boolean executable) implements FileAction {
        public Write {
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(content, "content");
        }
    }
}

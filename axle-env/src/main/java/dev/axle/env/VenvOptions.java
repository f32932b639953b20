package dev.axle.env;

import java.util.Objects;
import java.util.Optional;

/**
 * How {@link Venv#create} makes an environment.
 *
 * @param systemSitePackages whether the environment also imports from its base
 *     interpreter's site-packages ({@code include-system-site-packages = true})
 * @param prompt the name shown in the shell prompt when active; default the folder's name,
 *     and {@code "."} means the current folder's name
 * @param clear whether an existing non-empty folder is emptied (otherwise it is refused)
 */
public record VenvOptions(boolean systemSitePackages, Optional<String> prompt, boolean clear) {
    public VenvOptions {
        Objects.requireNonNull(prompt, "prompt");
    }

    /** No system site-packages, the folder's name as prompt, no clearing. */
    public static VenvOptions defaults() {
        return new VenvOptions(false, Optional.empty(), false);
    }
}

package dev.axle.cli;

import dev.axle.installer.cache.LinkMode;
import java.util.Map;
import picocli.CommandLine.Option;

/** How the commands that install wheels place them: {@code --compile}, {@code --link-mode}, {@code --break-system-packages}. */
final class InstallingOptions {
    @Option(names = "--compile", description = "Byte-compile the installed modules (.pyc), recorded in RECORD")
    boolean compile;

    @Option(names = "--link-mode", paramLabel = "MODE", converter = LinkModeConverter.class,
            description = "How files get from axle's cache into the environment: clone, hardlink or copy"
                    + " (default: $AXLE_LINK_MODE, else clone where the filesystem can, else hardlink, else copy)")
    LinkMode linkMode;

    @Option(names = "--break-system-packages",
            description = "Change an externally managed Python (PEP 668) anyway")
    boolean breakSystemPackages;

    /** The link mode for this run: {@code --link-mode}, else {@code $AXLE_LINK_MODE}, else automatic. */
    LinkMode linkMode(Map<String, String> env) {
        return linkMode != null ? linkMode
                : env.containsKey("AXLE_LINK_MODE") ? LinkMode.parse(env.get("AXLE_LINK_MODE"))
                : LinkMode.AUTO;
    }
}

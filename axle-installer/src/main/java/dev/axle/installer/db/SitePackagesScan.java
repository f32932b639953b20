package dev.axle.installer.db;

import dev.axle.pep.MetadataField;
import dev.axle.pep.ProjectName;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Reading one folder of the path: its entries in directory order (the order
 * {@code importlib.metadata} and so pip see them in), the metadata folders among them, and
 * the projects that {@code .egg-link} files point to.
 */
final class SitePackagesScan {
    private static final String DIST_INFO = ".dist-info";
    private static final String EGG_INFO = ".egg-info";
    static final String EGG_LINK = ".egg-link";

    private SitePackagesScan() {}

    /** A metadata entry: a distribution, or why it is left out (exactly one is set). */
    record Entry(InstalledDistribution distribution, String problem) {
        boolean valid() {
            return distribution != null;
        }
    }

    /** The names in {@code folder}, in directory order; none when it is missing or not a folder. */
    static List<String> list(Path folder) {
        return FileTree.local().list(folder).stream().map(p -> p.getFileName().toString()).toList();
    }

    /**
     * The distribution recorded by the entry {@code child} of {@code folder}, or empty when
     * the entry is not a {@code .dist-info} or {@code .egg-info} (suffixes in any case, as
     * {@code importlib.metadata} matches them).
     *
     * <p>The name is the part of the entry name before the first {@code -}; the version of a
     * {@code .dist-info} is the rest (pip reads them there because it is fast). An entry
     * without a name part is named by its metadata.
     */
    static Optional<Entry> entry(String child, Path folder, Path installedLocation, Optional<Path> eggLink,
            Predicate<String> eggLinkExists) {
        String lower = child.toLowerCase(Locale.ROOT);
        boolean distInfo = lower.endsWith(DIST_INFO);
        if (!distInfo && !lower.endsWith(EGG_INFO)) {
            return Optional.empty();
        }
        Path path = folder.resolve(child);
        boolean isFile = !distInfo && Files.isRegularFile(path);
        String name = null;
        Optional<String> version = Optional.empty();
        if (child.endsWith(DIST_INFO)) {
            String stem = child.substring(0, child.length() - DIST_INFO.length());
            int dash = stem.indexOf('-');
            if (dash > 0) {
                name = stem.substring(0, dash);
                version = Optional.of(stem.substring(dash + 1));
            }
        } else if (child.endsWith(EGG_INFO)) {
            String stem = child.substring(0, child.length() - EGG_INFO.length());
            int dash = stem.indexOf('-');
            name = dash < 0 ? stem : stem.substring(0, dash);
        }
        if (name == null || name.isEmpty()) {
            name = MetadataHeaders.first(InstalledDistribution.readMetadata(path, isFile), MetadataField.NAME)
                    .orElse(null);
            if (name == null) {
                return Optional.of(new Entry(null, "Skipping " + path + " due to invalid metadata entry 'name'"));
            }
        }
        String canonical = ProjectName.canonicalize(name);
        if (!ProjectName.isValid(canonical)) {
            return Optional.of(new Entry(null, "Ignoring invalid distribution " + canonical + " (" + folder + ")"));
        }
        InstalledDistribution.Kind kind = eggLink.isPresent() ? InstalledDistribution.Kind.EGG_LINK
                : distInfo ? InstalledDistribution.Kind.DIST_INFO : InstalledDistribution.Kind.EGG_INFO;
        return Optional.of(new Entry(new InstalledDistribution(kind, path, installedLocation, eggLink,
                ProjectName.parse(canonical), version, isFile, eggLinkExists), null));
    }

    /**
     * The project folder an {@code .egg-link} names: its first non-blank line, relative to
     * the folder holding the link, normalized as {@code pathlib} joins it; empty for a blank
     * link.
     */
    static Optional<Path> eggLinkTarget(Path eggLink) {
        String text;
        try {
            text = Files.readString(eggLink, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return Optional.empty();
        }
        for (String line : PyText.splitLines(text)) {
            String target = PyText.strip(line);
            if (!target.isEmpty()) {
                String joined = PurePaths.root(target).isEmpty() ? eggLink.getParent() + "/" + target : target;
                return Optional.of(Path.of(PurePaths.pathlib(joined)));
            }
        }
        return Optional.empty();
    }
}

package dev.axle.index;

import dev.axle.pep.InvalidSdistFilenameException;
import dev.axle.pep.InvalidWheelFilenameException;
import dev.axle.pep.ProjectName;
import dev.axle.pep.SdistFilename;
import dev.axle.pep.WheelFilename;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A find-links location, as pip's {@code --find-links} takes it: a local folder (every file in it,
 * not those in subfolders), a local file that is itself a distribution, or an HTML page (http,
 * https or {@code file:}) whose every {@code <a href>} is a file, resolved against the page's
 * URL, with {@code #sha256=...} fragments read as hashes. Any HTML page will do, not only simple
 * API pages, and the links are not filtered: callers pick a project's files by
 * {@link #projectName(String)}.
 *
 * <p>Files in a folder come without hashes (whoever downloads them can compute them). Downloads
 * and metadata go through {@link #download} and {@link #wheelMetadata}, which send the location's
 * credentials, if its URL has any, to its host only, as an {@link Index} does.
 */
public final class FindLinks implements AutoCloseable {
    /** Archive extensions pip takes as sdists; packaging parses only the first two strictly. */
    private static final List<String> SDIST_EXTENSIONS = List.of(".tar.gz", ".zip", ".tar.bz2", ".tbz", ".tar.xz",
            ".txz", ".tlz", ".tar.lz", ".tar.lzma", ".tgz", ".tar");
    private static final String WHEEL = ".whl";

    private final URI location;
    private final Index index;

    private FindLinks(URI location, Index index) {
        this.location = location;
        this.index = index;
    }

    /**
     * The find-links location {@code location}: an absolute http, https or {@code file:} URL (a
     * folder's {@code file:} URL, such as {@code file:///wheels/}, or a page's).
     *
     * @throws IllegalArgumentException if {@code location} is no such URL
     */
    public static FindLinks of(URI location, IndexOptions options) {
        return new FindLinks(location, Index.of(location, options));
    }

    /** A local folder, page or distribution file. */
    public static FindLinks of(Path path) {
        return of(path.toAbsolutePath().toUri(), IndexOptions.defaults());
    }

    /** The location without credentials. */
    public URI location() {
        return Credentials.strip(location);
    }

    /**
     * The files the location lists, in the folder's name order or the page's link order.
     *
     * @throws IndexUnavailableException if the location does not exist (HTTP 404, no such file or
     *                                   folder), could not be reached or answered an error
     */
    public List<DistributionFile> files() throws IOException {
        if ("file".equalsIgnoreCase(location.getScheme())) {
            Path path = Path.of(location);
            if (Files.isDirectory(path)) {
                return folder(path);
            }
            if (Files.isRegularFile(path) && isDistribution(path.getFileName().toString())) {
                return List.of(DistributionFile.of(path.getFileName().toString(), path.toUri(), Map.of()));
            }
        }
        Index.Fetched page = index.fetch(location, "text/html").orElseThrow(() -> index.missing(location));
        boolean file = "file".equalsIgnoreCase(location.getScheme());
        URI base = file ? location : page.head().url();
        var charset = page.head().contentType().flatMap(SimpleApi::charset);
        return HtmlPages.links(page.body(), charset, base);
    }

    private static List<DistributionFile> folder(Path folder) throws IOException {
        List<DistributionFile> files = new ArrayList<>();
        try (Stream<Path> listing = Files.list(folder)) {
            for (Path p : listing.sorted().toList()) {
                if (Files.isRegularFile(p)) {
                    files.add(DistributionFile.of(p.getFileName().toString(), p.toUri(), Map.of()));
                }
            }
        }
        return files;
    }

    /** Downloads one of {@link #files()}; as {@link Index#download}. */
    public void download(DistributionFile file, Path target, DownloadListener listener) throws IOException {
        index.download(file, target, listener);
    }

    /** The core metadata of one of {@link #files()}, a wheel; as {@link Index#wheelMetadata}. */
    public WheelMetadata wheelMetadata(DistributionFile wheel, DownloadListener listener) throws IOException {
        return index.wheelMetadata(wheel, listener);
    }

    /**
     * The project a wheel or sdist filename names, or empty for other files and names that are
     * none. Wheels and {@code .tar.gz}/{@code .zip} sdists are parsed as packaging parses them;
     * a legacy sdist name that does not parse so (a version with a {@code -} in it, such as
     * {@code foo-1.0-beta.tar.gz}, or another archive format) is split leniently at the last
     * {@code -} followed by a digit. pip matches such names against the project it looks for
     * instead; without one, this is the nearest guess, wrong only where the version itself has a
     * {@code -} followed by a digit ({@code foo-1.0-2-x.tar.gz} gives {@code foo-1.0}).
     */
    public static Optional<ProjectName> projectName(String filename) {
        String lower = filename.toLowerCase(Locale.ROOT);
        if (lower.endsWith(WHEEL)) {
            try {
                return Optional.of(ProjectName.parse(WheelFilename.parse(filename).name()));
            } catch (InvalidWheelFilenameException e) {
                return Optional.empty();
            }
        }
        String extension = SDIST_EXTENSIONS.stream().filter(lower::endsWith).findFirst().orElse(null);
        if (extension == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(ProjectName.parse(SdistFilename.parse(filename).name()));
        } catch (InvalidSdistFilenameException e) {
            String stem = filename.substring(0, filename.length() - extension.length());
            for (int dash = stem.lastIndexOf('-'); dash > 0; dash = stem.lastIndexOf('-', dash - 1)) {
                if (dash + 1 < stem.length() && Character.isDigit(stem.charAt(dash + 1))) {
                    String name = stem.substring(0, dash);
                    return ProjectName.isValid(name) ? Optional.of(ProjectName.parse(name)) : Optional.empty();
                }
            }
            return Optional.empty();
        }
    }

    private static boolean isDistribution(String filename) {
        String lower = filename.toLowerCase(Locale.ROOT);
        return lower.endsWith(WHEEL) || SDIST_EXTENSIONS.stream().anyMatch(lower::endsWith);
    }

    @Override
    public String toString() {
        return "FindLinks[" + Credentials.redact(location) + "]";
    }

    @Override
    public void close() {
        index.close();
    }
}

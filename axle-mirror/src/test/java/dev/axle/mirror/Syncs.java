package dev.axle.mirror;

import dev.axle.index.DistributionFile;
import dev.axle.index.Index;
import dev.axle.index.IndexOptions;
import dev.axle.index.ProjectList;
import dev.axle.index.ProjectPage;
import dev.axle.index.SimpleApi;
import dev.axle.mirror.filter.MirrorFilters;
import dev.axle.mirror.target.MirrorTargets;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/** Syncs as the command does, and reads a static mirror's pages back with axle-index's parser. */
final class Syncs {
    private Syncs() {}

    static IndexOptions quick() {
        return IndexOptions.defaults().withRetries(1, Duration.ofMillis(20), Duration.ofMillis(50));
    }

    static SyncReport sync(URI upstream, Destination destination, MirrorFilters filters, MirrorOptions options,
            MirrorListener listener) throws IOException {
        try (Index index = Index.of(upstream, quick()); MirrorTarget target = MirrorTargets.open(destination)) {
            return new Mirror(index, target, filters, options, listener).sync();
        }
    }

    static SyncReport sync(URI upstream, Path folder) throws IOException {
        return sync(upstream, new Destination.Folder(folder), MirrorFilters.NONE, MirrorOptions.defaults(),
                MirrorListener.NONE);
    }

    static ProjectPage page(Path mirror, String project) throws IOException {
        Path folder = mirror.resolve("simple").resolve(project);
        ProjectPage json = SimpleApi.parseProjectPage(SimpleApi.JSON_V1,
                Files.readAllBytes(folder.resolve("index.v1_json")), folder.toUri());
        ProjectPage html = SimpleApi.parseProjectPage("text/html", Files.readAllBytes(folder.resolve("index.html")),
                folder.toUri());
        if (!json.files().stream().map(DistributionFile::url).toList()
                .equals(html.files().stream().map(DistributionFile::url).toList())) {
            throw new AssertionError("the JSON and HTML pages of " + project + " link other files");
        }
        return json;
    }

    static List<String> filenames(Path mirror, String project) throws IOException {
        return page(mirror, project).files().stream().map(DistributionFile::filename).toList();
    }

    static List<String> projects(Path mirror) throws IOException {
        Path folder = mirror.resolve("simple");
        return SimpleApi.parseProjectList(SimpleApi.JSON_V1, Files.readAllBytes(folder.resolve("index.v1_json")),
                folder.toUri()).projects().stream().map(ProjectList.Project::normalizedName).toList();
    }

    /** Every file under {@code packages/}, relative. */
    static List<String> packages(Path mirror) throws IOException {
        Path packages = mirror.resolve("packages");
        if (!Files.isDirectory(packages)) {
            return List.of();
        }
        try (Stream<Path> all = Files.walk(packages)) {
            return all.filter(Files::isRegularFile).map(p -> mirror.relativize(p).toString()).sorted().toList();
        }
    }

    /** Files whose names say they are unfinished, anywhere but the mirror's own temporary folder. */
    static List<Path> partial(Path mirror) throws IOException {
        try (Stream<Path> all = Files.walk(mirror)) {
            return all.filter(p -> p.getFileName().toString().endsWith(".part")
                    && !p.startsWith(mirror.resolve(".axle-mirror/tmp"))).toList();
        }
    }
}

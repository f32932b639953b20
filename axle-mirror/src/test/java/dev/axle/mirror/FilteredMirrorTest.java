package dev.axle.mirror;

import static dev.axle.mirror.Syncs.filenames;
import static dev.axle.mirror.Syncs.projects;
import static org.assertj.core.api.Assertions.assertThat;

import dev.axle.mirror.filter.LatestFilter;
import dev.axle.mirror.filter.MirrorFilters;
import dev.axle.mirror.filter.NoPrereleaseFilter;
import dev.axle.mirror.filter.NoSdistFilter;
import dev.axle.mirror.filter.PlatformFilter;
import dev.axle.mirror.filter.ProjectFilter;
import dev.axle.mirror.filter.PythonTagFilter;
import dev.axle.mirror.filter.SizeFilter;
import dev.axle.server.blob.FileBlobStore;
import dev.axle.mirror.target.BlobStoreTree;
import dev.axle.mirror.target.StaticTarget;
import dev.axle.index.Index;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Filters end to end: what the mirror holds is exactly what they select; a change of filters is followed. */
class FilteredMirrorTest {
    @TempDir
    Path temp;

    private static MirrorFilters filters(List<String> deny) {
        return new MirrorFilters(ProjectFilter.of(List.of(), deny, List.of(), List.of(), List.of()),
                List.of(new PlatformFilter(List.of("manylinux*_x86_64", "any")), new PythonTagFilter(List.of("cp311",
                        "py3")), new NoSdistFilter(), SizeFilter.parse("100K")),
                List.of(new NoPrereleaseFilter(), new LatestFilter(2)));
    }

    @Test
    void theMirrorHoldsExactlyWhatTheFiltersSelect() throws Exception {
        Path mirror = temp.resolve("mirror");
        try (UpstreamIndex upstream = UpstreamIndex.start(temp)) {
            for (String version : List.of("1.0", "1.9", "1.10", "2.0rc1")) {
                upstream.wheel("keep-me", version);
            }
            upstream.sdist("keep-me", "1.10");
            for (String tags : List.of("cp311-cp311-manylinux_2_17_x86_64", "cp311-cp311-win_amd64",
                    "cp312-cp312-manylinux_2_17_x86_64", "cp311-cp311-manylinux_2_17_aarch64", "py3-none-any")) {
                upstream.publishAs("plat-1.0-" + tags + ".whl", "plat", "1.0", 0);
            }
            upstream.publishAs("big-1.0-py3-none-any.whl", "big", "1.0", 200 * 1024);
            upstream.publishAs("big-1.1-py3-none-any.whl", "big", "1.1", 0);
            upstream.wheel("denied", "1.0");

            SyncReport report = Syncs.sync(upstream.simple(), new Destination.Folder(mirror), filters(List.of("denied")),
                    MirrorOptions.defaults(), MirrorListener.NONE);
            assertThat(report.failures()).isEmpty();
            assertThat(projects(mirror)).containsExactly("big", "keep-me", "plat");
            assertThat(filenames(mirror, "keep-me")).as("1.9 and 1.10: PEP 440's newest finals, wheels only")
                    .containsExactly("keep_me-1.9-py3-none-any.whl", "keep_me-1.10-py3-none-any.whl");
            assertThat(Syncs.page(mirror, "keep-me").versions()).containsExactly("1.9", "1.10");
            assertThat(filenames(mirror, "plat")).containsExactly("plat-1.0-cp311-cp311-manylinux_2_17_x86_64.whl",
                    "plat-1.0-py3-none-any.whl");
            assertThat(filenames(mirror, "big")).as("1.0 is over 100K").containsExactly("big-1.1-py3-none-any.whl");
            assertThat(report.filesFetched()).isEqualTo(5);

            SyncReport changed = Syncs.sync(upstream.simple(), new Destination.Folder(mirror), filters(List.of("plat")),
                    MirrorOptions.defaults(), MirrorListener.NONE);
            assertThat(changed).as("other filters: every project looked at again").extracting(SyncReport::synced,
                    SyncReport::removed, SyncReport::filesFetched, SyncReport::filesDeleted).containsExactly(3, 1, 1, 2);
            assertThat(projects(mirror)).containsExactly("big", "denied", "keep-me");

            // The same sync through a BlobStore (what an S3 bucket will be) writes the same keys.
            Path blobs = temp.resolve("blobs");
            try (Index index = Index.of(upstream.simple(), Syncs.quick());
                    StaticTarget target = new StaticTarget(new BlobStoreTree(FileBlobStore.open(blobs), "blobs"))) {
                assertThat(new Mirror(index, target, filters(List.of("plat")), MirrorOptions.defaults(),
                        MirrorListener.NONE).sync().failures()).isEmpty();
            }
            assertThat(tree(blobs.resolve("files"))).isEqualTo(tree(mirror));
        }
    }

    private static List<String> tree(Path root) throws Exception {
        try (Stream<Path> all = Files.walk(root)) {
            return all.filter(Files::isRegularFile).map(p -> root.relativize(p).toString())
                    .filter(p -> !p.startsWith(".axle-mirror/")).sorted().toList();
        }
    }
}

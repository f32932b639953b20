package dev.axle.mirror;

import static dev.axle.mirror.Syncs.filenames;
import static dev.axle.mirror.Syncs.packages;
import static dev.axle.mirror.Syncs.page;
import static dev.axle.mirror.Syncs.partial;
import static dev.axle.mirror.Syncs.projects;
import static dev.axle.mirror.Syncs.sync;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.axle.index.DistributionFile;
import dev.axle.index.ProjectPage;
import dev.axle.index.Yanked;
import dev.axle.mirror.filter.MirrorFilters;
import dev.axle.server.Published;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A folder mirror of a real axle server, synced as the upstream changes. */
class FolderMirrorTest {
    @TempDir
    Path temp;
    private UpstreamIndex upstream;
    private Path mirror;

    @BeforeEach
    void start() throws IOException {
        upstream = UpstreamIndex.start(temp);
        mirror = temp.resolve("mirror");
    }

    @AfterEach
    void stop() {
        upstream.close();
    }

    @Test
    void followsUploadsYanksAndDeletionsFetchingOnlyWhatChanged() throws Exception {
        upstream.wheel("alpha", "1.0", "Requires-Python: >=3.8\n");
        upstream.sdist("alpha", "1.0");
        upstream.wheel("alpha", "2.0");
        upstream.wheel("Beta", "1.0");
        upstream.wheel("gamma", "0.1");
        upstream.wheel("epsilon", "1.0");

        SyncReport first = sync(upstream.simple(), mirror);
        assertThat(first.failures()).isEmpty();
        assertThat(first).extracting(SyncReport::listed, SyncReport::synced, SyncReport::unchanged,
                SyncReport::removed, SyncReport::pagesFetched, SyncReport::filesFetched, SyncReport::metadataFetched)
                .containsExactly(4, 4, 0, 0, 5, 6, 5);
        assertThat(projects(mirror)).containsExactly("alpha", "beta", "epsilon", "gamma");
        ProjectPage alpha = page(mirror, "alpha");
        assertThat(alpha.files()).extracting(DistributionFile::filename).containsExactly(
                "alpha-1.0-py3-none-any.whl", "alpha-1.0.tar.gz", "alpha-2.0-py3-none-any.whl");
        assertThat(alpha.versions()).containsExactly("1.0", "2.0");
        DistributionFile wheel = alpha.files().get(0);
        assertThat(wheel.requiresPython()).hasValue(">=3.8");
        assertThat(wheel.uploadTime()).isPresent();
        Path wheelFile = Path.of(wheel.url());
        assertThat(Published.hex("SHA-256", Files.readAllBytes(wheelFile))).isEqualTo(wheel.hashes().get("sha256"));
        assertThat(wheel.size()).hasValue(Files.size(wheelFile));
        assertThat(wheelFile.toString()).contains("/packages/" + wheel.hashes().get("sha256").substring(0, 2) + "/");
        Path metadata = Path.of(wheel.coreMetadataUrl());
        assertThat(Published.hex("SHA-256", Files.readAllBytes(metadata)))
                .isEqualTo(wheel.coreMetadata().hashes().get("sha256"));
        assertThat(page(mirror, "alpha").files().get(1).coreMetadata().available()).as("sdist without PEP 643").isFalse();
        assertThat(page(mirror, "beta").name()).isEqualTo("Beta");
        assertThat(packages(mirror)).hasSize(6 + 5);

        upstream.wheel("Beta", "2.0");
        upstream.yank("alpha", "1.0", "broken build");
        upstream.delete("alpha", "2.0");
        upstream.delete("gamma", "0.1");
        upstream.wheel("delta", "1.0");

        SyncReport second = sync(upstream.simple(), mirror);
        assertThat(second.failures()).isEmpty();
        assertThat(second).as("epsilon untouched, gamma gone").extracting(SyncReport::listed, SyncReport::synced,
                SyncReport::unchanged, SyncReport::removed, SyncReport::pagesFetched, SyncReport::filesFetched,
                SyncReport::filesDeleted).containsExactly(4, 3, 1, 1, 4, 2, 2);
        assertThat(projects(mirror)).containsExactly("alpha", "beta", "delta", "epsilon");
        assertThat(page(mirror, "alpha").files()).extracting(DistributionFile::filename, DistributionFile::yanked)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("alpha-1.0-py3-none-any.whl", Yanked.because("broken build")),
                        org.assertj.core.groups.Tuple.tuple("alpha-1.0.tar.gz", Yanked.because("broken build")));
        assertThat(Files.readString(mirror.resolve("simple/alpha/index.html"))).contains("data-yanked=\"broken build\"");
        assertThat(page(mirror, "alpha").versions()).containsExactly("1.0");
        assertThat(filenames(mirror, "beta")).containsExactly("beta-1.0-py3-none-any.whl", "beta-2.0-py3-none-any.whl");
        assertThat(mirror.resolve("simple/gamma")).doesNotExist();
        assertThat(packages(mirror)).noneMatch(p -> p.contains("gamma") || p.contains("alpha-2.0")).hasSize(6 + 5);
        assertThat(partial(mirror)).isEmpty();

        SyncReport third = sync(upstream.simple(), mirror);
        assertThat(third).extracting(SyncReport::synced, SyncReport::unchanged, SyncReport::pagesFetched,
                SyncReport::filesFetched, SyncReport::filesDeleted).containsExactly(0, 4, 1, 0, 0);
    }

    @Test
    void anInterruptedSyncResumesWithoutFetchingFilesAgain() throws Exception {
        for (String project : List.of("one", "three", "two")) {
            upstream.wheel(project, "1.0");
            upstream.wheel(project, "2.0");
        }
        var aborted = new RuntimeException("killed");
        AtomicInteger fetched = new AtomicInteger();
        List<String> placed = new ArrayList<>();
        MirrorListener killer = new MirrorListener() {
            @Override
            public void fetched(String project, String filename, long bytes) {
                if (fetched.incrementAndGet() == 4) {
                    throw aborted; // as if killed once the fourth file arrived, before it is in place
                }
                placed.add(filename);
            }
        };
        MirrorOptions oneAtATime = MirrorOptions.defaults().withJobs(1);
        assertThatThrownBy(() -> sync(upstream.simple(), new Destination.Folder(mirror), MirrorFilters.NONE,
                oneAtATime, killer)).isSameAs(aborted);
        assertThat(placed).containsExactly("one-1.0-py3-none-any.whl", "one-2.0-py3-none-any.whl",
                "three-1.0-py3-none-any.whl");
        assertThat(packages(mirror)).as("three files and their metadata files, each whole").hasSize(6);
        assertThat(partial(mirror)).isEmpty();
        assertThat(Files.readString(mirror.resolve(".axle-mirror/state.json")))
                .contains("\"name\":\"one\"").doesNotContain("\"name\":\"three\"");

        List<String> again = new ArrayList<>();
        SyncReport resumed = sync(upstream.simple(), new Destination.Folder(mirror), MirrorFilters.NONE, oneAtATime,
                new MirrorListener() {
                    @Override
                    public void fetched(String project, String filename, long bytes) {
                        again.add(filename);
                    }
                });
        assertThat(resumed.failures()).isEmpty();
        assertThat(resumed.synced()).as("one was recorded; three and two were not").isEqualTo(2);
        assertThat(again).containsExactly("three-2.0-py3-none-any.whl", "two-1.0-py3-none-any.whl",
                "two-2.0-py3-none-any.whl");
        assertThat(projects(mirror)).containsExactly("one", "three", "two");
        assertThat(packages(mirror)).hasSize(12);
        assertThat(mirror.resolve(".axle-mirror/tmp")).isEmptyDirectory();
    }

    @Test
    void verifyRepairsACorruptedFileAndAMissingMetadataFile() throws Exception {
        upstream.wheel("solid", "1.0");
        upstream.wheel("solid", "1.1");
        sync(upstream.simple(), mirror);
        DistributionFile first = page(mirror, "solid").files().get(0);
        Path file = Path.of(first.url());
        byte[] good = Files.readAllBytes(file);
        Files.write(file, "not a wheel".getBytes());
        Files.delete(Path.of(page(mirror, "solid").files().get(1).coreMetadataUrl()));

        assertThat(sync(upstream.simple(), mirror).filesFetched()).as("unchanged upstream: nothing looked at")
                .isZero();
        SyncReport verified = sync(upstream.simple(), new Destination.Folder(mirror), MirrorFilters.NONE,
                MirrorOptions.defaults().withVerify(true), MirrorListener.NONE);
        assertThat(verified).extracting(SyncReport::synced, SyncReport::filesFetched, SyncReport::metadataFetched)
                .containsExactly(1, 1, 1);
        assertThat(Files.readAllBytes(file)).isEqualTo(good);
        assertThat(Path.of(page(mirror, "solid").files().get(1).coreMetadataUrl())).exists();
        assertThat(sync(upstream.simple(), new Destination.Folder(mirror), MirrorFilters.NONE,
                MirrorOptions.defaults().withVerify(true), MirrorListener.NONE).filesFetched()).isZero();
    }

    @Test
    void anotherSyncOfTheSameFolderIsRefusedAndAnEmptyUpstreamRemovesNothing() throws Exception {
        upstream.wheel("kept", "1.0");
        sync(upstream.simple(), mirror);
        try (var held = dev.axle.mirror.target.FolderTree.open(mirror)) {
            assertThatThrownBy(() -> sync(upstream.simple(), mirror)).isInstanceOf(MirrorException.class)
                    .hasMessageContaining("another axle mirror is writing to " + mirror);
        }
        upstream.delete("kept", "1.0");
        assertThatThrownBy(() -> sync(upstream.simple(), mirror)).isInstanceOf(MirrorException.class)
                .hasMessageContaining("lists no project, but " + mirror + " holds 1; refusing to remove them all");
        assertThat(filenames(mirror, "kept")).containsExactly("kept-1.0-py3-none-any.whl");
    }
}

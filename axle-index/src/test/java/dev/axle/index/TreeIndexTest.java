package dev.axle.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.axle.pep.ProjectName;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The index client on a static PEP 503 tree, served by {@code python3 -m http.server} and read
 * as a {@code file:} folder: both must give the same answers.
 */
class TreeIndexTest {
    private static final ProjectName HOLYGRAIL = ProjectName.parse("HolyGrail");

    @TempDir
    Path tmp;

    @Test
    void servedByPython() throws Exception {
        Path root = tmp.resolve("root");
        IndexTree.write(root);
        try (var server = StaticHttpServer.serve(root);
             var index = Index.of(server.url("simple"), HttpIndexTest.FAST)) {
            checkIndex(index, server.url("files/"));
        }
    }

    @Test
    void readAsAFileFolder() throws Exception {
        Path root = tmp.resolve("root");
        IndexTree.write(root);
        try (var index = Index.of(root.resolve("simple").toUri(), HttpIndexTest.FAST)) {
            checkIndex(index, root.resolve("files").toUri());
        }
    }

    /** Page, metadata file and downloads, good and bad, from an index of {@link IndexTree}. */
    private void checkIndex(Index index, URI files) throws Exception {
        assertThat(index.projectPage(ProjectName.parse("spam"))).isEmpty();

        ProjectPage page = index.projectPage(HOLYGRAIL).orElseThrow();
        assertThat(page.name()).isEqualTo("holygrail");
        assertThat(page.files()).extracting(DistributionFile::filename)
                .containsExactly(IndexTree.WHEEL, IndexTree.BAD_WHEEL);
        DistributionFile wheel = page.files().get(0);
        assertThat(wheel.url()).isEqualTo(files.resolve(IndexTree.WHEEL));
        assertThat(wheel.requiresPython()).hasValue(">=3.8");

        assertThat(index.coreMetadata(wheel)).hasValueSatisfying(m -> assertThat(m).isEqualTo(IndexTree.METADATA));
        assertThat(index.coreMetadata(page.files().get(1))).isEmpty();

        Path downloads = Files.createDirectories(tmp.resolve("downloads"));
        Path target = downloads.resolve(IndexTree.WHEEL);
        index.download(wheel, target, DownloadListener.NONE);
        assertThat(target).hasBinaryContent(IndexTree.WHEEL_BYTES);

        Path bad = downloads.resolve(IndexTree.BAD_WHEEL);
        var e = Thrown.by(HashMismatchException.class,
                () -> index.download(page.files().get(1), bad, DownloadListener.NONE));
        assertThat(e.url()).isEqualTo(files.resolve(IndexTree.BAD_WHEEL).toString());
        assertThat(e.actual()).isEqualTo(Digests.sha256(IndexTree.WHEEL_BYTES));
        assertThat(downloads).isDirectoryContaining(p -> p.equals(target))
                .isDirectoryNotContaining(p -> !p.equals(target));

        var gone = page.files().get(0);
        Files.delete(tmp.resolve("root/files").resolve(IndexTree.WHEEL));
        var missing = Thrown.by(IndexUnavailableException.class,
                () -> index.download(gone, downloads.resolve("again.whl"), DownloadListener.NONE));
        assertThat(missing.getMessage()).contains(IndexTree.WHEEL);
        assertThat(downloads).isDirectoryNotContaining(p -> p.getFileName().toString().startsWith(".again"));
    }
}

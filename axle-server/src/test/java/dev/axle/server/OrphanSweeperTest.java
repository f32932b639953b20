package dev.axle.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.axle.server.blob.BlobStore;
import dev.axle.server.blob.StoredBlob;
import dev.axle.server.store.SqlStore;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/** Orphaned blobs (a server killed between blob and row) are swept, once older than the grace period. */
class OrphanSweeperTest {
    private static S3Server s3;

    @TempDir
    Path temp;

    @BeforeAll
    static void startS3() throws IOException {
        s3 = S3Server.start();
    }

    @AfterAll
    static void stopS3() throws Exception {
        s3.close();
    }

    private ServerRoot root(String blobs) throws IOException {
        return blobs.equals("s3") ? S3Server.serverRoot(temp.resolve("root"), s3.settings(s3.createBucket(), "/axle"))
                : ServerRoot.open(temp.resolve("root"));
    }

    private static List<String> keys(BlobStore blobs) throws IOException {
        List<String> keys = new ArrayList<>();
        blobs.forEach(b -> keys.add(b.key()));
        return keys;
    }

    @ParameterizedTest
    @ValueSource(strings = {"files", "s3"})
    void orphansOlderThanTheGracePeriodAreDeleted(String blobs) throws IOException {
        try (ServerRoot root = root(blobs)) {
            Path wheel = TestDists.wheel(temp.resolve("dist"), "kept", "1.0");
            Published.publish(root, "main", wheel, "kept", "1.0", TestDists.metadata("2.1", "kept", "1.0", "", ""));
            // What a server killed after the blob and before the row leaves: the blob, its metadata.
            String sha256 = "ab".repeat(32);
            String orphan = Publication.blobKey(sha256, "orphan-1.0-py3-none-any.whl");
            Path upload = root.blobs().temporaryFile(".part");
            Files.writeString(upload, "orphaned bytes");
            root.blobs().move(upload, orphan);
            root.blobs().put(orphan + ".metadata", new ByteArrayInputStream("Name: orphan\n".getBytes()));
            assertThat(keys(root.blobs())).hasSize(4);

            // Just written: maybe an upload in flight on another server.
            OrphanSweeper.Report young = new OrphanSweeper(root.store(), root.blobs()).sweep();
            assertThat(young).isEqualTo(new OrphanSweeper.Report(4, 4, 0, 0));

            Clock later = Clock.fixed(Instant.now().plus(Duration.ofHours(2)), ZoneOffset.UTC);
            OrphanSweeper.Report swept = new OrphanSweeper(root.store(), root.blobs(), OrphanSweeper.DEFAULT_GRACE, later)
                    .sweep();
            assertThat(swept).isEqualTo(new OrphanSweeper.Report(4, 0, 2, "orphaned bytes".length() + "Name: orphan\n".length()));
            String kept = root.store().file("main", wheel.getFileName().toString()).orElseThrow().blobKey();
            assertThat(keys(root.blobs())).containsExactlyInAnyOrder(kept, kept + ".metadata");
            assertThat(root.blobs().size(orphan)).isEmpty();

            assertThat(new OrphanSweeper(root.store(), root.blobs(), Duration.ZERO, Clock.systemUTC()).sweep())
                    .isEqualTo(new OrphanSweeper.Report(2, 0, 0, 0));
        }
    }
}

package dev.axle.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.axle.server.blob.S3BlobStore;
import dev.axle.server.blob.S3Settings;
import dev.axle.server.store.PostgresSettings;
import dev.axle.server.store.SqlStore;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Two servers sharing one PostgreSQL database and one S3 bucket (s3proxy), each with its own
 * folder, as replicas behind a load balancer: what one does shows through the other at once,
 * serials increase across both, one of two uploads of a filename wins, and the loser leaves
 * nothing behind.
 */
class ReplicasTest {
    private static S3Server s3;

    @TempDir
    Path temp;
    private String bucket;
    private final List<AutoCloseable> open = new ArrayList<>();
    private TestReplica one;
    private TestReplica two;
    private String token;

    record TestReplica(ServerRoot root, IndexServer server) {
        URI base() {
            return server.uri();
        }
    }

    @BeforeAll
    static void startS3() throws Exception {
        s3 = S3Server.start();
    }

    @AfterAll
    static void stopS3() throws Exception {
        s3.close();
    }

    @BeforeEach
    void start() throws Exception {
        PostgresSettings database = Postgres.shared().database(4);
        bucket = s3.createBucket();
        one = replica("one", database, S3Settings.Downloads.PROXY);
        two = replica("two", database, S3Settings.Downloads.REDIRECT);
        token = new Tokens(one.root().store()).create("main", "ci");
    }

    private TestReplica replica(String name, PostgresSettings database, S3Settings.Downloads downloads)
            throws Exception {
        Path folder = Files.createDirectories(temp.resolve(name));
        ServerRoot root = new ServerRoot(folder, SqlStore.postgres(database),
                S3BlobStore.open(s3.settings(bucket, "/pypi").withDownloads(downloads), folder.resolve("tmp")));
        open.add(root);
        IndexServer server = IndexServer.start(root, "127.0.0.1", 0);
        open.add(0, server);
        return new TestReplica(root, server);
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    private List<String> objects() {
        return s3.client().listObjectsV2Paginator(b -> b.bucket(bucket)).contents().stream().map(S3Object::key)
                .sorted().toList();
    }

    @Test
    void anUploadThroughOneShowsThroughTheOtherAtOnce() throws Exception {
        Path wheel = TestDists.wheel(temp, "Spam", "1.0");
        assertThat(Uploads.upload(one.base(), token, wheel, "Spam", "1.0").statusCode()).isEqualTo(200);

        HttpResponse<String> viaOne = Http.get(one.base(), "/simple/spam/", "Accept", Http.SIMPLE_JSON);
        HttpResponse<String> viaTwo = Http.get(two.base(), "/simple/spam/", "Accept", Http.SIMPLE_JSON);
        assertThat(viaTwo.statusCode()).isEqualTo(200);
        assertThat(viaTwo.body()).isEqualTo(viaOne.body());
        assertThat(viaTwo.headers().firstValue("ETag")).isEqualTo(viaOne.headers().firstValue("ETag")).isPresent();
        assertThat(viaTwo.headers().firstValue("X-PyPI-Last-Serial")).hasValue("1");
        JsonNode page = Http.JSON.readTree(viaTwo.body());
        String url = page.at("/files/0/url").asText();

        // Proxied through one, redirected to a presigned URL of the bucket by two: the same bytes.
        byte[] bytes = Files.readAllBytes(wheel);
        assertThat(Http.bytes(one.base(), url).body()).isEqualTo(bytes);
        HttpResponse<byte[]> redirect = Http.bytes(two.base(), url);
        assertThat(redirect.statusCode()).isBetween(300, 399);
        URI presigned = URI.create(redirect.headers().firstValue("Location").orElseThrow());
        assertThat(presigned.getPort()).isEqualTo(s3.endpoint().getPort());
        assertThat(Http.bytes(presigned, presigned.toString()).body()).isEqualTo(bytes);

        // A yank through two shows through one at once: no server keeps a copy that can go stale.
        two.root().store().setYanked("main", "spam", "1.0", Optional.empty(), true, Optional.of("broken"));
        assertThat(Http.json(one.base(), "/simple/spam/").at("/files/0/yanked").asText()).isEqualTo("broken");
        assertThat(Http.get(one.base(), "/health/ready").statusCode()).isEqualTo(200);
        assertThat(Http.get(two.base(), "/health/ready").statusCode()).isEqualTo(200);
    }

    @Test
    void serialsIncreaseAcrossReplicas() throws Exception {
        long last = 0;
        for (int i = 0; i < 6; i++) {
            TestReplica to = i % 2 == 0 ? one : two;
            TestReplica other = i % 2 == 0 ? two : one;
            Path wheel = TestDists.wheel(temp, "serial" + i, "1.0");
            assertThat(Uploads.upload(to.base(), token, wheel, "serial" + i, "1.0").statusCode()).isEqualTo(200);
            long serial = Long.parseLong(Http.get(other.base(), "/simple/", "Accept", Http.SIMPLE_JSON).headers()
                    .firstValue("X-PyPI-Last-Serial").orElseThrow());
            assertThat(serial).isGreaterThan(last);
            last = serial;
        }
        assertThat(Http.json(two.base(), "/simple/").get("projects")).hasSize(6);
    }

    @Test
    void ofTwoUploadsOfOneFilenameThroughTwoReplicasExactlyOneWins() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 5; round++) {
                String version = "1." + round;
                Path a = TestDists.wheel(Files.createDirectories(temp.resolve("a" + round)), "Race", version,
                        TestDists.metadata("2.1", "Race", version, "", "from one"));
                Path b = TestDists.wheel(Files.createDirectories(temp.resolve("b" + round)), "Race", version,
                        TestDists.metadata("2.1", "Race", version, "", "from two"));
                assertThat(Files.readAllBytes(a)).isNotEqualTo(Files.readAllBytes(b));
                CountDownLatch go = new CountDownLatch(1);
                Callable<Integer> viaOne = () -> {
                    go.await();
                    return Uploads.upload(one.base(), token, a, "Race", version).statusCode();
                };
                Callable<Integer> viaTwo = () -> {
                    go.await();
                    return Uploads.upload(two.base(), token, b, "Race", version).statusCode();
                };
                Future<Integer> first = pool.submit(viaOne);
                Future<Integer> second = pool.submit(viaTwo);
                go.countDown();
                List<Integer> statuses = List.of(first.get(), second.get());
                assertThat(statuses).as("round %d", round).containsExactlyInAnyOrder(200, 400);
            }
            JsonNode page = Http.json(two.base(), "/simple/race/");
            assertThat(page.get("files")).hasSize(5);
            // Every object in the bucket is a listed file's, or its metadata: the losers left nothing.
            List<String> expected = new ArrayList<>();
            for (JsonNode f : page.get("files")) {
                String key = "pypi/" + Publication.blobKey(f.at("/hashes/sha256").asText(), f.get("filename").asText());
                expected.add(key);
                if (f.has("core-metadata")) {
                    expected.add(key + ".metadata");
                }
            }
            assertThat(objects()).containsExactlyInAnyOrderElementsOf(expected);
        } finally {
            pool.shutdownNow();
        }
    }
}

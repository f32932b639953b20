package dev.axle.server.blob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.axle.server.S3Server;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.S3Object;

/** {@link S3BlobStore} against s3proxy: the BlobStore contract, multipart uploads, sweeps, addressing, presigning. */
class S3BlobStoreTest {
    private static final String KEY = "ab/cd/abcd0123/pkg-1.0-py3-none-any.whl";
    private static S3Server s3;

    @TempDir
    Path temp;
    private String bucket;

    @BeforeAll
    static void startS3() throws IOException {
        s3 = S3Server.start();
    }

    @AfterAll
    static void stopS3() throws Exception {
        s3.close();
    }

    @BeforeEach
    void createBucket() {
        bucket = s3.createBucket();
    }

    private S3BlobStore open(S3Settings settings) throws IOException {
        return S3BlobStore.open(settings, temp.resolve("tmp"));
    }

    private static byte[] random(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    private static byte[] readAll(SeekableByteChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(Math.toIntExact(channel.size() - channel.position()));
        while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
            // until full
        }
        return buffer.array();
    }

    private List<String> objects() {
        return s3.client().listObjectsV2Paginator(b -> b.bucket(bucket)).contents().stream().map(S3Object::key).toList();
    }

    private List<MultipartUpload> uploads() {
        return s3.client().listMultipartUploads(b -> b.bucket(bucket)).uploads();
    }

    @Test
    void putOpenSizeAndDeleteUnderThePrefix() throws IOException {
        byte[] bytes = "wheel bytes".getBytes(StandardCharsets.UTF_8);
        try (S3BlobStore store = open(s3.settings(bucket, "/team/axle/"))) {
            assertThat(store.size(KEY)).isEmpty();
            assertThat(store.open(KEY)).isEmpty();
            assertThat(store.put(KEY, new ByteArrayInputStream(bytes))).isEqualTo(bytes.length);
            assertThat(objects()).containsExactly("team/axle/" + KEY);
            assertThat(store.size(KEY)).contains((long) bytes.length);
            try (SeekableByteChannel channel = store.open(KEY).orElseThrow()) {
                assertThat(channel.size()).isEqualTo(bytes.length);
                assertThat(readAll(channel)).isEqualTo(bytes);
                assertThat(channel.read(ByteBuffer.allocate(1))).isEqualTo(-1);
            }
            // Replacing: S3 swaps the whole object.
            store.put(KEY, new ByteArrayInputStream("other".getBytes(StandardCharsets.UTF_8)));
            assertThat(store.size(KEY)).contains(5L);
            assertThat(store.delete(KEY)).isTrue();
            assertThat(store.delete(KEY)).isFalse();
            assertThat(store.size(KEY)).isEmpty();
            assertThat(objects()).isEmpty();
        }
    }

    @Test
    void theChannelReadsRangesFromAnyPosition() throws IOException {
        byte[] bytes = random(300_000, 1);
        try (S3BlobStore store = open(s3.settings(bucket, ""))) {
            store.put(KEY, new ByteArrayInputStream(bytes));
            try (SeekableByteChannel channel = store.open(KEY).orElseThrow()) {
                channel.position(1000);
                ByteBuffer heap = ByteBuffer.allocate(100);
                while (heap.hasRemaining()) {
                    channel.read(heap);
                }
                assertThat(heap.array()).isEqualTo(Arrays.copyOfRange(bytes, 1000, 1100));
                assertThat(channel.position()).isEqualTo(1100);
                // Continues the same GET, into a direct buffer.
                ByteBuffer direct = ByteBuffer.allocateDirect(50);
                while (direct.hasRemaining()) {
                    channel.read(direct);
                }
                byte[] read = new byte[50];
                direct.flip().get(read);
                assertThat(read).isEqualTo(Arrays.copyOfRange(bytes, 1100, 1150));
                // Backwards, then to the end.
                channel.position(10);
                assertThat(readAll(channel)).isEqualTo(Arrays.copyOfRange(bytes, 10, bytes.length));
                channel.position(bytes.length);
                assertThat(channel.read(ByteBuffer.allocate(10))).isEqualTo(-1);
                channel.position(bytes.length - 3);
                assertThat(readAll(channel)).isEqualTo(Arrays.copyOfRange(bytes, bytes.length - 3, bytes.length));
            }
        }
    }

    @Test
    void aFileOverThePartSizeGoesUpInParts() throws IOException {
        byte[] bytes = random(11 << 20, 2);
        try (S3BlobStore store = open(s3.settings(bucket, "/p").withPartSize(S3Settings.MIN_PART_SIZE))) {
            Path file = store.temporaryFile(".part");
            Files.write(file, bytes);
            store.move(file, KEY);
            assertThat(file).doesNotExist();
            // A multipart upload's ETag ends with its number of parts.
            assertThat(s3.client().headObject(b -> b.bucket(bucket).key("p/" + KEY)).eTag()).endsWith("-3\"");
            try (SeekableByteChannel channel = store.open(KEY).orElseThrow()) {
                assertThat(readAll(channel)).isEqualTo(bytes);
            }
            // A stream too.
            assertThat(store.put("streamed", new ByteArrayInputStream(bytes))).isEqualTo(bytes.length);
            try (SeekableByteChannel channel = store.open("streamed").orElseThrow()) {
                channel.position(6 << 20);
                assertThat(readAll(channel)).isEqualTo(Arrays.copyOfRange(bytes, 6 << 20, bytes.length));
            }
            assertThat(uploads()).isEmpty();
        }
    }

    @Test
    void aFailedMultipartUploadIsAbortedAndLeavesNothing() throws IOException {
        byte[] bytes = random(6 << 20, 3);
        InputStream failing = new InputStream() {
            private final InputStream in = new ByteArrayInputStream(bytes);

            @Override
            public int read() throws IOException {
                int b = in.read();
                if (b < 0) {
                    throw new IOException("client went away");
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = in.read(buffer, offset, length);
                if (n < 0) {
                    throw new IOException("client went away");
                }
                return n;
            }
        };
        try (S3BlobStore store = open(s3.settings(bucket, "").withPartSize(S3Settings.MIN_PART_SIZE))) {
            assertThatThrownBy(() -> store.put(KEY, failing)).isInstanceOf(IOException.class)
                    .hasMessage("client went away");
            assertThat(uploads()).isEmpty();
            assertThat(objects()).isEmpty();
            assertThat(store.size(KEY)).isEmpty();
        }
    }

    @Test
    void sweepingTemporariesAbortsStaleMultipartUploadsUnderThePrefix() throws IOException {
        String mine = s3.client().createMultipartUpload(b -> b.bucket(bucket).key("mine/ab/killed.whl")).uploadId();
        s3.client().createMultipartUpload(b -> b.bucket(bucket).key("other/ab/theirs.whl"));
        S3Settings settings = s3.settings(bucket, "/mine");
        try (S3BlobStore store = open(settings)) {
            Files.writeString(store.temporaryFile(".part"), "left behind");
            // Within the grace period: may be another server's upload in progress.
            assertThat(store.sweepTemporaries()).isEqualTo(1);
            assertThat(store.temporaryFolder()).isEmptyDirectory();
            assertThat(uploads()).extracting(MultipartUpload::uploadId).contains(mine);
        }
        try (S3BlobStore store = open(settings.withUploadGrace(Duration.ZERO))) {
            assertThat(store.sweepTemporaries()).isEqualTo(1);
            assertThat(uploads()).extracting(MultipartUpload::key).containsExactly("other/ab/theirs.whl");
        }
    }

    @Test
    void virtualHostAddressingNamesTheBucketInTheHost() throws IOException {
        byte[] bytes = random(1000, 4);
        S3Settings settings = s3.settings(bucket, "/vh")
                .withAddressing(S3Settings.Addressing.VIRTUAL_HOST).withDownloads(S3Settings.Downloads.REDIRECT);
        try (S3BlobStore store = open(settings)) {
            store.put(KEY, new ByteArrayInputStream(bytes));
            try (SeekableByteChannel channel = store.open(KEY).orElseThrow()) {
                assertThat(readAll(channel)).isEqualTo(bytes);
            }
            URI url = store.downloadUrl(KEY, Duration.ofMinutes(5)).orElseThrow();
            assertThat(url.getHost()).isEqualTo(bucket + ".localhost");
            assertThat(url.getPath()).isEqualTo("/vh/" + KEY);
            assertThat(fetch(url).body()).isEqualTo(bytes);
        }
        assertThat(objects()).containsExactly("vh/" + KEY);
    }

    private static HttpResponse<byte[]> fetch(URI url, String... headers) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(url);
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    @Test
    void aPresignedUrlGivesTheBytesToAnyone() throws IOException {
        byte[] bytes = random(5000, 5);
        try (S3BlobStore proxied = open(s3.settings(bucket, ""));
                S3BlobStore redirected = open(s3.settings(bucket, "").withDownloads(S3Settings.Downloads.REDIRECT))) {
            proxied.put(KEY + ".metadata", new ByteArrayInputStream(bytes));
            assertThat(proxied.downloadUrl(KEY + ".metadata", Duration.ofMinutes(5))).isEmpty();
            URI url = redirected.downloadUrl(KEY + ".metadata", Duration.ofMinutes(5)).orElseThrow();
            assertThat(url.getQuery()).contains("X-Amz-Signature=");
            HttpResponse<byte[]> response = fetch(url);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo(bytes);
            assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
            HttpResponse<byte[]> range = fetch(url, "Range", "bytes=10-19");
            assertThat(range.statusCode()).isEqualTo(206);
            assertThat(range.body()).isEqualTo(Arrays.copyOfRange(bytes, 10, 20));
            // The signature covers the key.
            URI other = URI.create(url.toString().replace(".metadata?", ".metadatx?"));
            assertThat(fetch(other).statusCode()).isEqualTo(403);
        }
    }

    @Test
    void theListingHasTheBlobsUnderThePrefix() throws IOException {
        s3.client().putObject(b -> b.bucket(bucket).key("elsewhere/x"),
                software.amazon.awssdk.core.sync.RequestBody.fromString("x"));
        Instant before = Instant.now().minusSeconds(5);
        try (S3BlobStore store = open(s3.settings(bucket, "/idx"))) {
            store.put("aa/bb/one.whl", new ByteArrayInputStream(new byte[3]));
            store.put("aa/bb/one.whl.metadata", new ByteArrayInputStream(new byte[4]));
            store.put("cc/two.tar.gz", new ByteArrayInputStream(new byte[5]));
            List<StoredBlob> listed = new ArrayList<>();
            store.forEach(listed::add);
            assertThat(listed).extracting(StoredBlob::key, StoredBlob::size).containsExactlyInAnyOrder(
                    org.assertj.core.groups.Tuple.tuple("aa/bb/one.whl", 3L),
                    org.assertj.core.groups.Tuple.tuple("aa/bb/one.whl.metadata", 4L),
                    org.assertj.core.groups.Tuple.tuple("cc/two.tar.gz", 5L));
            assertThat(listed).allSatisfy(b -> assertThat(b.lastModified()).isAfter(before));
        }
    }

    @Test
    void keysThatAreNotRelativePathsAreRefused() throws IOException {
        try (S3BlobStore store = open(s3.settings(bucket, "/p"))) {
            for (String key : List.of("", "/abs", "a//b", "a/../b", "a/", "a\\b")) {
                assertThatThrownBy(() -> store.size(key)).as(key).isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("is not a relative path inside s3://" + bucket + "/p");
            }
        }
    }

    @Test
    void failuresSayWhatWhereAndWhatToDo() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        assertThatThrownBy(() -> open(s3.settings(bucket, "").withEndpoint(URI.create("http://127.0.0.1:" + closed))))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("cannot reach S3 endpoint http://127.0.0.1:" + closed + " to open the bucket of s3://"
                        + bucket + "/:");
        assertThatThrownBy(() -> open(s3.settings(bucket, "").withCredentials(S3Server.ACCESS_KEY, "wrong")))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("s3://" + bucket + "/")
                .hasMessageContaining("check the access key and secret");
        assertThatThrownBy(() -> open(s3.settings("no-such-bucket", "")))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("no bucket no-such-bucket at " + s3.endpoint() + ": create it");
        try (S3BlobStore store = open(s3.settings(bucket, ""))) {
            s3.client().deleteBucket(b -> b.bucket(bucket));
            assertThatThrownBy(() -> store.put(KEY, new ByteArrayInputStream(new byte[1])))
                    .isInstanceOf(IOException.class)
                    .hasMessageStartingWith("cannot upload s3://" + bucket + "/" + KEY + " at " + s3.endpoint() + ": 404")
                    .hasMessageContaining("create the bucket " + bucket);
        }
    }

    @Test
    void theFileStoreListsItsBlobsAndHasNoDownloadUrl() throws IOException {
        FileBlobStore files = FileBlobStore.open(temp.resolve("root"));
        files.put("aa/bb/one.whl", new ByteArrayInputStream(new byte[3]));
        files.put("cc.tar.gz", new ByteArrayInputStream(new byte[2]));
        List<StoredBlob> listed = new ArrayList<>();
        files.forEach(listed::add);
        assertThat(listed).extracting(StoredBlob::key).containsExactlyInAnyOrder("aa/bb/one.whl", "cc.tar.gz");
        assertThat(files.downloadUrl("cc.tar.gz", Duration.ofMinutes(1))).isEmpty();
    }
}

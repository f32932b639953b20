package dev.axle.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.axle.server.blob.S3Settings;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.model.S3Object;

/** The index server with its blobs in S3: uploads land in the bucket, downloads come back proxied or redirected. */
class S3ServeTest {
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

    /** Uploads a wheel through the legacy API and returns its URL on the server. */
    private static URI upload(IndexServer server, String token, Path wheel) throws Exception {
        HttpResponse<String> uploaded = Uploads.upload(server.uri().resolve("/main/"), token, wheel, "S3.Pkg", "1.0");
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(200);
        JsonNode page = Http.json(server.uri(), "/simple/s3-pkg/");
        return server.uri().resolve(page.at("/files/0/url").asText());
    }

    private String[] objects(String bucket) {
        return s3.client().listObjectsV2(b -> b.bucket(bucket)).contents().stream().map(S3Object::key)
                .toArray(String[]::new);
    }

    @Test
    void uploadsGoToTheBucketAndDownloadsComeBackThroughTheServer() throws Exception {
        String bucket = s3.createBucket();
        Path wheel = TestDists.wheel(temp.resolve("dist"), "S3.Pkg", "1.0");
        byte[] bytes = Files.readAllBytes(wheel);
        try (ServerRoot root = S3Server.serverRoot(temp.resolve("root"), s3.settings(bucket, "/axle"));
                IndexServer server = IndexServer.start(root, "127.0.0.1", 0)) {
            String token = new Tokens(root.store()).create("main", "ci");
            URI url = upload(server, token, wheel);
            String key = root.store().file("main", wheel.getFileName().toString()).orElseThrow().blobKey();
            assertThat(objects(bucket)).containsExactlyInAnyOrder("axle/" + key, "axle/" + key + ".metadata");
            assertThat(root.blobs().temporaryFolder()).isEmptyDirectory();

            HttpResponse<byte[]> download = Http.bytes(url, url.getPath());
            assertThat(download.statusCode()).isEqualTo(200);
            assertThat(download.body()).isEqualTo(bytes);
            String etag = download.headers().firstValue("ETag").orElseThrow();
            assertThat(etag).isEqualTo('"' + Published.hex("SHA-256", bytes) + '"');
            HttpResponse<byte[]> range = Http.bytes(url, url.getPath(), "Range", "bytes=100-199");
            assertThat(range.statusCode()).isEqualTo(206);
            assertThat(range.body()).isEqualTo(Arrays.copyOfRange(bytes, 100, 200));
            assertThat(Http.bytes(url, url.getPath(), "If-None-Match", etag).statusCode()).isEqualTo(304);
            assertThat(new String(Http.bytes(url, url.getPath() + ".metadata").body(), StandardCharsets.UTF_8))
                    .contains("Name: S3.Pkg");
        }
    }

    @Test
    void redirectedDownloadsGoStraightToTheBucket() throws Exception {
        String bucket = s3.createBucket();
        Path wheel = TestDists.wheel(temp.resolve("dist"), "S3.Pkg", "1.0");
        byte[] bytes = Files.readAllBytes(wheel);
        S3Settings settings = s3.settings(bucket, "").withDownloads(S3Settings.Downloads.REDIRECT);
        try (ServerRoot root = S3Server.serverRoot(temp.resolve("root"), settings);
                IndexServer server = IndexServer.start(root, "127.0.0.1", 0)) {
            String token = new Tokens(root.store()).create("main", "ci");
            URI url = upload(server, token, wheel);

            HttpResponse<byte[]> redirect = Http.bytes(url, url.getPath());
            assertThat(redirect.statusCode()).isEqualTo(302);
            URI location = URI.create(redirect.headers().firstValue("Location").orElseThrow());
            assertThat(location.getAuthority()).isEqualTo(s3.endpoint().getAuthority());
            assertThat(location.getQuery()).contains("X-Amz-Signature=");
            // Not cached for longer than the URL works, and no ETag a cache would revalidate it with.
            assertThat(redirect.headers().firstValue("Cache-Control")).contains("private, max-age=300");
            assertThat(redirect.headers().firstValue("ETag")).isEmpty();

            try (HttpClient following = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build()) {
                HttpResponse<byte[]> download = following.send(HttpRequest.newBuilder(url).build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                assertThat(download.statusCode()).isEqualTo(200);
                assertThat(download.body()).isEqualTo(bytes);
                HttpResponse<byte[]> metadata = following.send(HttpRequest.newBuilder(URI.create(url + ".metadata"))
                        .build(), HttpResponse.BodyHandlers.ofByteArray());
                assertThat(new String(metadata.body(), StandardCharsets.UTF_8)).contains("Name: S3.Pkg");
            }
            // A client holding the bytes revalidates here; HEAD is answered here too.
            String etag = '"' + Published.hex("SHA-256", bytes) + '"';
            assertThat(Http.bytes(url, url.getPath(), "If-None-Match", etag).statusCode()).isEqualTo(304);
            HttpResponse<String> head = Http.send(url, "HEAD", url.getPath(), HttpRequest.BodyPublishers.noBody());
            assertThat(head.statusCode()).isEqualTo(200);
            assertThat(head.headers().firstValueAsLong("Content-Length")).hasValue(bytes.length);
        }
    }
}

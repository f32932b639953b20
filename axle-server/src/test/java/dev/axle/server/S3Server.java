package dev.axle.server;

import dev.axle.server.blob.S3BlobStore;
import dev.axle.server.blob.S3Settings;
import dev.axle.server.store.SqlStore;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * An S3 server in the tests' JVM: s3proxy over an in-memory store, on a free loopback port,
 * checking AWS v4 signatures, with path-style and virtual-host ({@code bucket.localhost})
 * addressing. Each test makes its own
 * bucket ({@link #createBucket}); {@link #settings} reaches it.
 */
public final class S3Server implements AutoCloseable {
    public static final String ACCESS_KEY = "axle-test-access-key";
    public static final String SECRET_KEY = "axle-test-secret-key";
    public static final String REGION = "us-east-1";
    private static final AtomicInteger BUCKETS = new AtomicInteger();

    private final S3Proxy proxy;
    private final S3Client client;

    private S3Server(S3Proxy proxy, S3Client client) {
        this.proxy = proxy;
        this.client = client;
    }

    public static S3Server start() throws IOException {
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(new TransientNio2BlobStore())
                .endpoint(URI.create("http://localhost:0"))
                .awsAuthentication(AuthenticationType.AWS_V4, ACCESS_KEY, SECRET_KEY)
                .virtualHost("localhost")
                .build();
        try {
            proxy.start();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!proxy.getState().equals("STARTED")) {
                if (System.nanoTime() > deadline) {
                    throw new IOException("s3proxy did not start in 30 s: " + proxy.getState());
                }
                Thread.sleep(10);
            }
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("cannot start s3proxy: " + e.getMessage(), e);
        }
        URI endpoint = URI.create("http://localhost:" + proxy.getPort());
        S3Client client = S3Client.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .endpointOverride(endpoint)
                .region(Region.of(REGION))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                .forcePathStyle(true)
                .build();
        return new S3Server(proxy, client);
    }

    /**
     * The endpoint, {@code http://localhost:<port>}. Path-style requests go there;
     * virtual-host ones to {@code <bucket>.localhost}, which {@link LocalhostSubdomains}
     * resolves. (s3proxy takes any other host name, such as 127.0.0.1, for a bucket's.)
     */
    public URI endpoint() {
        return URI.create("http://localhost:" + proxy.getPort());
    }

    /** Creates a new empty bucket and returns its name. */
    public String createBucket() {
        String bucket = "axle-test-" + BUCKETS.incrementAndGet();
        client.createBucket(b -> b.bucket(bucket));
        return bucket;
    }

    /**
     * For benchmarks ({@code bench/serve-scale.sh}): starts s3proxy with the bucket {@code args[0]},
     * prints its endpoint on one line, and serves until killed.
     */
    public static void main(String[] args) throws Exception {
        S3Server server = start();
        String bucket = args.length > 0 ? args[0] : "bench";
        server.client.createBucket(b -> b.bucket(bucket));
        System.out.println(server.endpoint());
        System.out.flush();
        Thread.currentThread().join();
    }

    /** Settings reaching {@code s3://<bucket><path>} path-style, with the server's access key. */
    public S3Settings settings(String bucket, String path) {
        return S3Settings.parse("s3://" + bucket + path)
                .withEndpoint(endpoint())
                .withRegion(REGION)
                .withAddressing(S3Settings.Addressing.PATH_STYLE)
                .withCredentials(ACCESS_KEY, SECRET_KEY);
    }

    /**
     * A server root whose blobs are in S3 ({@code settings}), with its database and uploads in
     * progress in {@code folder}.
     */
    public static ServerRoot serverRoot(Path folder, S3Settings settings) throws IOException {
        Files.createDirectories(folder);
        S3BlobStore blobs = S3BlobStore.open(settings, folder.resolve("tmp"));
        return new ServerRoot(folder, SqlStore.sqlite(folder.resolve("index.db")), blobs);
    }

    /** An SDK client of the server (path-style), to look behind a store's back. */
    public S3Client client() {
        return client;
    }

    @Override
    public void close() throws Exception {
        client.close();
        proxy.stop();
    }
}

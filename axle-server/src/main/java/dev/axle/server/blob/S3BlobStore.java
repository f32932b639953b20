package dev.axle.server.blob;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Blobs as objects of an S3 bucket (AWS or an S3-compatible server), under a key prefix, so
 * that several servers can share them. Uploads in progress spill to a local folder first, then
 * go up in one PUT or a multipart upload; S3 shows an object only once it is complete.
 *
 * <p>Open one with {@link #open}: {@code S3BlobStore.open(S3Settings.parse("s3://bucket/prefix")
 * .withRegion("eu-west-1"), Path.of("/var/tmp/axle"))}.
 */
public final class S3BlobStore implements BlobStore {
    private final S3Connection s3;
    private final Path tmp;
    private final Clock clock;

    private S3BlobStore(S3Connection s3, Path tmp, Clock clock) {
        this.s3 = s3;
        this.tmp = tmp;
        this.clock = clock;
    }

    /**
     * Connects to the bucket of {@code settings}, checking that it is there and that the
     * credentials may use it, with uploads in progress under {@code temporaryFolder} (created).
     */
    public static S3BlobStore open(S3Settings settings, Path temporaryFolder) throws IOException {
        Files.createDirectories(temporaryFolder);
        S3Connection s3 = S3Connection.open(settings);
        try {
            s3.checkCredentials();
            try {
                s3.client.headBucket(b -> b.bucket(settings.location().bucket()));
            } catch (AwsServiceException e) {
                if (e.statusCode() == 404) {
                    throw new IOException("no bucket " + settings.location().bucket() + " at "
                            + settings.endpoint().map(Object::toString).orElse("AWS S3") + ": create it, or fix the"
                            + " location " + settings.location(), e);
                }
                throw s3.failure("open the bucket of", settings.location().keyPrefix(), e);
            } catch (SdkException e) {
                throw s3.failure("open the bucket of", settings.location().keyPrefix(), e);
            }
            return new S3BlobStore(s3, temporaryFolder, Clock.systemUTC());
        } catch (IOException | RuntimeException e) {
            s3.close();
            throw e;
        }
    }

    public S3Settings settings() {
        return s3.settings;
    }

    @Override
    public long put(String key, InputStream content) throws IOException {
        return new S3Upload(s3, s3.objectKey(key)).stream(content);
    }

    /** Uploads {@code file} to {@code key}, then deletes it. */
    @Override
    public void move(Path file, String key) throws IOException {
        new S3Upload(s3, s3.objectKey(key)).file(file);
        Files.delete(file);
    }

    @Override
    public Path temporaryFile(String suffix) throws IOException {
        return Files.createTempFile(tmp, "upload-", suffix);
    }

    @Override
    public Path temporaryFolder() {
        return tmp;
    }

    @Override
    public Optional<SeekableByteChannel> open(String key) throws IOException {
        String objectKey = s3.objectKey(key);
        return head(objectKey).map(h -> new S3ObjectChannel(s3, objectKey, h.contentLength(), h.eTag()));
    }

    @Override
    public Optional<Long> size(String key) throws IOException {
        return head(s3.objectKey(key)).map(HeadObjectResponse::contentLength);
    }

    private Optional<HeadObjectResponse> head(String objectKey) throws IOException {
        try {
            return Optional.of(s3.client.headObject(b -> b.bucket(s3.bucket()).key(objectKey)));
        } catch (AwsServiceException e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw s3.failure("look up", objectKey, e);
        } catch (SdkException e) {
            throw s3.failure("look up", objectKey, e);
        }
    }

    /**
     * Empties the local folder of uploads in progress, and aborts the multipart uploads under
     * the prefix that started longer ago than the settings' grace period (a killed server's:
     * other servers' uploads in progress are younger). Returns how many of both.
     */
    @Override
    public int sweepTemporaries() throws IOException {
        int swept = 0;
        try (Stream<Path> left = Files.list(tmp)) {
            for (Path p : (Iterable<Path>) left::iterator) {
                if (Files.deleteIfExists(p)) {
                    swept++;
                }
            }
        }
        Instant cutoff = clock.instant().minus(s3.settings.uploadGrace());
        String prefix = s3.settings.location().keyPrefix();
        try {
            for (MultipartUpload upload : s3.client.listMultipartUploadsPaginator(b -> b.bucket(s3.bucket())
                    .prefix(prefix)).uploads()) {
                // An upload whose start is not known is left alone: it may be in progress.
                if (upload.initiated() != null && !upload.initiated().isAfter(cutoff)) {
                    try {
                        s3.client.abortMultipartUpload(b -> b.bucket(s3.bucket()).key(upload.key())
                                .uploadId(upload.uploadId()));
                        swept++;
                    } catch (AwsServiceException e) {
                        if (e.statusCode() != 404) { // NoSuchUpload: another server swept it
                            throw e;
                        }
                    }
                }
            }
        } catch (SdkException e) {
            throw s3.failure("abort the stale multipart uploads under", prefix, e);
        }
        return swept;
    }

    @Override
    public boolean delete(String key) throws IOException {
        String objectKey = s3.objectKey(key);
        // S3 answers a DELETE the same whether there was an object or not.
        if (head(objectKey).isEmpty()) {
            return false;
        }
        try {
            s3.client.deleteObject(b -> b.bucket(s3.bucket()).key(objectKey));
            return true;
        } catch (SdkException e) {
            throw s3.failure("delete", objectKey, e);
        }
    }

    @Override
    public void forEach(BlobVisitor visitor) throws IOException {
        String prefix = s3.settings.location().keyPrefix();
        try {
            for (S3Object object : s3.client.listObjectsV2Paginator(b -> b.bucket(s3.bucket()).prefix(prefix))
                    .contents()) {
                visitor.visit(new StoredBlob(s3.blobKey(object.key()), object.size(), object.lastModified()));
            }
        } catch (SdkException e) {
            throw s3.failure("list", prefix, e);
        }
    }

    /** A presigned GET URL of the blob, when the settings redirect downloads; else empty. */
    @Override
    public Optional<URI> downloadUrl(String key, Duration validity) throws IOException {
        if (s3.presigner.isEmpty()) {
            return Optional.empty();
        }
        String objectKey = s3.objectKey(key);
        try {
            URI url = s3.presigner.get().presignGetObject(p -> p.signatureDuration(validity)
                    .getObjectRequest(g -> g.bucket(s3.bucket()).key(objectKey))).url().toURI();
            return Optional.of(url);
        } catch (SdkException e) {
            throw s3.failure("presign a download of", objectKey, e);
        } catch (URISyntaxException e) {
            throw new IOException("the presigned URL of " + objectKey + " is not a URI: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        s3.close();
    }

    @Override
    public String toString() {
        return "S3BlobStore[" + s3.settings.location() + "]";
    }
}

package dev.axle.server.blob;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * How to reach an {@link S3BlobStore}'s bucket. Start from {@link #parse} or {@link #of} (AWS,
 * virtual-host addressing, the SDK's default credentials chain and region, 16 MiB parts, bytes
 * proxied by the server) and change what differs with the {@code with} methods.
 *
 * @param location the bucket and key prefix
 * @param endpoint an S3-compatible server's URL (MinIO, Ceph, R2, s3proxy...), or empty for AWS
 * @param region the signing region, or empty for the SDK's default region chain (then us-east-1)
 * @param addressing how the bucket is named in requests
 * @param credentials an access key, or empty for the SDK's default credentials chain
 *     (environment, {@code ~/.aws}, web identity, container or instance role)
 * @param partSize files larger than this are uploaded in parts of this size (S3's minimum is
 *     5 MiB; more parts are used for files over 10,000 parts)
 * @param downloads who sends a blob's bytes to clients
 * @param uploadGrace multipart uploads started longer ago than this are taken for a killed
 *     server's and aborted by {@link S3BlobStore#sweepTemporaries}
 */
public record S3Settings(S3Location location, Optional<URI> endpoint, Optional<String> region, Addressing addressing,
        Optional<S3Credentials> credentials, long partSize, Downloads downloads, Duration uploadGrace) {
    public static final long MIN_PART_SIZE = 5L << 20;
    public static final long MAX_PART_SIZE = 1L << 30;
    public static final long DEFAULT_PART_SIZE = 16L << 20;
    public static final Duration DEFAULT_UPLOAD_GRACE = Duration.ofHours(1);

    /** How requests name the bucket. */
    public enum Addressing {
        /** {@code https://bucket.host/key}: AWS's default, and the only way for new AWS buckets. */
        VIRTUAL_HOST,
        /** {@code https://host/bucket/key}: what many S3-compatible servers expect. */
        PATH_STYLE
    }

    /** Who sends a blob's bytes to clients. */
    public enum Downloads {
        /** The server reads the object and sends it. */
        PROXY,
        /** The server redirects the client to a presigned GET URL of the object. */
        REDIRECT
    }

    public S3Settings {
        endpoint.ifPresent(S3Settings::checkEndpoint);
        region.ifPresent(r -> {
            if (r.isBlank()) {
                throw new IllegalArgumentException("the S3 region is empty: give one (such as us-east-1) or none");
            }
        });
        if (partSize < MIN_PART_SIZE || partSize > MAX_PART_SIZE) {
            throw new IllegalArgumentException("S3 part size " + partSize + " is out of range: give 5 MiB ("
                    + MIN_PART_SIZE + ", S3's minimum) to 1 GiB (" + MAX_PART_SIZE + ")");
        }
        if (uploadGrace.isNegative()) {
            throw new IllegalArgumentException("the S3 upload grace period " + uploadGrace + " is negative");
        }
    }

    /** The defaults for {@code location}. */
    public static S3Settings of(S3Location location) {
        return new S3Settings(location, Optional.empty(), Optional.empty(), Addressing.VIRTUAL_HOST, Optional.empty(),
                DEFAULT_PART_SIZE, Downloads.PROXY, DEFAULT_UPLOAD_GRACE);
    }

    /** The defaults for {@code s3://bucket/optional/prefix}. */
    public static S3Settings parse(String location) {
        return of(S3Location.parse(location));
    }

    public S3Settings withEndpoint(URI endpoint) {
        return new S3Settings(location, Optional.of(endpoint), region, addressing, credentials, partSize, downloads,
                uploadGrace);
    }

    public S3Settings withRegion(String region) {
        return new S3Settings(location, endpoint, Optional.of(region), addressing, credentials, partSize, downloads,
                uploadGrace);
    }

    public S3Settings withAddressing(Addressing addressing) {
        return new S3Settings(location, endpoint, region, addressing, credentials, partSize, downloads, uploadGrace);
    }

    public S3Settings withCredentials(String accessKeyId, String secretAccessKey) {
        return new S3Settings(location, endpoint, region, addressing,
                Optional.of(new S3Credentials(accessKeyId, secretAccessKey)), partSize, downloads, uploadGrace);
    }

    public S3Settings withPartSize(long partSize) {
        return new S3Settings(location, endpoint, region, addressing, credentials, partSize, downloads, uploadGrace);
    }

    public S3Settings withDownloads(Downloads downloads) {
        return new S3Settings(location, endpoint, region, addressing, credentials, partSize, downloads, uploadGrace);
    }

    public S3Settings withUploadGrace(Duration uploadGrace) {
        return new S3Settings(location, endpoint, region, addressing, credentials, partSize, downloads, uploadGrace);
    }

    private static void checkEndpoint(URI endpoint) {
        String scheme = endpoint.getScheme();
        if (scheme == null || !(scheme.equals("http") || scheme.equals("https")) || endpoint.getHost() == null) {
            throw new IllegalArgumentException("invalid S3 endpoint '" + endpoint + "': expected an http or https URL"
                    + " such as https://minio.example.com:9000");
        }
    }
}

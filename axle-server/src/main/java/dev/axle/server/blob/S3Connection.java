package dev.axle.server.blob;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * The SDK's S3 client (and presigner, for redirected downloads) for one {@link S3Settings},
 * with the errors it throws turned into {@link IOException}s that say what failed where.
 */
final class S3Connection implements AutoCloseable {
    final S3Settings settings;
    final S3Client client;
    /** Present when downloads are redirected. */
    final Optional<S3Presigner> presigner;
    private final AwsCredentialsProvider credentials;
    private final String endpoint;

    private S3Connection(S3Settings settings, S3Client client, Optional<S3Presigner> presigner,
            AwsCredentialsProvider credentials, String endpoint) {
        this.settings = settings;
        this.client = client;
        this.presigner = presigner;
        this.credentials = credentials;
        this.endpoint = endpoint;
    }

    static S3Connection open(S3Settings settings) {
        Region region = Region.of(settings.region().orElseGet(S3Connection::defaultRegion));
        AwsCredentialsProvider credentials = settings.credentials()
                .<AwsCredentialsProvider>map(c -> StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(c.accessKeyId(), c.secretAccessKey())))
                .orElseGet(() -> DefaultCredentialsProvider.builder().build());
        boolean pathStyle = settings.addressing() == S3Settings.Addressing.PATH_STYLE;
        S3ClientBuilder builder = S3Client.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(10))
                        .socketTimeout(Duration.ofMinutes(1)))
                .region(region)
                .credentialsProvider(credentials)
                .forcePathStyle(pathStyle)
                // No CRC32 headers or aws-chunked trailers, which many S3-compatible servers refuse:
                // payloads are signed over http, TLS guards them over https, and uploads were
                // checked against their sha256 before they get here.
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        settings.endpoint().ifPresent(builder::endpointOverride);
        Optional<S3Presigner> presigner = Optional.empty();
        if (settings.downloads() == S3Settings.Downloads.REDIRECT) {
            S3Presigner.Builder presigning = S3Presigner.builder()
                    .region(region)
                    .credentialsProvider(credentials)
                    .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(pathStyle).build());
            settings.endpoint().ifPresent(presigning::endpointOverride);
            presigner = Optional.of(presigning.build());
        }
        String endpoint = settings.endpoint().map(Object::toString).orElse("AWS S3 in " + region.id());
        return new S3Connection(settings, builder.build(), presigner, credentials, endpoint);
    }

    /** The region the SDK finds (system property, environment, profile, instance), else us-east-1. */
    private static String defaultRegion() {
        try {
            return new DefaultAwsRegionProviderChain().getRegion().id();
        } catch (SdkClientException e) {
            return "us-east-1";
        }
    }

    /** Fails now, with what to do, when no credentials are configured or found. */
    void checkCredentials() throws IOException {
        try {
            credentials.resolveCredentials();
        } catch (SdkException e) {
            throw new IOException("no credentials for " + settings.location() + ": give an access key and secret,"
                    + " or set up the AWS SDK's default chain (AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY,"
                    + " ~/.aws/credentials, an instance or container role): " + e.getMessage(), e);
        }
    }

    /**
     * The object key of a blob key: under the location's prefix, refusing keys that are not
     * plain relative paths (as {@link FileBlobStore} does).
     */
    String objectKey(String key) {
        for (String segment : key.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..") || key.contains("\\")) {
                throw new IllegalArgumentException("blob key '" + key + "' is not a relative path inside "
                        + settings.location());
            }
        }
        return settings.location().keyPrefix() + key;
    }

    /** The blob key of an object key under the prefix. */
    String blobKey(String objectKey) {
        return objectKey.substring(settings.location().keyPrefix().length());
    }

    String bucket() {
        return settings.location().bucket();
    }

    /** What failed ({@code action}, such as "upload"), on which object, at which endpoint, and a hint. */
    IOException failure(String action, String objectKey, SdkException e) {
        String where = "s3://" + bucket() + "/" + objectKey;
        if (e instanceof AwsServiceException service) {
            AwsErrorDetails details = service.awsErrorDetails();
            String code = details == null || details.errorCode() == null ? "" : " " + details.errorCode();
            String message = details == null || details.errorMessage() == null ? e.getMessage() : details.errorMessage();
            return new IOException("cannot " + action + " " + where + " at " + endpoint + ": " + service.statusCode()
                    + code + ": " + message + hint(service.statusCode(), code.strip()), e);
        }
        return new IOException("cannot reach S3 endpoint " + endpoint + " to " + action + " " + where + ": "
                + e.getMessage(), e);
    }

    private String hint(int status, String code) {
        if (code.equals("NoSuchBucket")) {
            return "; create the bucket " + bucket() + ", or fix the location " + settings.location();
        }
        if (status == 403 || code.equals("InvalidAccessKeyId") || code.equals("SignatureDoesNotMatch")) {
            return "; check the access key and secret (or what the AWS SDK's default chain found) and the"
                    + " bucket's policy";
        }
        if (status == 301 || code.equals("PermanentRedirect") || code.equals("AuthorizationHeaderMalformed")) {
            return "; the bucket is in another region: set its region";
        }
        if (status == 412) {
            return "; the object was replaced while it was read";
        }
        return "";
    }

    @Override
    public void close() {
        try {
            client.close();
        } finally {
            presigner.ifPresent(S3Presigner::close);
        }
    }
}

package dev.axle.server.blob;

/** An S3 access key; {@link #toString} leaves the secret out. */
public record S3Credentials(String accessKeyId, String secretAccessKey) {
    public S3Credentials {
        if (accessKeyId.isBlank() || secretAccessKey.isBlank()) {
            throw new IllegalArgumentException("an S3 access key needs both an access key id and a secret");
        }
    }

    @Override
    public String toString() {
        return "S3Credentials[accessKeyId=" + accessKeyId + ", secretAccessKey=****]";
    }
}

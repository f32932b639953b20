package dev.axle.server.blob;

import java.util.regex.Pattern;

/**
 * Where blobs live in S3: a bucket and a key prefix, written {@code s3://bucket} or
 * {@code s3://bucket/some/prefix}. A blob's object key is {@code <prefix>/<blob key>}.
 *
 * @param bucket the bucket's name
 * @param prefix the key prefix, without leading or trailing slashes; empty for the whole bucket
 */
public record S3Location(String bucket, String prefix) {
    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");

    public S3Location {
        if (!BUCKET.matcher(bucket).matches() || bucket.contains("..")) {
            throw new IllegalArgumentException("invalid S3 bucket name '" + bucket + "': a bucket name has 3 to 63"
                    + " lowercase letters, digits, dots and hyphens, and starts and ends with a letter or digit");
        }
        for (String segment : prefix.split("/", -1)) {
            if (!prefix.isEmpty() && (segment.isEmpty() || segment.equals(".") || segment.equals(".."))) {
                throw new IllegalArgumentException("invalid S3 key prefix '" + prefix + "': it has an empty, '.' or"
                        + " '..' segment; write it as a/b/c, without leading or trailing slashes");
            }
        }
    }

    /** Parses {@code s3://bucket} or {@code s3://bucket/prefix} (a trailing slash is dropped). */
    public static S3Location parse(String text) {
        if (!text.regionMatches(true, 0, "s3://", 0, 5)) {
            throw new IllegalArgumentException("invalid S3 location '" + text + "': expected s3://bucket or"
                    + " s3://bucket/prefix");
        }
        String rest = text.substring(5);
        if (rest.endsWith("/")) {
            rest = rest.substring(0, rest.length() - 1);
        }
        int slash = rest.indexOf('/');
        String bucket = slash < 0 ? rest : rest.substring(0, slash);
        String prefix = slash < 0 ? "" : rest.substring(slash + 1);
        try {
            return new S3Location(bucket, prefix);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid S3 location '" + text + "': " + e.getMessage(), e);
        }
    }

    /** What every object key of this location starts with: empty, or the prefix and a slash. */
    public String keyPrefix() {
        return prefix.isEmpty() ? "" : prefix + "/";
    }

    @Override
    public String toString() {
        return "s3://" + bucket + (prefix.isEmpty() ? "" : "/" + prefix);
    }
}

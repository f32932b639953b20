package dev.axle.mirror;

import dev.axle.server.store.IndexConfig;
import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where {@code axle mirror --dest} writes, as given: a folder (a static simple index), an S3
 * bucket and prefix ({@code s3://BUCKET/PREFIX}, the same static index) or an axle server's
 * folder and index ({@code axle:ROOT} or {@code axle:ROOT#INDEX}, index {@code main} by default).
 */
public sealed interface Destination {
    /** A static simple index in a local folder ({@code DIR} or {@code file:///DIR}). */
    record Folder(Path path) implements Destination {
        public Folder {
            Objects.requireNonNull(path, "path");
        }
    }

    /** A static simple index under {@code prefix} (no leading or trailing '/'; may be empty) in an S3 bucket. */
    record S3(String bucket, String prefix) implements Destination {
        public S3 {
            Objects.requireNonNull(bucket, "bucket");
            Objects.requireNonNull(prefix, "prefix");
        }

        @Override
        public String toString() {
            return "s3://" + bucket + "/" + prefix;
        }
    }

    /** An index of an axle server's folder ({@code axle serve --root ROOT}). */
    record AxleIndex(Path root, String index) implements Destination {
        public AxleIndex {
            Objects.requireNonNull(root, "root");
            Objects.requireNonNull(index, "index");
        }
    }

    /**
     * Reads {@code --dest}; relative folders resolve against {@code cwd}.
     *
     * @throws InvalidDestinationException for a form it does not know, or a bad bucket or index name
     */
    static Destination parse(String text, Path cwd) {
        String given = text.strip();
        if (given.isEmpty()) {
            throw invalid(text, "it is empty");
        }
        if (given.startsWith("axle:")) {
            String rest = given.substring("axle:".length());
            int hash = rest.lastIndexOf('#');
            String root = hash < 0 ? rest : rest.substring(0, hash);
            String index = hash < 0 ? "main" : rest.substring(hash + 1);
            if (root.isEmpty()) {
                throw invalid(text, "axle: needs the server's folder, as in axle:/srv/axle-index or axle:ROOT#INDEX");
            }
            try {
                IndexConfig.checkName(index);
            } catch (IllegalArgumentException e) {
                throw invalid(text, e.getMessage());
            }
            return new AxleIndex(cwd.resolve(root).toAbsolutePath().normalize(), index);
        }
        if (given.regionMatches(true, 0, "s3://", 0, 5)) {
            String rest = given.substring(5);
            int slash = rest.indexOf('/');
            String bucket = slash < 0 ? rest : rest.substring(0, slash);
            String prefix = slash < 0 ? "" : rest.substring(slash + 1).replaceAll("^/+|/+$", "");
            if (!bucket.matches("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]")) {
                throw invalid(text, "'" + bucket + "' is no S3 bucket name (3 to 63 lower-case letters, digits,"
                        + " '.' and '-')");
            }
            return new S3(bucket, prefix);
        }
        if (given.regionMatches(true, 0, "file:", 0, 5)) {
            try {
                return new Folder(Path.of(URI.create(given)));
            } catch (IllegalArgumentException e) {
                throw invalid(text, "it is no file URL (" + e.getMessage() + ")");
            }
        }
        if (given.matches("^[A-Za-z][A-Za-z0-9+.-]*://.*")) {
            throw invalid(text, "'" + given.substring(0, given.indexOf(':')) + "' destinations are not supported");
        }
        return new Folder(cwd.resolve(given).toAbsolutePath().normalize());
    }

    private static InvalidDestinationException invalid(String text, String why) {
        return new InvalidDestinationException("--dest '" + text + "': " + why + ". Give a folder (a static index),"
                + " s3://BUCKET/PREFIX, or axle:ROOT[#INDEX] (an axle server's folder and index)");
    }

    /** A {@code --dest} that names no destination axle can write. */
    final class InvalidDestinationException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        InvalidDestinationException(String message) {
            super(message);
        }
    }
}

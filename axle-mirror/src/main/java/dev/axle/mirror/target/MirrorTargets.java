package dev.axle.mirror.target;

import dev.axle.mirror.Destination;
import dev.axle.mirror.MirrorException;
import dev.axle.mirror.MirrorTarget;
import dev.axle.server.ServerConfig;
import dev.axle.server.blob.S3BlobStore;
import dev.axle.server.blob.S3Settings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;

/** The target a {@link Destination} names, opened for one sync. */
public final class MirrorTargets {
    private MirrorTargets() {}

    /**
     * Opens a folder or axle index destination.
     *
     * @throws MirrorException if the destination cannot be used (locked by another sync, a proxy
     *                         index, an S3 bucket: see {@link #open(Destination, Function)})
     */
    public static MirrorTarget open(Destination destination) throws IOException {
        if (destination instanceof Destination.S3 bucket) {
            throw new MirrorException("--dest " + bucket + ": no S3 settings given (endpoint, region, credentials)");
        }
        return open(destination, bucket -> {
            throw new IllegalStateException("not an S3 destination: " + bucket);
        });
    }

    /**
     * Opens a destination; an S3 one with the settings {@code s3} gives for its location
     * (endpoint, region, credentials: the server's {@code storage.*} settings).
     */
    public static MirrorTarget open(Destination destination, Function<Destination.S3, S3Settings> s3)
            throws IOException {
        return open(destination, s3, root -> ServerConfig.folder(root.toAbsolutePath().normalize()));
    }

    /**
     * Opens a destination; an S3 one with the settings {@code s3} gives, an axle index on the
     * server {@code server} gives for its folder (its own files and SQLite, or the PostgreSQL
     * database and S3 bucket its replicas share).
     */
    public static MirrorTarget open(Destination destination, Function<Destination.S3, S3Settings> s3,
            Function<Path, ServerConfig> server) throws IOException {
        return switch (destination) {
            case Destination.Folder folder -> new StaticTarget(FolderTree.open(folder.path()));
            case Destination.AxleIndex axle -> AxleIndexTarget.open(server.apply(axle.root()), axle.index());
            case Destination.S3 bucket -> {
                Path staging = Files.createTempDirectory("axle-mirror-s3-");
                S3BlobStore blobs;
                try {
                    blobs = S3BlobStore.open(s3.apply(bucket), staging);
                } catch (IOException | RuntimeException e) {
                    Files.deleteIfExists(staging);
                    throw e;
                }
                yield new StaticTarget(new BlobStoreTree(blobs, bucket.toString()));
            }
        };
    }
}

package dev.axle.server.http;

import dev.axle.server.blob.BlobStore;
import dev.axle.server.store.Store;

/** Placeholder until axle-dist lands. */
final class Upload {
    Upload(Store store, BlobStore blobs, Metrics metrics) {}

    void handle(Exchange x, String index) {
        x.text(501, "Not Implemented");
    }
}

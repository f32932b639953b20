package dev.axle.server.http;

import dev.axle.server.Catalog;
import dev.axle.server.proxy.Proxy;
import dev.axle.server.store.IndexConfig;
import dev.axle.server.store.StoredFile;
import java.io.IOException;
import java.util.Optional;

/**
 * Files of a proxy index: those its pages list (the catalog decides, so the allow-list and the
 * private-names rule hold for files too), kept from the upstream on first request and then
 * served from the store like any file, ranges and HEAD included.
 */
final class ProxyFiles {
    private final Catalog catalog;
    private final Proxy proxy;
    private final FileResponses files;

    ProxyFiles(Catalog catalog, Proxy proxy, FileResponses files) {
        this.catalog = catalog;
        this.proxy = proxy;
        this.files = files;
    }

    void serve(Exchange x, IndexConfig config, String project, String filename) throws IOException {
        boolean metadata = filename.endsWith(".metadata");
        String distribution = metadata ? filename.substring(0, filename.length() - ".metadata".length()) : filename;
        Optional<StoredFile> listed = catalog.project(config.name(), project).flatMap(view -> view.files().stream()
                .filter(f -> f.filename().equals(distribution) && f.index().equals(config.name())).findFirst());
        if (listed.isEmpty() || (metadata && !proxy.keepMetadata(config, listed.get()))) {
            x.text(404, "Not Found: no file '" + filename + "' of project '" + project + "' on index '"
                    + config.name() + "'");
            return;
        }
        if (metadata) {
            x.route = "metadata";
            StoredFile f = listed.get();
            files.serve(x, f.metadataBlobKey(), f.metadataSha256().orElseThrow(), "text/plain; charset=utf-8");
        } else {
            StoredFile kept = proxy.keep(config, listed.get());
            files.serve(x, kept.blobKey(), kept.sha256(), "application/octet-stream");
        }
    }
}

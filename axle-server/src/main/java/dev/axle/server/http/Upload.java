package dev.axle.server.http;

import dev.axle.dist.Distribution;
import dev.axle.dist.DistributionException;
import dev.axle.dist.DistributionKind;
import dev.axle.dist.UploadCheck;
import dev.axle.dist.UploadForm;
import dev.axle.dist.UploadRejectedException;
import dev.axle.pep.MetadataField;
import dev.axle.pep.RawMetadata;
import dev.axle.pep.Version;
import dev.axle.server.Incoming;
import dev.axle.server.Publication;
import dev.axle.server.Tokens;
import dev.axle.server.blob.BlobStore;
import dev.axle.server.store.Store;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.MultiPart;
import org.eclipse.jetty.http.MultiPartFormData;

/**
 * Warehouse's legacy upload API as twine and {@code uv publish} use it: {@code POST /{index}/}
 * (or {@code /{index}/legacy/}), multipart/form-data with {@code :action=file_upload}, the
 * metadata fields, digests and the file as the part {@code content}. The file part streams to
 * a temporary file (never whole in memory); then the archive is inspected, its metadata
 * checked against the form, and it is published (blob, then database row).
 */
final class Upload {
    /** The largest file accepted. */
    static final long MAX_FILE = 8L << 30;
    private static final long MAX_FIELDS = 16L << 20;
    /** A part larger than this, file or field, goes to a temporary file as it arrives. */
    private static final int MAX_IN_MEMORY = 64 * 1024;

    private final Tokens tokens;
    private final BlobStore blobs;
    private final Publication publication;
    private final Metrics metrics;

    Upload(Store store, BlobStore blobs, Metrics metrics) {
        this.tokens = new Tokens(store);
        this.blobs = blobs;
        this.publication = new Publication(store, blobs);
        this.metrics = metrics;
    }

    void handle(Exchange x, String index) throws IOException, InterruptedException {
        if (!Authorization.allowed(x, tokens, index)) {
            metrics.upload(index, "unauthorized");
            return;
        }
        String contentType = x.header(HttpHeader.CONTENT_TYPE);
        String boundary = contentType == null ? null : MultiPart.extractBoundary(contentType);
        if (contentType == null || !contentType.toLowerCase().startsWith("multipart/form-data") || boundary == null) {
            reject(x, index, "Bad Request: an upload is multipart/form-data (as twine sends it)");
            return;
        }
        long length = x.request.getLength();
        if (length > MAX_FILE + MAX_FIELDS) {
            x.headers().put(HttpHeader.CONNECTION, "close");
            metrics.upload(index, "rejected");
            x.text(413, "Content Too Large: uploads are limited to " + MAX_FILE + " bytes");
            return;
        }
        MultiPartFormData.Parser parser = new MultiPartFormData.Parser(boundary);
        parser.setFilesDirectory(blobs.temporaryFolder());
        // Parts over 64 KiB, fields included, stream to disk: no upload sits whole in memory.
        parser.setMaxMemoryFileSize(MAX_IN_MEMORY);
        parser.setUseFilesForPartsWithoutFileName(true);
        parser.setMaxFileSize(MAX_FILE);
        parser.setMaxLength(MAX_FILE + MAX_FIELDS);
        parser.setMaxParts(1000);
        MultiPartFormData.Parts parts;
        try {
            parts = parser.parse(x.request).get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            reject(x, index, "Bad Request: the multipart body cannot be read: " + cause.getMessage()
                    + " (files are limited to " + MAX_FILE + " bytes)");
            return;
        }
        try (parts) {
            handle(x, index, parts);
        }
    }

    private void handle(Exchange x, String index, MultiPartFormData.Parts parts) throws IOException {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        MultiPart.Part content = null;
        for (MultiPart.Part part : parts) {
            if (part.getName() == null) {
                continue;
            }
            if (part.getName().equals("content")) {
                content = part;
            } else if (part.getFileName() == null) {
                fields.computeIfAbsent(part.getName(), k -> new ArrayList<>())
                        .add(part.getContentAsString(StandardCharsets.UTF_8));
            }
        }
        UploadForm form = new UploadForm(fields);
        try {
            UploadCheck.checkForm(form);
            if (content == null || content.getFileName() == null || content.getFileName().isEmpty()) {
                throw UploadRejectedException.noContent();
            }
        } catch (UploadRejectedException e) {
            reject(x, index, e.getMessage());
            return;
        }
        String filename = content.getFileName();
        Path file = blobs.temporaryFolder().resolve("upload-" + UUID.randomUUID() + ".part");
        try {
            content.writeTo(file); // a rename when the part is already on disk
            Distribution distribution;
            try {
                distribution = Distribution.inspect(file, filename);
                UploadCheck.check(form, distribution);
            } catch (DistributionException e) {
                reject(x, index, "Invalid distribution file. " + e.getMessage());
                return;
            } catch (UploadRejectedException e) {
                reject(x, index, e.getMessage());
                return;
            }
            Publication.Outcome outcome = publication.publish(incoming(index, distribution), file);
            metrics.upload(index, outcome.name().toLowerCase());
            switch (outcome) {
                case ADDED -> x.text(200, "OK: " + filename + " is on index '" + index + "'");
                case IDENTICAL -> x.text(200, "OK: " + filename + " was already on index '" + index
                        + "' with the same contents");
                case CONFLICT -> x.text(400, "File already exists ('" + filename + "') with other contents on index '"
                        + index + "'. A filename cannot be reused: upload a new version (or a build number for a"
                        + " wheel).");
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private void reject(Exchange x, String index, String reason) {
        metrics.upload(index, "rejected");
        x.text(400, reason);
    }

    private static Incoming incoming(String index, Distribution d) {
        RawMetadata metadata = d.metadata();
        String displayName = metadata.string(MetadataField.NAME).orElse(d.name().toString());
        return new Incoming(index, d.filename(), d.kind().filetype(), displayName, d.version().toString(),
                d.metadataBytes(), d.kind() == DistributionKind.WHEEL || isStatic(metadata), d.digests().sha256(),
                d.digests().md5(), d.digests().size());
    }

    /** An sdist's PKG-INFO is served as its metadata only when PEP 643 makes it reliable: 2.2+ with nothing dynamic. */
    private static boolean isStatic(RawMetadata metadata) {
        boolean modern = metadata.string(MetadataField.METADATA_VERSION).flatMap(Version::tryParse)
                .map(v -> v.compareTo(Version.parse("2.2")) >= 0).orElse(false);
        return modern && metadata.list(MetadataField.DYNAMIC).map(List::isEmpty).orElse(true);
    }
}

package dev.axle.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.axle.pep.InvalidVersionException;
import dev.axle.pep.ProjectName;
import dev.axle.server.Publication;
import dev.axle.server.Tokens;
import dev.axle.server.blob.BlobStore;
import dev.axle.server.store.Store;
import dev.axle.server.store.StoredFile;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import org.eclipse.jetty.server.Request;

/**
 * The authenticated management API: {@code POST /{index}/api/yank|unyank|delete} with a JSON
 * body {@code {"project": ..., "version": ..., "filename": optional, "reason": optional}};
 * answers {@code {"changed": n}}, or 404 when nothing matched.
 */
final class Management {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_BODY = 64 * 1024;

    private final Store store;
    private final Tokens tokens;
    private final Publication publication;

    Management(Store store, BlobStore blobs) {
        this.store = store;
        this.tokens = new Tokens(store);
        this.publication = new Publication(store, blobs);
    }

    void handle(Exchange x, String index, List<String> action) throws IOException {
        if (action.size() != 1 || !List.of("yank", "unyank", "delete").contains(action.getFirst())) {
            x.text(404, "Not Found: the API has yank, unyank and delete");
            return;
        }
        if (!Authorization.allowed(x, tokens, index)) {
            return;
        }
        JsonNode body;
        try (InputStream in = Request.asInputStream(x.request)) {
            byte[] bytes = in.readNBytes(MAX_BODY + 1);
            if (bytes.length > MAX_BODY) {
                x.text(413, "Content Too Large: the body is limited to " + MAX_BODY + " bytes");
                return;
            }
            body = JSON.readTree(bytes);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            x.text(400, "Bad Request: the body is not JSON: " + e.getOriginalMessage());
            return;
        }
        String project = body == null ? null : body.path("project").asText(null);
        String version = body == null ? null : body.path("version").asText(null);
        if (project == null || version == null) {
            x.text(400, "Bad Request: give \"project\" and \"version\"");
            return;
        }
        Optional<String> filename = Optional.ofNullable(body.path("filename").asText(null));
        Optional<String> reason = Optional.ofNullable(body.path("reason").asText(null));
        String name = ProjectName.canonicalize(project);
        int changed;
        try {
            changed = switch (action.getFirst()) {
                case "yank" -> store.setYanked(index, name, version, filename, true, reason);
                case "unyank" -> store.setYanked(index, name, version, filename, false, Optional.empty());
                default -> {
                    List<StoredFile> deleted = publication.delete(index, name, version, filename);
                    yield deleted.size();
                }
            };
        } catch (InvalidVersionException e) {
            x.text(400, "Bad Request: " + e.getMessage());
            return;
        }
        if (changed == 0) {
            x.text(404, "Not Found: no file of " + name + " " + version + filename.map(f -> " named " + f).orElse("")
                    + " on index '" + index + "'");
            return;
        }
        x.send(200, "application/json", SimplePages.json(JSON.createObjectNode().put("changed", changed)));
    }
}

package dev.axle.mirror;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The state file's JSON: {@code {"format": 1, "upstream": ..., "filters": ..., "projects": [...]}},
 * each project {@code {"name", "display-name", "serial", "files": [{"filename", "key", "sha256",
 * "size", "metadata-sha256"?}]}}.
 */
final class StateCodec {
    static final int FORMAT = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    private StateCodec() {}

    static byte[] encode(MirrorState state) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT).put("upstream", state.upstream()).put("filters", state.filters());
        ArrayNode projects = root.putArray("projects");
        for (ProjectRecord p : state.projects().values()) {
            ObjectNode project = projects.addObject().put("name", p.name()).put("display-name", p.displayName())
                    .put("serial", p.serial());
            ArrayNode files = project.putArray("files");
            for (FileRecord f : p.files()) {
                ObjectNode file = files.addObject().put("filename", f.filename()).put("key", f.key())
                        .put("sha256", f.sha256()).put("size", f.size());
                f.metadataSha256().ifPresent(m -> file.put("metadata-sha256", m));
            }
        }
        try {
            return JSON.writeValueAsBytes(root);
        } catch (JacksonException e) {
            throw new IllegalStateException("cannot write the mirror state as JSON", e);
        }
    }

    /**
     * @param where the state file, for messages
     * @throws MirrorException if the bytes are no state file of this format
     */
    static MirrorState decode(byte[] bytes, String where) throws MirrorException {
        try {
            JsonNode root = JSON.readTree(bytes);
            if (root == null || !root.isObject() || root.path("format").asInt() != FORMAT) {
                throw unreadable(where, "not a format " + FORMAT + " state file", null);
            }
            TreeMap<String, ProjectRecord> projects = new TreeMap<>();
            for (JsonNode p : root.path("projects")) {
                List<FileRecord> files = new ArrayList<>();
                for (JsonNode f : p.path("files")) {
                    files.add(new FileRecord(text(f, "filename"), text(f, "key"), text(f, "sha256"),
                            f.path("size").asLong(-1),
                            f.hasNonNull("metadata-sha256") ? Optional.of(f.get("metadata-sha256").asText())
                                    : Optional.empty()));
                }
                ProjectRecord record = new ProjectRecord(text(p, "name"), text(p, "display-name"),
                        p.path("serial").asLong(-1), files);
                projects.put(record.name(), record);
            }
            return new MirrorState(text(root, "upstream"), text(root, "filters"), projects);
        } catch (IOException | RuntimeException e) {
            if (e instanceof MirrorException m) {
                throw m;
            }
            throw unreadable(where, e.getMessage(), e);
        }
    }

    private static String text(JsonNode node, String key) {
        JsonNode value = node.get(key);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("'" + key + "' is missing or not a string");
        }
        return value.asText();
    }

    private static MirrorException unreadable(String where, String why, Throwable cause) {
        return new MirrorException("the mirror's state file " + where + " is unreadable (" + why + "); remove it to"
                + " look at every project again (files already there are verified, not fetched again)", cause);
    }
}

package dev.axle.env;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Interpreters' answers on disk, one JSON file per executable path (named by a digest of
 * it). An entry holds the answer with what it depends on: the query script's digest, the
 * environment variables that change the answer, and {@link FileStamp}s of the executable,
 * the file it links to, the venv's {@code pyvenv.cfg} and the PEP 668 marker file. An entry
 * whose dependencies changed, or that cannot be read, is ignored and replaced.
 *
 * <p>Entries are written to a temporary file and renamed into place, so a reader sees a whole
 * entry or none; concurrent writers of the same entry write the same answer.
 */
final class InterpreterCache {
    private final Path folder;

    InterpreterCache(Path folder) {
        this.folder = folder;
    }

    /** The cached answer for {@code executable}, if it is still valid. */
    Optional<JsonNode> lookup(Path executable, Map<String, String> environment) {
        Path file = entry(executable);
        JsonNode entry;
        try {
            entry = JsonTrees.parse(Files.readAllBytes(file));
        } catch (IOException e) {
            return Optional.empty(); // absent or corrupt: queried again and rewritten
        }
        if (entry == null || !executable.toString().equals(entry.path("executable").asText())
                || !QueryScript.digest().equals(entry.path("script").asText())
                || !JsonTrees.object(environment).equals(entry.path("environment"))
                || !entry.path("answer").isObject() || !entry.path("stamps").isArray()) {
            return Optional.empty();
        }
        for (JsonNode s : entry.path("stamps")) {
            FileStamp stamp = new FileStamp(s.path("path").asText(), s.path("follow").asBoolean(),
                    s.path("state").asText());
            if (!stamp.isCurrent()) {
                return Optional.empty();
            }
        }
        return Optional.of(entry.path("answer"));
    }

    /** The stamps taken before an interpreter at {@code executable} is run. */
    static List<FileStamp> stampsBefore(Path executable) {
        List<FileStamp> stamps = new ArrayList<>();
        stamps.add(FileStamp.of(executable, false));
        stamps.add(FileStamp.of(executable, true));
        Path bin = executable.getParent();
        if (bin != null) {
            stamps.add(FileStamp.of(bin.resolve("pyvenv.cfg"), true));
            if (bin.getParent() != null) {
                stamps.add(FileStamp.of(bin.getParent().resolve("pyvenv.cfg"), true));
            }
        }
        return stamps;
    }

    /** Stores {@code answer}, made after {@code stamps} were taken; failures to write are ignored. */
    void store(Path executable, Map<String, String> environment, List<FileStamp> stamps, JsonNode answer) {
        List<FileStamp> all = new ArrayList<>(stamps);
        if (answer.path("stdlib").isTextual()) {
            all.add(FileStamp.of(Path.of(answer.path("stdlib").asText()).resolve("EXTERNALLY-MANAGED"), true));
        }
        ObjectNode entry = JsonTrees.NODES.objectNode();
        entry.put("executable", executable.toString());
        entry.put("script", QueryScript.digest());
        entry.set("environment", JsonTrees.object(environment));
        ArrayNode list = entry.putArray("stamps");
        for (FileStamp s : all) {
            list.addObject().put("path", s.path()).put("follow", s.followLinks()).put("state", s.state());
        }
        entry.set("answer", answer);
        try {
            AtomicFiles.write(entry(executable), JsonTrees.bytes(entry));
        } catch (IOException e) {
            // A cache that cannot be written (read-only, full disk) only costs a query next time.
        }
    }

    /**
     * The entry's file: named by two 64-bit FNV-1a hashes of the path (with different
     * offsets). Two paths with one name would only replace each other's entry: an entry
     * names its executable and is used for that one only.
     */
    private Path entry(Path executable) {
        byte[] bytes = executable.toString().getBytes(StandardCharsets.UTF_8);
        HexFormat hex = HexFormat.of();
        return folder.resolve(hex.toHexDigits(fnv1a(bytes, 0xcbf29ce484222325L))
                + hex.toHexDigits(fnv1a(bytes, 0x84222325cbf29ce4L)) + ".json");
    }

    private static long fnv1a(byte[] bytes, long offset) {
        long h = offset;
        for (byte b : bytes) {
            h = (h ^ (b & 0xff)) * 0x100000001b3L;
        }
        return h;
    }
}

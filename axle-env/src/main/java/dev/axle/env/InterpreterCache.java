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
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

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
                || !current(entry, environment)) {
            return Optional.empty();
        }
        return Optional.of(entry.path("answer"));
    }

    /**
     * Whether an entry's answer still holds: made by this query script, for these
     * environment variables, and every file it depends on unchanged.
     */
    private static boolean current(JsonNode entry, Map<String, String> environment) {
        if (!QueryScript.digest().equals(entry.path("script").asText())
                || !JsonTrees.object(environment).equals(entry.path("environment"))
                || !entry.path("answer").isObject() || !entry.path("stamps").isArray()) {
            return false;
        }
        for (JsonNode s : entry.path("stamps")) {
            if (!new FileStamp(s.path("path").asText(), s.path("follow").asBoolean(), s.path("state").asText())
                    .isCurrent()) {
                return false;
            }
        }
        return true;
    }

    /** Writes an entry: the answer with what it depends on, and {@code key} naming what it is for. */
    private static ObjectNode entry(String keyName, String key, Map<String, String> environment,
            List<FileStamp> stamps, JsonNode answer) {
        ObjectNode entry = JsonTrees.NODES.objectNode();
        entry.put(keyName, key);
        entry.put("script", QueryScript.digest());
        entry.set("environment", JsonTrees.object(environment));
        ArrayNode list = entry.putArray("stamps");
        for (FileStamp s : stamps) {
            list.addObject().put("path", s.path()).put("follow", s.followLinks()).put("state", s.state());
        }
        entry.set("answer", answer);
        return entry;
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
        ObjectNode entry = entry("executable", executable.toString(), environment, all, answer);
        try {
            AtomicFiles.write(entry(executable), JsonTrees.bytes(entry));
        } catch (IOException e) {
            // A cache that cannot be written (read-only, full disk) only costs a query next time.
        }
    }

    /** Where a venv's folder stands in a venv template's answer. */
    private static final String VENV_MARK = "@AXLE_VENV@";

    /**
     * The answer for a venv's interpreter the cache has not seen, made from the answer for
     * another venv of the same base interpreter and configuration: everything in a venv's
     * answer is its base interpreter's except the paths under the venv's own folder (prefix,
     * executable, scheme, site-packages). A new venv is therefore described without starting
     * Python (100 ms of a command's wall time on this machine's venvs). The template is kept
     * by the venv's {@code pyvenv.cfg} (all but {@code command} and {@code prompt}, which
     * name the venv), the executable's name and the file it resolves to, and is used only
     * while that file and the query script are unchanged.
     */
    Optional<JsonNode> lookupVenv(Path executable, Map<String, String> environment) {
        Optional<Template> template = template(executable, environment);
        if (template.isEmpty()) {
            return Optional.empty();
        }
        JsonNode entry;
        try {
            entry = JsonTrees.parse(Files.readAllBytes(template.get().file()));
        } catch (IOException e) {
            return Optional.empty();
        }
        if (entry == null || !template.get().key().equals(entry.path("key").asText()) || !current(entry, environment)) {
            return Optional.empty();
        }
        return Optional.of(rooted(entry.path("answer"), VENV_MARK, template.get().root().toString()));
    }

    /** Keeps a venv interpreter's answer as the template for other venvs like it; failures are ignored. */
    void storeVenv(Path executable, Map<String, String> environment, JsonNode answer) {
        Optional<Template> template = template(executable, environment);
        String root = template.map(t -> t.root().toString()).orElse(null);
        if (template.isEmpty() || !root.equals(answer.path("prefix").asText())
                || root.equals(answer.path("base_prefix").asText())) {
            return;
        }
        ObjectNode entry = entry("key", template.get().key(), environment,
                List.of(FileStamp.of(template.get().resolved(), true)), rooted(answer, root, VENV_MARK));
        try {
            AtomicFiles.write(template.get().file(), JsonTrees.bytes(entry));
        } catch (IOException e) {
            // only costs a query for the next new venv
        }
    }

    /** What a venv template is kept by, and the venv it is for. */
    private record Template(Path root, Path resolved, String key, Path file) {}

    private Optional<Template> template(Path executable, Map<String, String> environment) {
        Path bin = executable.getParent();
        Path root = bin == null ? null : bin.getParent();
        if (root == null) {
            return Optional.empty();
        }
        Path cfg = root.resolve("pyvenv.cfg");
        try {
            if (!Files.isRegularFile(cfg)) {
                return Optional.empty();
            }
            Path resolved = executable.toRealPath();
            StringBuilder key = new StringBuilder(executable.getFileName() + "\n" + resolved + "\n");
            TreeSet<String> lines = new TreeSet<>();
            for (String line : Files.readAllLines(cfg, StandardCharsets.UTF_8)) {
                String name = line.contains("=") ? line.substring(0, line.indexOf('=')).strip().toLowerCase(Locale.ROOT) : "";
                if (!name.isEmpty() && !name.equals("command") && !name.equals("prompt")) {
                    lines.add(name + "=" + line.substring(line.indexOf('=') + 1).strip());
                }
            }
            lines.forEach(l -> key.append(l).append('\n'));
            String text = key.toString();
            return Optional.of(new Template(root, resolved, text, folder.resolve("venv-" + name(text) + ".json")));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** {@code value} with every string that is {@code from} or a path under it re-rooted at {@code to}. */
    private static JsonNode rooted(JsonNode value, String from, String to) {
        if (value.isTextual()) {
            String s = value.asText();
            if (s.equals(from)) {
                return JsonTrees.NODES.textNode(to);
            }
            return s.startsWith(from + "/") ? JsonTrees.NODES.textNode(to + s.substring(from.length())) : value;
        }
        if (value.isArray()) {
            ArrayNode out = JsonTrees.NODES.arrayNode();
            value.forEach(v -> out.add(rooted(v, from, to)));
            return out;
        }
        if (value.isObject()) {
            ObjectNode out = JsonTrees.NODES.objectNode();
            value.properties().forEach(e -> out.set(e.getKey(), rooted(e.getValue(), from, to)));
            return out;
        }
        return value;
    }

    /**
     * The entry's file: named by two 64-bit FNV-1a hashes of the path (with different
     * offsets). Two paths with one name would only replace each other's entry: an entry
     * names its executable and is used for that one only.
     */
    private Path entry(Path executable) {
        return folder.resolve(name(executable.toString()) + ".json");
    }

    private static String name(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        HexFormat hex = HexFormat.of();
        return hex.toHexDigits(fnv1a(bytes, 0xcbf29ce484222325L)) + hex.toHexDigits(fnv1a(bytes, 0x84222325cbf29ce4L));
    }

    private static long fnv1a(byte[] bytes, long offset) {
        long h = offset;
        for (byte b : bytes) {
            h = (h ^ (b & 0xff)) * 0x100000001b3L;
        }
        return h;
    }
}

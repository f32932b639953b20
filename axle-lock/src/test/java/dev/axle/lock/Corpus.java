package dev.axle.lock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** The shared test corpora ({@code ../shared/corpora}), read in place, never copied into the repository. */
final class Corpus {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, JsonNode> CACHE = new HashMap<>();

    private Corpus() {}

    /** {@code -Daxle.corpora}, else {@code shared/corpora} beside this folder or one of its parents. */
    static Path root() {
        String configured = System.getProperty("axle.corpora");
        if (configured != null && Files.isDirectory(Path.of(configured))) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("shared/corpora");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("shared/corpora not found: set -Daxle.corpora=/path/to/shared/corpora");
    }

    static Path path(String relative) {
        Path p = root().resolve(relative);
        if (!Files.exists(p)) {
            throw new IllegalStateException("corpus file missing: " + p);
        }
        return p;
    }

    static String text(String relative) {
        try {
            return Files.readString(path(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static synchronized JsonNode json(String relative) {
        try {
            return CACHE.computeIfAbsent(relative, r -> readJson(path(r)));
        } catch (UncheckedIOException e) {
            throw e;
        }
    }

    private static JsonNode readJson(Path p) {
        try {
            return JSON.readTree(p.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The recorded cases of one upstream test in {@code raw_params.json}. */
    static java.util.List<JsonNode> list(JsonNode array) {
        java.util.List<JsonNode> out = new java.util.ArrayList<>();
        array.forEach(out::add);
        return out;
    }

    static JsonNode rawParams(String file, String test) {
        for (JsonNode t : json("pypa-packaging/raw_params.json").get(file)) {
            if (t.get("test").asText().equals(test)) {
                return t;
            }
        }
        throw new IllegalStateException("no " + test + " in raw_params.json " + file);
    }
}

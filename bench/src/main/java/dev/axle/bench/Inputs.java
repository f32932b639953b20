package dev.axle.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The real-world strings both axle and pypa/packaging are measured on: 4,989 version strings
 * and 5,836 dependency strings from resolvelib's PyPI snapshots
 * ({@code shared/corpora/resolvelib/python-index-strings.oracle.json}), and the 2,160 valid
 * markers of packaging's test suite ({@code shared/corpora/pypa-packaging/markers.json}).
 */
public final class Inputs {
    private Inputs() {}

    public static Path corpora() {
        String configured = System.getProperty("axle.corpora", System.getenv("AXLE_CORPORA"));
        if (configured != null) {
            return Path.of(configured);
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("shared/corpora"))) {
                return p.resolve("shared/corpora");
            }
        }
        throw new IllegalStateException("shared/corpora not found; pass -Daxle.corpora=DIR");
    }

    private static JsonNode json(String relative) {
        try {
            return new ObjectMapper().readTree(corpora().resolve(relative).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The valid version strings, as written on PyPI. */
    public static List<String> versions() {
        List<String> out = new ArrayList<>();
        for (JsonNode n : json("resolvelib/python-index-strings.oracle.json").get("versions")) {
            if (n.get("valid").asBoolean()) {
                out.add(n.get("input").asText());
            }
        }
        return out;
    }

    /** The valid dependency strings (PEP 508, many in the old {@code name (>=1,<2)} form). */
    public static List<String> dependencies() {
        List<String> out = new ArrayList<>();
        for (JsonNode n : json("resolvelib/python-index-strings.oracle.json").get("dependency_strings")) {
            if (n.get("valid").asBoolean()) {
                out.add(n.get("input").asText());
            }
        }
        return out;
    }

    /** The specifier part of each valid dependency string, in packaging's canonical form. */
    public static List<String> specifiers() {
        List<String> out = new ArrayList<>();
        for (JsonNode n : json("resolvelib/python-index-strings.oracle.json").get("dependency_strings")) {
            if (n.get("valid").asBoolean()) {
                out.add(n.get("specifier").asText());
            }
        }
        return out;
    }

    /** The valid PEP 508 markers of packaging's tests. */
    public static List<String> markers() {
        List<String> out = new ArrayList<>();
        JsonNode valid = json("pypa-packaging/markers.json").get("valid");
        valid.fields().forEachRemaining(e -> {
            if (e.getValue().isArray()) {
                e.getValue().forEach(m -> out.add(m.asText()));
            }
        });
        return out;
    }
}

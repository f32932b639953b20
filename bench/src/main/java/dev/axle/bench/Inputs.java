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

    /**
     * The valid PEP 508 markers of packaging's tests that evaluate without error in the
     * {@code linux_cpython312} environment (1,794 of 2,160; the rest are undefined comparisons
     * such as {@code os_name === "dog"}, which measure exception handling, not evaluation).
     */
    public static List<String> markers() {
        JsonNode m = json("pypa-packaging/markers.json");
        List<String> all = new ArrayList<>();
        for (String group : List.of("pep508", "pep345_legacy_dotted", "setuptools_legacy")) {
            m.at("/valid/" + group).forEach(s -> all.add(s.asText()));
        }
        JsonNode results = m.at("/oracle_evaluate_valid_markers/results/linux_cpython312");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            if (!results.get(i).isObject()) {
                out.add(all.get(i));
            }
        }
        return out;
    }
}

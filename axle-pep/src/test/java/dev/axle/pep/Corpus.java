package dev.axle.pep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The third-party test corpora in {@code ../shared/corpora}, read in place (never copied
 * into the repository), and a tally of how many cases each test ran, printed at the end
 * of the run by {@link CorpusSummaryListener}.
 */
public final class Corpus {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, JsonNode> CACHE = new ConcurrentHashMap<>();
    static final Map<String, LongAdder> TALLY = new ConcurrentSkipListMap<>();

    private Corpus() {}

    /** The corpora folder: {@code -Daxle.corpora}, else {@code shared/corpora} beside a parent folder. */
    public static Path root() {
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

    public static Path path(String relative) {
        Path p = root().resolve(relative);
        if (!Files.exists(p)) {
            throw new IllegalStateException("corpus file missing: " + p);
        }
        return p;
    }

    /** A corpus JSON file, parsed once per run. */
    public static JsonNode json(String relative) {
        return CACHE.computeIfAbsent(relative, r -> {
            try {
                return JSON.readTree(path(r).toFile());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    public static String text(String relative) {
        try {
            return Files.readString(path(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Records that {@code n} cases of {@code section} ran (shown in the run's summary). */
    public static void count(String section, long n) {
        TALLY.computeIfAbsent(section, k -> new LongAdder()).add(n);
    }

    /** Elements of a JSON array as a list. */
    public static List<JsonNode> list(JsonNode array) {
        if (array == null || !array.isArray()) {
            throw new IllegalStateException("expected a JSON array, got " + array);
        }
        List<JsonNode> out = new ArrayList<>(array.size());
        array.forEach(out::add);
        return out;
    }

    /** Strings of a JSON array. */
    public static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        for (Iterator<JsonNode> it = array.elements(); it.hasNext(); ) {
            JsonNode n = it.next();
            out.add(n.isNull() ? null : n.asText());
        }
        return out;
    }

    /** A nullable boolean: JSON null or absent gives null. */
    public static Boolean bool(JsonNode n) {
        return n == null || n.isNull() ? null : n.asBoolean();
    }
}

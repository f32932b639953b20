package dev.axle.resolver.scenarios.resolvelib;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where resolvelib's functional-test inputs are ({@code ../shared/corpora/resolvelib}) and how
 * they are read: JSON that may carry {@code //} comments to the end of a line, as upstream
 * ships two cocoapods indexes.
 */
final class ResolvelibCorpus {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ResolvelibCorpus() {}

    /** The corpus directory, searched upwards from the working directory (the module or the project root). */
    static Path root() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/corpora/resolvelib");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("../shared/corpora/resolvelib not found above " + Path.of("").toAbsolutePath());
    }

    static List<Path> cases(String ecosystem) {
        try (Stream<Path> files = Files.list(root().resolve(ecosystem).resolve("inputs/case"))) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode read(Path file) throws IOException {
        return JSON.readTree(withoutComments(Files.readString(file)));
    }

    /** The text without {@code //} comments; a {@code //} inside a string (a URL) is kept. */
    static String withoutComments(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean inString = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                out.append(c);
                if (c == '\\' && i + 1 < text.length()) {
                    out.append(text.charAt(++i));
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '/' && i + 1 < text.length() && text.charAt(i + 1) == '/') {
                while (i + 1 < text.length() && text.charAt(i + 1) != '\n') {
                    i++;
                }
            } else {
                inString = c == '"';
                out.append(c);
            }
        }
        return out.toString();
    }
}

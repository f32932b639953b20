package dev.axle.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A {@code .pypirc} file (the PyPA's format, an INI file read by Python's configparser): a
 * section per repository with {@code repository}, {@code username} and {@code password}. The
 * sections {@code pypi} and {@code testpypi} have their upload URLs by default, as in twine.
 */
record Pypirc(Map<String, Map<String, String>> sections) {
    /** One repository section. */
    record Repository(Optional<String> url, Optional<String> username, Optional<String> password) {}

    private static final Map<String, String> KNOWN = Map.of(
            "pypi", "https://upload.pypi.org/legacy/",
            "testpypi", "https://test.pypi.org/legacy/");

    /** The file's sections; none when it does not exist. */
    static Pypirc read(Path file) throws IOException {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), file);
        } catch (NoSuchFileException e) {
            return new Pypirc(Map.of());
        }
    }

    static Pypirc parse(String text, Path file) {
        Map<String, Map<String, String>> sections = new LinkedHashMap<>();
        Map<String, String> current = null;
        String key = null;
        int n = 0;
        for (String line : text.split("\r\n|\r|\n", -1)) {
            n++;
            String stripped = line.strip();
            if (stripped.isEmpty() || stripped.startsWith("#") || stripped.startsWith(";")) {
                continue;
            }
            if (Character.isWhitespace(line.charAt(0)) && current != null && key != null) {
                current.merge(key, stripped, (a, b) -> a.isEmpty() ? b : a + "\n" + b); // a continuation line
                continue;
            }
            if (stripped.startsWith("[") && stripped.endsWith("]")) {
                current = sections.computeIfAbsent(stripped.substring(1, stripped.length() - 1).strip(),
                        s -> new LinkedHashMap<>());
                key = null;
                continue;
            }
            int eq = firstOf(stripped, '=', ':');
            if (current == null || eq <= 0) {
                throw new UsageException(file + ":" + n + ": not a section header or key = value line: " + stripped);
            }
            key = stripped.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            current.put(key, stripped.substring(eq + 1).strip());
        }
        return new Pypirc(sections);
    }

    /** The repository section {@code name}, or empty when the file has none (pypi and testpypi always have a URL). */
    Optional<Repository> repository(String name) {
        Map<String, String> section = sections.get(name);
        if (section == null) {
            return KNOWN.containsKey(name)
                    ? Optional.of(new Repository(Optional.of(KNOWN.get(name)), Optional.empty(), Optional.empty()))
                    : Optional.empty();
        }
        return Optional.of(new Repository(
                Optional.ofNullable(section.get("repository")).or(() -> Optional.ofNullable(KNOWN.get(name))),
                Optional.ofNullable(section.get("username")),
                Optional.ofNullable(section.get("password"))));
    }

    private static int firstOf(String s, char a, char b) {
        int i = s.indexOf(a);
        int j = s.indexOf(b);
        return i < 0 ? j : j < 0 ? i : Math.min(i, j);
    }
}

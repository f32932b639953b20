package dev.axle.lock;

import static dev.axle.lock.Tables.list;
import static dev.axle.lock.Tables.sha256;
import static dev.axle.lock.Tables.table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.axle.pep.MarkerEnvironment;
import dev.axle.pep.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * axle against packaging 26.3 itself: a rich lock file and every variant of it made by
 * removing a key or replacing a value with a mistyped or invalid one. Each variant must be
 * valid for both or refused by both with the same message; for the valid ones, packaging
 * must accept the file axle writes, and both must select the same sources for three targets.
 */
class PackagingCrossCheckTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Target(Map<String, String> environment, List<String> tags, List<String> extras,
            List<String> groups) {}

    private static final List<Target> TARGETS = List.of(
            new Target(PylockSelectTest.PY312_LINUX_VALUES,
                    List.of("cp312-cp312-manylinux_2_17_x86_64", "cp312-abi3-manylinux_2_17_x86_64", "py3-none-any"),
                    List.of(), null),
            new Target(with(PylockSelectTest.PY312_LINUX_VALUES, "sys_platform", "win32", "os_name", "nt",
                    "platform_system", "Windows"), List.of("cp312-cp312-win_amd64", "py3-none-any"),
                    List.of("feat1"), List.of("docs")),
            new Target(with(PylockSelectTest.PY312_LINUX_VALUES, "python_full_version", "3.11.4", "python_version",
                    "3.11"), List.of(), List.of("feat1", "feat2"), List.of()));

    @Test
    void axle_and_packaging_agree(@TempDir Path dir) throws Exception {
        Optional<Path> python = PackagingPython.find();
        assumeTrue(python.isPresent(), "no Python with packaging >= 26.3 found (set " + PackagingPython.VARIABLE
                + " to one): the cross-check with packaging is skipped");

        List<Map<String, Object>> documents = new ArrayList<>();
        Map<String, Object> base = baseDocument();
        documents.add(base);
        variants(base, new ArrayList<>(), documents);

        List<Map<String, Object>> cases = new ArrayList<>();
        List<String> axleValidity = new ArrayList<>();
        List<List<Object>> axleSelections = new ArrayList<>();
        List<Integer> writtenIndex = new ArrayList<>();
        for (int i = 0; i < documents.size(); i++) {
            String text = anyToml(documents.get(i));
            Path raw = Files.writeString(dir.resolve("doc" + i + ".toml"), text);
            cases.add(Map.of("file", raw.toString(), "targets", List.of()));
            try {
                Pylock lock = Pylock.parse(text);
                axleValidity.add("OK");
                Path written = Files.writeString(dir.resolve("doc" + i + ".written.toml"), lock.toToml());
                cases.add(Map.of("file", written.toString(), "targets", TARGETS.stream().map(t -> {
                    Map<String, Object> m = new HashMap<>();
                    m.put("environment", t.environment());
                    m.put("tags", t.tags());
                    m.put("extras", t.extras());
                    m.put("groups", t.groups());
                    return m;
                }).toList()));
                writtenIndex.add(i);
                axleSelections.add(TARGETS.stream().map(t -> axleSelection(lock, t)).toList());
            } catch (PylockUnsupportedVersionException e) {
                axleValidity.add("unsupported: " + e.getMessage());
            } catch (PylockValidationException e) {
                axleValidity.add("invalid: " + e.getMessage());
            }
        }

        JsonNode answers = packagingAnswers(python.get(), dir, cases);
        int k = 0;
        int valid = 0;
        int agreedSelections = 0;
        for (int i = 0; i < documents.size(); i++) {
            String doc = anyToml(documents.get(i));
            assertThat(answers.get(k++).get("validity").asText()).as("validity of\n%s", doc)
                    .isEqualTo(axleValidity.get(i));
            if (axleValidity.get(i).equals("OK")) {
                JsonNode written = answers.get(k++);
                assertThat(written.get("validity").asText()).as("axle's text of\n%s", doc).isEqualTo("OK");
                List<Object> ours = axleSelections.get(valid++);
                boolean emptyEnvironments = documents.get(i).get("environments") instanceof List<?> l && l.isEmpty();
                for (int t = 0; t < TARGETS.size(); t++) {
                    JsonNode theirs = written.get("selections").get(t);
                    if (emptyEnvironments) {
                        // packaging 26.3 ignores an empty environments list; the specification (and
                        // packaging after 26.3) refuses every target, as axle does.
                        assertThat(ours.get(t)).asString().contains("does not satisfy any of the environments");
                        continue;
                    }
                    Object expected = theirs.isArray() ? Corpus.list(theirs).stream().map(JsonNode::asText).toList()
                            : theirs.asText();
                    assertThat(ours.get(t)).as("target %d for\n%s", t, doc).isEqualTo(expected);
                    agreedSelections++;
                }
            }
        }
        assertThat(documents.size()).isGreaterThan(300);
        assertThat(valid).isGreaterThan(50);
        assertThat(agreedSelections).isGreaterThan(150);
        System.out.printf("packaging cross-check: %d documents, %d valid, %d selections agreed%n", documents.size(),
                valid, agreedSelections);
    }

    private static Object axleSelection(Pylock lock, Target t) {
        try {
            MarkerEnvironment env = MarkerEnvironment.of(t.environment());
            List<Tag> tags = t.tags().stream().map(s -> s.split("-")).map(p -> new Tag(p[0], p[1], p[2])).toList();
            return lock.select(env, tags, t.extras(), Optional.ofNullable(t.groups()), name -> false).stream()
                    .map(s -> s.entry().name() + " " + describe(s.source())).toList();
        } catch (PylockSelectException e) {
            return "PylockSelectError: " + e.getMessage();
        }
    }

    private static String describe(PackageSource source) {
        String kind = source.getClass().getSimpleName();
        return kind + ":" + switch (source) {
            case PackageWheel w -> w.filename();
            case PackageSdist s -> s.filename();
            case PackageVcs v -> v.commitId();
            case PackageDirectory d -> d.path();
            case PackageArchive a -> a.path().or(a::url).orElseThrow();
        };
    }

    private static JsonNode packagingAnswers(Path python, Path dir, List<Map<String, Object>> cases)
            throws IOException, InterruptedException {
        Path script = dir.resolve("packaging_crosscheck.py");
        try (InputStream in = PackagingCrossCheckTest.class.getResourceAsStream("packaging_crosscheck.py")) {
            Files.write(script, in.readAllBytes());
        }
        Path input = dir.resolve("cases.json");
        JSON.writeValue(input.toFile(), cases);
        Path output = dir.resolve("answers.json");
        Process p = new ProcessBuilder(python.toString(), script.toString(), input.toString())
                .redirectOutput(output.toFile()).redirectError(ProcessBuilder.Redirect.PIPE).start();
        String stderr = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(stderr).isZero();
        return JSON.readTree(output.toFile());
    }

    /** A lock using every part of the format, with entries that select differently per target. */
    static Map<String, Object> baseDocument() {
        String linuxWheel = "numpy-2.2.3-cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64.whl";
        return table("lock-version", "1.0",
                "environments", list("sys_platform == \"linux\"", "sys_platform == \"win32\""),
                "requires-python", ">=3.11",
                "extras", list("feat1", "feat2"),
                "dependency-groups", list("dev", "docs"),
                "default-groups", list("dev"),
                "created-by", "axle",
                "packages", list(
                        table("name", "numpy", "version", "2.2.3", "requires-python", ">=3.10",
                                "dependencies", list(table("name", "attrs")),
                                "index", "https://pypi.org/simple",
                                "sdist", table("url", "https://files.example/numpy-2.2.3.tar.gz",
                                        "upload-time", OffsetDateTime.of(2025, 2, 13, 16, 51, 21, 821880000,
                                                ZoneOffset.UTC), "size", 20000L, "hashes", sha256("aa")),
                                "wheels", list(
                                        table("name", linuxWheel, "url", "https://files.example/" + linuxWheel,
                                                "size", 16116679L, "hashes", sha256("bb")),
                                        table("url", "https://files.example/numpy-2.2.3-cp312-cp312-win_amd64.whl",
                                                "upload-time", LocalDateTime.of(2025, 2, 13, 16, 51),
                                                "hashes", table("sha256", "cc", "md5", "dd"))),
                                "attestation-identities", list(table("kind", "GitHub", "repository", "numpy/numpy")),
                                "tool", table("axle", table("note", "x", "n", 1L))),
                        table("name", "attrs", "version", "25.1.0",
                                "wheels", list(table("path", "wheels/attrs-25.1.0-py3-none-any.whl",
                                        "hashes", sha256("ee")))),
                        table("name", "tomli", "version", "2.0.1", "marker", "python_version < \"3.12\"",
                                "sdist", table("path", "./tomli-2.0.1.tar.gz", "hashes", sha256("ff"))),
                        table("name", "pywin32", "marker", "sys_platform == \"win32\" and 'dev' in dependency_groups",
                                "archive", table("url", "https://files.example/pywin32.zip", "size", 10L,
                                        "hashes", sha256("01"), "subdirectory", "src")),
                        table("name", "docs-theme", "marker", "'docs' in dependency_groups",
                                "vcs", table("type", "git", "url", "https://git.example/theme.git",
                                        "requested-revision", "main", "commit-id", "0123abcd")),
                        table("name", "feature", "marker", "'feat1' in extras or 'feat2' in extras",
                                "directory", table("path", "./feature", "editable", true))),
                "tool", table("axle", table("command", list("lock", "-r", "requirements.txt"))));
    }

    private static final List<Object> REPLACEMENTS = List.of(1L, true, "x", "2.0", "Foo", list(), table());

    /** Every document made from {@code node}'s document by one removal or replacement at or under {@code path}. */
    private static void variants(Object node, List<Object> path, List<Map<String, Object>> out) {
        if (node instanceof Map<?, ?> map) {
            for (Object key : map.keySet()) {
                List<Object> at = new ArrayList<>(path);
                at.add(key);
                out.add(edit(baseDocument(), at, null));
                for (Object r : REPLACEMENTS) {
                    out.add(edit(baseDocument(), at, r));
                }
                variants(map.get(key), at, out);
            }
        } else if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                List<Object> at = new ArrayList<>(path);
                at.add(i);
                for (Object r : REPLACEMENTS) {
                    out.add(edit(baseDocument(), at, r));
                }
                variants(list.get(i), at, out);
            }
        }
    }

    /** {@code doc} with the value at {@code path} replaced, or removed when {@code value} is null. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> edit(Map<String, Object> doc, List<Object> path, Object value) {
        Object parent = doc;
        for (int i = 0; i < path.size() - 1; i++) {
            parent = parent instanceof Map<?, ?> m ? m.get(path.get(i)) : ((List<?>) parent).get((Integer) path.get(i));
        }
        Object last = path.get(path.size() - 1);
        if (parent instanceof Map<?, ?> m) {
            if (value == null) {
                ((Map<String, Object>) m).remove(last);
            } else {
                ((Map<String, Object>) m).put((String) last, value);
            }
        } else {
            ((List<Object>) parent).set((Integer) last, value);
        }
        return doc;
    }

    /** Any document as TOML, every top-level value on one line. */
    static String anyToml(Map<String, Object> doc) {
        StringBuilder b = new StringBuilder();
        doc.forEach((k, v) -> b.append(TomlText.key(k)).append(" = ").append(TomlText.inline(v)).append('\n'));
        return b.toString();
    }

    private static Map<String, String> with(Map<String, String> base, String... keysAndValues) {
        Map<String, String> m = new LinkedHashMap<>(base);
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }
}

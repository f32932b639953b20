package dev.axle.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every pylock document of the corpora: the specification's examples, pip's test lock files
 * and the documents in uv's tests. Valid ones parse and survive a round trip through the
 * writer; invalid ones are refused with packaging 26.3's message.
 */
class PylockCorpusTest {

    /** pip's lock files that packaging refuses (the others, invalid hashes included, are valid documents). */
    private static final Map<String, String> PIP_INVALID = Map.of(
            "pylock.invalid.toml", "Missing required value in 'lock-version'");

    /** uv's documents that packaging refuses, by index in the corpus file. */
    private static final Map<Integer, String> UV_INVALID = Map.of(
            0, "At least one hash must be provided in 'packages[9].wheels[0].hashes'",
            56, "None of vcs, directory, archive must be set if sdist or wheels are set in 'packages[0]'",
            58, "pylock version 2.0 is not supported",
            65, "Missing required value in 'packages'");

    @Test
    void specification_examples_parse_and_round_trip() {
        for (String file : List.of("pypa-packaging/pylock.spec-example.toml",
                "specs/packaging.python.org/pylock.example.toml", "specs/peps/pep-0751.example-1.line864.toml")) {
            roundTrips(Pylock.parse(Corpus.text(file)));
        }
        // The PEP's second block is a fragment from its discussion (wheels keyed by file name), not a lock file.
        assertThatThrownBy(() -> Pylock.parse(Corpus.text("specs/peps/pep-0751.example-2.line1390.toml")))
                .hasMessage("Missing required value in 'lock-version'");
    }

    @Test
    void pip_lock_files() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(Corpus.path("pip/lockfiles"))) {
            files = s.filter(p -> p.toString().endsWith(".toml")).sorted().toList();
        }
        assertThat(files).hasSize(13);
        int valid = 0;
        for (Path f : files) {
            String name = f.getFileName().toString();
            if (PIP_INVALID.containsKey(name)) {
                assertThatThrownBy(() -> Pylock.read(f)).as(name).isInstanceOf(PylockValidationException.class)
                        .hasMessage(PIP_INVALID.get(name));
            } else {
                roundTrips(Pylock.read(f));
                valid++;
            }
        }
        assertThat(valid).isEqualTo(12);
    }

    @Test
    void uv_documents() {
        List<JsonNode> docs = Corpus.list(Corpus.json("uv/pylock-literals-from-uv-tests.json"));
        assertThat(docs).hasSize(73);
        int valid = 0;
        int refused = 0;
        int notDocuments = 0;
        for (int i = 0; i < docs.size(); i++) {
            String text = docs.get(i).get("text").asText();
            if (text.startsWith("exit_code") && !text.contains("----- stdout -----")) {
                notDocuments++; // an error snapshot: uv's stderr only
                continue;
            }
            String toml = uvDocument(text);
            if (UV_INVALID.containsKey(i)) {
                int index = i;
                assertThatThrownBy(() -> Pylock.parse(toml)).as("uv[%d]", i)
                        .isInstanceOf(PylockValidationException.class).hasMessage(UV_INVALID.get(index));
                refused++;
            } else {
                roundTrips(Pylock.parse(toml));
                valid++;
            }
        }
        assertThat(List.of(valid, refused, notDocuments)).isEqualTo(List.of(68, 4, 1));
    }

    /**
     * uv's own exports come out of axle's writer exactly as uv wrote them, but for markers:
     * axle writes packaging's normalized form ({@code "win32"}), uv its own ({@code 'win32'}).
     */
    @Test
    void writer_matches_uv_exports() {
        List<JsonNode> docs = Corpus.list(Corpus.json("uv/pylock-literals-from-uv-tests.json"));
        Map<Integer, String> differing = new TreeMap<>();
        int same = 0;
        for (int i = 0; i < docs.size(); i++) {
            String text = docs.get(i).get("text").asText();
            if (!text.contains("----- stdout -----") || UV_INVALID.containsKey(i)) {
                continue;
            }
            String uv = uvDocument(text).replaceAll("(?m)^#.*\n", "").strip() + "\n";
            String axle = Pylock.parse(uv).toToml();
            if (axle.equals(uv)) {
                same++;
            } else {
                differing.put(i, firstDifference(uv, axle));
            }
        }
        assertThat(same).isEqualTo(45);
        assertThat(differing).containsOnlyKeys(5, 45);
        assertThat(differing.values()).allSatisfy(d -> assertThat(d).contains("uv:   marker = \"sys_platform == 'win32'\"")
                .contains("axle: marker = \"sys_platform == \\\"win32\\\"\""));
    }

    private static String firstDifference(String a, String b) {
        String[] x = a.split("\n", -1);
        String[] y = b.split("\n", -1);
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            if (!x[i].equals(y[i])) {
                return "line " + (i + 1) + ":\n  uv:   " + x[i] + "\n  axle: " + y[i];
            }
        }
        return "length " + x.length + " vs " + y.length;
    }

    private static final Pattern URL_PLACEHOLDER = Pattern.compile("\\{(\\w+)_url\\}");

    /**
     * The TOML of one corpus entry: a snapshot's stdout, with uv's snapshot filter for patch
     * versions ({@code 3.12.[X]}) undone; a Rust format string's doubled braces undone and its
     * URL placeholders filled.
     */
    static String uvDocument(String text) {
        String toml = text;
        if (toml.contains("----- stdout -----\n")) {
            toml = toml.substring(toml.indexOf("----- stdout -----\n") + "----- stdout -----\n".length());
            int stderr = toml.indexOf("\n----- stderr -----");
            toml = stderr < 0 ? toml : toml.substring(0, stderr + 1);
        }
        if (toml.contains("{{")) {
            Matcher m = URL_PLACEHOLDER.matcher(toml);
            toml = m.replaceAll(r -> "https://example.com/files/a-1.0.0"
                    + (r.group(1).equals("wheel") ? "-py3-none-any.whl" : ".tar.gz"));
            toml = toml.replace("{{", "{").replace("}}", "}");
        }
        return toml.replace(".[X]", ".0");
    }

    /** The writer's text parses back to the same model, and writing that again gives the same bytes. */
    static void roundTrips(Pylock lock) {
        String written = lock.toToml();
        Pylock again = Pylock.parse(written);
        assertThat(again).as(written).isEqualTo(lock);
        assertThat(again.toToml()).isEqualTo(written);
        assertThat(again.toMap()).isEqualTo(lock.toMap());
    }

}

package dev.axle.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Parsed project pages kept beside the HTTP cache: read back equal, and only for the same body. */
class ParsedPagesTest {
    @TempDir
    Path cache;

    private static final URI BASE = URI.create("https://index.example/simple/demo/");

    /** A PEP 691 page using every field a file can carry. */
    private static final String JSON = """
            {"meta": {"api-version": "1.1"}, "name": "Demo", "versions": ["1.0", "2.0rc1"],
             "files": [
               {"filename": "demo-1.0-py3-none-any.whl", "url": "../../files/demo-1.0-py3-none-any.whl",
                "hashes": {"sha256": "aa", "md5": "bb"}, "requires-python": ">=3.9",
                "core-metadata": {"sha256": "cc"}, "gpg-sig": false, "size": 1234,
                "upload-time": "2024-05-06T07:08:09.123456Z"},
               {"filename": "demo-2.0rc1.tar.gz", "url": "https://files.example/demo-2.0rc1.tar.gz?x=1",
                "hashes": {}, "yanked": "broken build", "core-metadata": false, "size": 99},
               {"filename": "demo-0.9.tar.gz", "url": "https://files.example/demo-0.9.tar.gz",
                "hashes": {"sha256": "dd"}, "yanked": true}
             ]}
            """;

    private static ProjectPage parse(byte[] body) throws IOException {
        return SimpleApi.parseProjectPage(SimpleApi.JSON_V1, body, BASE);
    }

    @Test
    void aPageIsParsedOnceAndReadBackEqual() throws IOException {
        byte[] body = JSON.getBytes(StandardCharsets.UTF_8);
        ParsedPages pages = new ParsedPages(cache);
        AtomicInteger parses = new AtomicInteger();
        ParsedPages.Parse counting = () -> {
            parses.incrementAndGet();
            return parse(body);
        };

        ProjectPage first = pages.page(BASE, SimpleApi.JSON_V1, body, counting);
        ProjectPage again = new ParsedPages(cache).page(BASE, SimpleApi.JSON_V1, body, counting);

        assertThat(parses).hasValue(1);
        assertThat(again).isEqualTo(first).isEqualTo(parse(body));
        assertThat(again.files()).hasSize(3);
        assertThat(again.files().get(1).yanked().reason()).contains("broken build");
        assertThat(again.files().get(0).uploadTime()).isPresent();
    }

    @Test
    void aChangedBodyOrContentTypeOrUrlIsParsedAgain() throws IOException {
        byte[] body = JSON.getBytes(StandardCharsets.UTF_8);
        byte[] changed = JSON.replace("\"size\": 1234", "\"size\": 1235").getBytes(StandardCharsets.UTF_8);
        assertThat(changed).hasSameSizeAs(body);
        ParsedPages pages = new ParsedPages(cache);
        pages.page(BASE, SimpleApi.JSON_V1, body, () -> parse(body));

        ProjectPage reparsed = pages.page(BASE, SimpleApi.JSON_V1, changed, () -> parse(changed));
        assertThat(reparsed.files().get(0).size()).contains(1235L);

        AtomicInteger parses = new AtomicInteger();
        pages.page(BASE, "application/vnd.pypi.simple.latest+json", changed, () -> {
            parses.incrementAndGet();
            return parse(changed);
        });
        pages.page(URI.create("https://other.example/simple/demo/"), SimpleApi.JSON_V1, changed, () -> {
            parses.incrementAndGet();
            return parse(changed);
        });
        assertThat(parses).hasValue(2);
    }

    @Test
    void aDamagedEntryIsReplaced() throws IOException {
        byte[] body = JSON.getBytes(StandardCharsets.UTF_8);
        ParsedPages pages = new ParsedPages(cache);
        pages.page(BASE, SimpleApi.JSON_V1, body, () -> parse(body));
        Path entry;
        try (Stream<Path> files = Files.walk(cache.resolve("pages-v1"))) {
            entry = files.filter(Files::isRegularFile).findFirst().orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(entry);
        Files.write(entry, java.util.Arrays.copyOf(bytes, bytes.length - 7));

        AtomicInteger parses = new AtomicInteger();
        ProjectPage page = pages.page(BASE, SimpleApi.JSON_V1, body, () -> {
            parses.incrementAndGet();
            return parse(body);
        });
        assertThat(parses).hasValue(1);
        assertThat(page).isEqualTo(parse(body));
        assertThat(new ParsedPages(cache).page(BASE, SimpleApi.JSON_V1, body, () -> {
            throw new AssertionError("parsed again");
        })).isEqualTo(page);
    }
}

package dev.axle.resolver.requirements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** -r and -c, relative to the including file; cycles; URLs and readers; decoding. */
class RequirementsNestingTest {
    @TempDir
    Path folder;

    @Test
    void includesAreFoundFromTheIncludingFilesFolder() {
        RequirementsFiles files = new RequirementsFiles(folder);
        files.write("reqs/base/common.txt", "-c ../../constraints/pins.txt\ncommon\n./wheels/w-1.0-py3-none-any.whl\n");
        files.write("constraints/pins.txt", "common==1.0\n-r ../reqs/extra.txt\n");
        files.write("reqs/extra.txt", "extra\n");
        Path top = files.write("requirements.txt", "first\n-r reqs/base/common.txt\n--requirement=reqs/extra.txt\nlast\n");

        ParsedRequirements parsed = files.parse(top);

        assertThat(parsed.entries()).extracting(e -> e.name().orElseThrow() + (e.constraint() ? " (constraint)" : ""))
                .containsExactly("first", "common (constraint)", "extra", "common", "w",
                        "extra", "last");
        assertThat(parsed.requirements()).extracting(e -> e.name().orElseThrow())
                .containsExactly("first", "extra", "common", "w", "extra", "last");
        assertThat(parsed.constraints()).singleElement().satisfies(c -> {
            assertThat(c.specifier().toString()).isEqualTo("==1.0");
            assertThat(c.origin()).isEqualTo(new Origin(Location.of(folder.resolve("reqs/base/../../constraints/pins.txt")), 1));
        });
        assertThat(parsed.requirements().get(3).reference().orElseThrow().path())
                .contains(folder.resolve("reqs/base/wheels/w-1.0-py3-none-any.whl"));
        assertThat(parsed.files()).extracting(Location::toString).containsExactly(
                top.toString(),
                folder.resolve("reqs/base/common.txt").toString(),
                folder.resolve("reqs/base/../../constraints/pins.txt").toString(),
                folder.resolve("reqs/base/../../constraints/../reqs/extra.txt").toString());
    }

    @Test
    void aFileIncludingItselfIsACycle() {
        RequirementsFiles files = new RequirementsFiles(folder);
        Path self = files.write("requirements.txt", "a\n-r ./requirements.txt\n");
        assertThatThrownBy(() -> files.parse(self))
                .isInstanceOf(RequirementsFileException.class)
                .hasMessageStartingWith(self + ":2: includes " + folder.resolve("./requirements.txt")
                        + ", which is already being read (" + self + " -> ");
    }

    @Test
    void anIndirectCycleIsFoundWhereItCloses() {
        RequirementsFiles files = new RequirementsFiles(folder);
        files.write("a.txt", "-r sub/b.txt\n");
        files.write("sub/b.txt", "x\n\n-c ../a.txt\n");
        assertThatThrownBy(() -> files.parse(folder.resolve("a.txt")))
                .hasMessageStartingWith(folder.resolve("sub/b.txt") + ":3: includes " + folder.resolve("sub/../a.txt"))
                .hasMessageContaining(folder.resolve("a.txt") + " -> " + folder.resolve("sub/b.txt") + " -> ");
    }

    @Test
    void theSameFileTwiceIsNoCycle() {
        RequirementsFiles files = new RequirementsFiles(folder);
        files.write("common.txt", "six\n");
        ParsedRequirements parsed = files.parse("requirements.txt", "-r common.txt\n-r common.txt\n");
        assertThat(parsed.entries()).hasSize(2);
        assertThat(parsed.files()).hasSize(2);
    }

    @Test
    void aMissingIncludeNamesTheLineThatIncludesIt() {
        RequirementsFiles files = new RequirementsFiles(folder);
        Path top = files.write("requirements.txt", "six\n-r missing.txt\n");
        assertThatThrownBy(() -> files.parse(top))
                .hasMessageStartingWith(top + ":2: cannot read " + folder.resolve("missing.txt"));
        Path absent = folder.resolve("absent.txt");
        assertThatThrownBy(() -> files.parse(absent)).hasMessageStartingWith(absent + ": cannot read " + absent);
    }

    @Test
    void urlsAreReadOnlyByAReaderThatFetchesThem() {
        RequirementsFiles files = new RequirementsFiles(folder);
        Path top = files.write("requirements.txt", "-r https://example.org/reqs/base.txt\n");
        assertThatThrownBy(() -> files.parse(top))
                .hasMessageStartingWith(top + ":1: cannot read https://example.org/reqs/base.txt:"
                        + " https://example.org/reqs/base.txt is a URL, and this reader reads local files only");

        Map<String, String> web = Map.of(
                "https://example.org/reqs/base.txt", "-c ../pins/c.txt\nflask\n",
                "https://example.org/pins/c.txt", "flask<3\n");
        RequirementsReader reader = location -> location instanceof Location.Url(String url)
                ? web.get(url) : RequirementsReader.localFiles().read(location);
        ParsedRequirements parsed = new RequirementsParser(reader, Map.of()).parseRequirements(Location.of(top));
        assertThat(parsed.files()).extracting(Location::toString).containsExactly(top.toString(),
                "https://example.org/reqs/base.txt", "https://example.org/pins/c.txt");
        assertThat(parsed.constraints()).singleElement()
                .satisfies(c -> assertThat(c.origin().toString()).isEqualTo("https://example.org/pins/c.txt:1"));
    }

    @Test
    void relativePathsInAFileFromAUrlAreRefused() {
        RequirementsReader reader = location -> "./dist/x-1.0-py3-none-any.whl\n";
        RequirementsParser parser = new RequirementsParser(reader, Map.of());
        assertThatThrownBy(() -> parser.parseRequirements(Location.of("https://example.org/r.txt")))
                .hasMessageStartingWith("https://example.org/r.txt:1: relative path ./dist/x-1.0-py3-none-any.whl"
                        + " in a requirements file read from a URL");
    }

    @Test
    void anIncludeThatIsNoPathOrUrlIsAnError() {
        assertThatThrownBy(() -> new RequirementsFiles(folder).parse("requirements.txt", "six\n-r file:relative.txt\n"))
                .hasMessageContaining("requirements.txt:2: not a valid path or URL: file:relative.txt");
    }

    @Test
    void aReaderWithNoTextForALocation() {
        RequirementsParser parser = new RequirementsParser(location -> null, Map.of());
        assertThatThrownBy(() -> parser.parseRequirements(Location.of("https://example.org/r.txt")))
                .hasMessage("https://example.org/r.txt: cannot read https://example.org/r.txt: the reader has no text for it");
    }

    @Test
    void fileUrlsAreLocalFiles() {
        RequirementsFiles files = new RequirementsFiles(folder);
        files.write("other.txt", "six\n");
        ParsedRequirements parsed = files.parse("requirements.txt", "-r " + folder.resolve("other.txt").toUri() + "\n");
        assertThat(parsed.files().get(1)).isEqualTo(Location.of(folder.resolve("other.txt")));
    }

    @Test
    void severalFilesOnOneCommandLine() {
        RequirementsFiles files = new RequirementsFiles(folder);
        RequirementsParser parser = new RequirementsParser(RequirementsReader.localFiles(), Map.of());
        ParsedRequirements both = parser.parseRequirements(Location.of(files.write("r.txt", "--pre\nsix\n")))
                .and(parser.parseConstraints(Location.of(files.write("c.txt", "six<2\n"))));
        assertThat(both.requirements()).hasSize(1);
        assertThat(both.constraints()).hasSize(1);
        assertThat(both.pre()).isTrue();
        assertThat(both.files()).hasSize(2);
    }

    @Test
    void decodingFollowsByteOrderMarksAndCodingComments() throws IOException {
        Path utf8 = folder.resolve("utf8.txt");
        Files.write(utf8, concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, "six\n".getBytes(StandardCharsets.UTF_8)));
        Path utf16 = folder.resolve("utf16.txt");
        Files.write(utf16, concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, "six\n".getBytes(StandardCharsets.UTF_16LE)));
        Path latin1 = folder.resolve("latin1.txt");
        Files.write(latin1, "# -*- coding: latin-1 -*-\nsix ; platform_release == 'caf\u00e9'\n".getBytes(Charset.forName("ISO-8859-1")));
        RequirementsFiles files = new RequirementsFiles(folder);
        assertThat(files.parse(utf8).entries()).extracting(e -> e.name().orElseThrow()).containsExactly("six");
        assertThat(files.parse(utf16).entries()).extracting(e -> e.name().orElseThrow()).containsExactly("six");
        assertThat(files.parse(latin1).entries().getFirst().marker().orElseThrow().toString()).contains("caf\u00e9");

        Path notUtf8 = folder.resolve("bad.txt");
        Files.write(notUtf8, new byte[] {'s', 'i', 'x', (byte) 0xE9, '\n'});
        assertThatThrownBy(() -> files.parse(notUtf8)).hasMessageStartingWith(notUtf8 + ": cannot read " + notUtf8);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    @Test
    void listsAreImmutable() {
        ParsedRequirements parsed = new RequirementsFiles(folder).parse("r.txt", "six\n");
        assertThatThrownBy(() -> parsed.entries().add(parsed.entries().getFirst()))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> parsed.entries().getFirst().extras().add("x"))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}

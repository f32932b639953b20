package dev.axle.pep.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.axle.pep.Corpus;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * RECORD files. Expected texts were written with Python's {@code csv.writer(...,
 * lineterminator="\n")} and digests computed with {@code hashlib} and
 * {@code base64.urlsafe_b64encode(...).rstrip("=")}.
 */
class RecordTest {
    private static final byte[] HELLO = "hello".getBytes(StandardCharsets.US_ASCII);

    /** Rows with every kind of quoting, as Python's csv module writes them. */
    private static final String PYTHON_WRITTEN = "demo/__init__.py,sha256=yvAm8l1xQCCfmAcmBTB6Q4kUuc5vPBSyPRXZZnJB3lI,12\n"
            + "\"demo/a,b.py\",sha256=47DEQpj8HBSa-_TImW-5JCeuQeRkm5NMpJWZG3hSuFU,0\n"
            + "\"demo/say \"\"hi\"\".txt\",sha256=j0NDRmSPa5bfid2pAcUXaxCm2Dlh3TwayItZstwyeqQ,2\n"
            + "\"demo/line\nbreak.txt\",sha256=LXEWQrcmsEQBYnyp-6wy9chTD7GQPMTbAiWHF5IaSIE,1\n"
            + "demo/caf\u00e9.txt,sha256=hQ99xDkQ_4kPiHnA7Sb-aXyToGetk6fVD0ZqcCipv04,5\n"
            + "demo-1.0.dist-info/RECORD,,\n";

    private static List<RecordEntry> pythonWrittenEntries() {
        return List.of(
                RecordEntry.of("demo/__init__.py", "print('hi')\n".getBytes(StandardCharsets.UTF_8)),
                RecordEntry.of("demo/a,b.py", new byte[0]),
                RecordEntry.of("demo/say \"hi\".txt", "hi".getBytes(StandardCharsets.UTF_8)),
                RecordEntry.of("demo/line\nbreak.txt", "x".getBytes(StandardCharsets.UTF_8)),
                RecordEntry.of("demo/caf\u00e9.txt", "caf\u00e9".getBytes(StandardCharsets.UTF_8)),
                RecordEntry.unhashed("demo-1.0.dist-info/RECORD"));
    }

    @Test
    void writesWhatPythonsCsvModuleWrites() {
        assertThat(Record.of(pythonWrittenEntries())).hasToString(PYTHON_WRITTEN);
    }

    @Test
    void readsWhatPythonsCsvModuleWrites() {
        Record record = Record.parse(PYTHON_WRITTEN);
        assertThat(record.entries()).containsExactlyElementsOf(pythonWrittenEntries());
        assertThat(Record.parse(PYTHON_WRITTEN.getBytes(StandardCharsets.UTF_8))).isEqualTo(record);
        assertThat(Record.parse(record.toString())).isEqualTo(record);
        assertThat(record.entry("demo/a,b.py").orElseThrow().size()).hasValue(0);
        assertThat(record.entry("missing")).isEmpty();
    }

    @Test
    void quotingRoundTrips() {
        for (String path : List.of("a,b", "a\"b", "\"", "a\nb", "a\rb", "a\r\nb", " a ", "a'b", "a\tb", "\u00e9", ",",
                "\"\"", "a\"")) {
            Record record = Record.of(List.of(RecordEntry.of(path, HELLO), RecordEntry.unhashed(path)));
            assertThat(Record.parse(record.toString())).as(path).isEqualTo(record);
        }
    }

    /** Python's csv reader is lenient; these are its readings of odd but accepted rows. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "'\"ab\"c,,'|abc",
        "'\"ab\" ,,'|'ab '",
        "'a\"b,,'|'a\"b'",
        "'\"a\"b\"c\",,'|'ab\"c\"'",
        "'a,,\r\n'|a",
        "'a,,\r'|a",
        "'\"a\r\nb\",,\r\n'|'a\r\nb'"})
    void readsLikePythonsCsvReader(String text, String path) {
        assertThat(Record.parse(text).entries()).containsExactly(RecordEntry.unhashed(path));
    }

    @Test
    void anUnterminatedQuoteRunsToTheEnd() {
        assertThatThrownBy(() -> Record.parse("\"a,b,c\n")).isInstanceOf(InvalidRecordException.class)
                .hasMessage("RECORD line 1: expected 3 fields (path, hash, size), got 1");
        assertThat(Record.parse("x,,\n\"a\nb\",,1").entries()).extracting(RecordEntry::path).containsExactly("x", "a\nb");
    }

    @Test
    void malformedRowsNameTheirLine() {
        assertThatThrownBy(() -> Record.parse("a,,\n\"b\nc\",,\nd,,\n\n"))
                .isInstanceOf(InvalidRecordException.class)
                .hasMessage("RECORD line 5: expected 3 fields (path, hash, size), got 0")
                .extracting(e -> ((InvalidRecordException) e).line()).isEqualTo(5);
        assertThatThrownBy(() -> Record.parse("a,b\n")).hasMessage(
                "RECORD line 1: expected 3 fields (path, hash, size), got 2");
        assertThatThrownBy(() -> Record.parse("a,,,\n")).hasMessage(
                "RECORD line 1: expected 3 fields (path, hash, size), got 4");
        assertThatThrownBy(() -> Record.parse(",,\n")).hasMessage("RECORD line 1: empty path");
        assertThatThrownBy(() -> Record.parse("a,sha256,1\n")).hasMessage(
                "RECORD line 1: hash 'sha256' is not of the form <algorithm>=<digest> (for 'a')");
        assertThatThrownBy(() -> Record.parse("a,=abc,1\n")).isInstanceOf(InvalidRecordException.class);
        assertThatThrownBy(() -> Record.parse("a,sha256=,1\n")).isInstanceOf(InvalidRecordException.class);
        for (String size : List.of("-1", "+1", "1.0", " 1", "x", "1_000", "99999999999999999999")) {
            assertThatThrownBy(() -> Record.parse("a,," + size + "\n")).as(size)
                    .hasMessage("RECORD line 1: size '" + size + "' of 'a' is not a number of bytes");
        }
        assertThatThrownBy(() -> Record.parse(new byte[] {'a', (byte) 0xff, ',', ',', '\n'}))
                .hasMessage("RECORD is not UTF-8");
        assertThat(Record.parse("").entries()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        "sha256, LPJNul-wow4m6DsqxbninhsWHlwfp0JecwQzYpOLmCQ",
        "sha224, 6gmunMZ2jFD87pA-0FRVblv8g0eQfxJZiqJBkw",
        "sha384, WeF0h3dEjGnea4ANejO7-5_xtGPkQ1TDVTvNucZm-pASWjx5-QOXvfX2oT3oKGhP",
        "sha512, m3HSJL1i83hdltRq0-o9czGb-8KJDKra4t_3JRlnPKcjI8PZm6XBHXx6zG4UuMXaDEZjR1wuXDre9G9zvN7AQw",
        "sha512_224, _oUJ7R-33O_CfmrBqA7dvsTLPSxv5WUkQ3QGHA",
        "sha512_256, 4w2Hz6KnXbVF6sTWG6-XA2aoNXx_cvqVtS0KzLaY8To",
        "sha3_224, uH-IxycC__F0jli4fpFBpCwNvtwpp4yw1KXNgQ",
        "sha3_256, Mzi-aU9QxfM4gUmGzfBoZFOoiLhPQk15KvS5ICOY85I",
        "sha3_384, cgrqEQGe8GRA-_Bdh6okaAohU985B7I2MecXfOYg-hMw_wfA_d7lRpmkw-4O6diH",
        "sha3_512, ddUnw2jy7-hI7Pawc6NnZ4AIBenu8rGFfV-YTwNutt-JHXX3LZsVRRjBzViDUobR2po43ro96YtaU-XteKhJdg",
        "sha1, qvTGHdzF6KLavt4PO0gs2a6pQ00",
        "md5, XUFAKrxLKna5cZ2REBfFkg"})
    void hashVectors(String algorithm, String digest) throws IOException {
        RecordHash hash = RecordHash.of(algorithm, HELLO);
        assertThat(hash).hasToString(algorithm + "=" + digest);
        assertThat(RecordHash.of(algorithm, new ByteArrayInputStream(HELLO))).isEqualTo(hash);
        assertThat(RecordHash.parse(algorithm + "=" + digest)).isEqualTo(hash);
        assertThat(hash.matches(HELLO)).isTrue();
        assertThat(hash.matches(new byte[0])).isFalse();
        assertThat(hash.isSupported()).isTrue();
    }

    @Test
    void moreSha256Vectors() {
        byte[] all = new byte[256];
        for (int i = 0; i < 256; i++) {
            all[i] = (byte) i;
        }
        assertThat(RecordHash.sha256(new byte[0]).value()).isEqualTo("47DEQpj8HBSa-_TImW-5JCeuQeRkm5NMpJWZG3hSuFU");
        assertThat(RecordHash.sha256(all).value()).isEqualTo("QK_y6dLYki5Hr9RkjmlnSXFYeF-9Hahw5xECZr-USIA");
        assertThat(RecordHash.sha256("a".repeat(1000).getBytes(StandardCharsets.US_ASCII)).value())
                .isEqualTo("Qe3s5C1j6Nm_UVqbppMuHCDLyfWl0TRkWttdsblzfqM");
    }

    @Test
    void otherAlgorithmsAreReadButNotComputed() {
        RecordHash blake = RecordHash.parse("blake2b=5M-jmj03vjHFlgnoB5cHmcqmihm_qhUTXxZQheAdQaZboeGxRq62vQCStJ6sIUwQPM-jo2WVS7vlL3Sis2IMlA");
        assertThat(blake.algorithm()).isEqualTo("blake2b");
        assertThat(blake.isSupported()).isFalse();
        assertThat(blake.digest()).hasSize(64);
        assertThatThrownBy(() -> RecordHash.of("blake2b", HELLO)).isInstanceOf(UnsupportedOperationException.class);
        RecordEntry entry = new RecordEntry("x", Optional.of(blake), OptionalLong.of(5));
        assertThatThrownBy(() -> entry.verify(HELLO)).isInstanceOf(RecordVerificationException.class)
                .hasMessage("cannot verify 'x': hash algorithm 'blake2b' is not supported");
        assertThatThrownBy(() -> RecordHash.parse("sha256=not+base64/").digest())
                .isInstanceOf(InvalidRecordException.class);
    }

    @Test
    void verification() throws IOException {
        RecordEntry entry = RecordEntry.of("pkg/mod.py", HELLO);
        assertThat(entry).hasToString("pkg/mod.py,sha256=LPJNul-wow4m6DsqxbninhsWHlwfp0JecwQzYpOLmCQ,5");
        entry.verify(HELLO);
        entry.verify(new ByteArrayInputStream(HELLO));
        assertThat(RecordEntry.of("pkg/mod.py", new ByteArrayInputStream(HELLO))).isEqualTo(entry);

        assertThatThrownBy(() -> entry.verify("hellO".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(RecordVerificationException.class)
                .hasMessage("'pkg/mod.py' does not match RECORD: its hash is "
                        + "sha256=BKb1X6zi9Gvowj9ifVOYJ2FYUeEHUbY-xZ220scGt3A, RECORD says "
                        + "sha256=LPJNul-wow4m6DsqxbninhsWHlwfp0JecwQzYpOLmCQ")
                .extracting(e -> ((RecordVerificationException) e).path()).isEqualTo("pkg/mod.py");
        assertThatThrownBy(() -> entry.verify(new ByteArrayInputStream("hello!".getBytes(StandardCharsets.US_ASCII))))
                .hasMessageStartingWith("'pkg/mod.py' does not match RECORD: its size is 6 bytes, RECORD says 5; its hash is");

        RecordEntry sizeOnly = Record.parse("a,,5\n").entries().get(0);
        sizeOnly.verify(HELLO);
        assertThatThrownBy(() -> sizeOnly.verify(new byte[4]))
                .hasMessage("'a' does not match RECORD: its size is 4 bytes, RECORD says 5");
        RecordEntry.unhashed("RECORD").verify(new byte[123]);

        // A padded digest means the same bytes; it verifies.
        Record.parse("a,sha256=LPJNul-wow4m6DsqxbninhsWHlwfp0JecwQzYpOLmCQ=,5\n").entries().get(0).verify(HELLO);
    }

    /** PEP 427's RECORD example (its digest keeps a reST escape, "\\_", so it is not base64). */
    @Test
    void pep427Example() {
        int n = 0;
        for (JsonNode block : Corpus.json("specs/peps/pep-0427.snippets.json").get("blocks")) {
            String text = block.get("text").asText();
            if (!text.contains("dist-info/RECORD,,")) {
                continue;
            }
            Record record = Record.parse(text);
            assertThat(record.entries()).extracting(RecordEntry::path)
                    .containsExactly("file.py", "distribution-1.0.dist-info/RECORD");
            RecordEntry file = record.entries().get(0);
            assertThat(file.hash().orElseThrow().algorithm()).isEqualTo("sha256");
            assertThat(file.size()).hasValue(3144);
            assertThat(record.entries().get(1).hash()).isEmpty();
            assertThat(Record.parse(record.toString())).isEqualTo(record);
            n++;
        }
        assertThat(n).isEqualTo(1);
        Corpus.count("specs/peps/pep-0427.snippets.json RECORD examples", n);
    }

    @Test
    void entriesAreChecked() {
        assertThatThrownBy(() -> RecordEntry.unhashed("")).isInstanceOf(InvalidRecordException.class);
        assertThatThrownBy(() -> new RecordEntry("a", Optional.empty(), OptionalLong.of(-1)))
                .isInstanceOf(InvalidRecordException.class);
    }
}

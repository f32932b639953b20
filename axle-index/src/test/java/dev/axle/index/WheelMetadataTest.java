package dev.axle.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Index#wheelMetadata}: real wheels, read with range requests or downloaded, over loopback. */
class WheelMetadataTest {
    private final List<AutoCloseable> open = new ArrayList<>();

    @TempDir
    Path tmp;

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    private RangeServer serve(Path wheel, RangeServer.Ranges ranges) throws IOException {
        RangeServer server = new RangeServer("/files/", Files.readAllBytes(wheel), ranges);
        open.add(server);
        return server;
    }

    private Index index(URI url) {
        Index index = Index.of(url, HttpIndexTest.FAST);
        open.add(index);
        return index;
    }

    private static DistributionFile file(Path wheel, URI url) throws IOException {
        return DistributionFile.of(wheel.getFileName().toString(), url,
                Map.of("sha256", Digests.sha256(Files.readAllBytes(wheel))));
    }

    private WheelMetadata overHttp(Path wheel, RangeServer server) throws IOException {
        URI url = server.url("/files/" + wheel.getFileName());
        return index(server.url("/simple/")).wheelMetadata(file(wheel, url));
    }

    @Test
    void deflatedMetadataFarFromTheEndTakesTwoRangesAndNeverTheWholeWheel() throws Exception {
        TestWheel w = TestWheel.of("Holy.Grail", "1.0").metadataFirst().randomFile("holy_grail/data.bin", 300_000);
        Path wheel = w.write(tmp);
        RangeServer server = serve(wheel, RangeServer.Ranges.HONOURED);

        WheelMetadata metadata = overHttp(wheel, server);

        assertThat(new String(metadata.bytes(), StandardCharsets.UTF_8))
                .isEqualTo(new String(w.metadata(), StandardCharsets.UTF_8));
        assertThat(metadata.via()).isEqualTo(WheelMetadata.Via.RANGE_REQUESTS);
        // The tail (end record and directory), then METADATA's local header and data from the start.
        assertThat(server.requests).extracting(RangeServer.Request::range)
                .containsExactly("bytes=-" + ZipDirectory.TAIL, "bytes=0-" + server.requests.get(1).range()
                        .substring("bytes=0-".length()));
        assertThat(server.requests).allSatisfy(r -> assertThat(r.status()).isEqualTo(206));
        assertThat(server.bytesSent()).isLessThan(ZipDirectory.TAIL + 2_000L).isLessThan(Files.size(wheel) / 3);
    }

    @Test
    void storedMetadataNearTheEndComesWithTheTailInOneRequest() throws Exception {
        TestWheel w = TestWheel.of("holygrail", "2.0").stored().randomFile("holygrail/data.bin", 300_000);
        Path wheel = w.write(tmp);
        RangeServer server = serve(wheel, RangeServer.Ranges.HONOURED);

        WheelMetadata metadata = overHttp(wheel, server);

        assertThat(metadata.bytes()).isEqualTo(w.metadata());
        assertThat(metadata.via()).isEqualTo(WheelMetadata.Via.RANGE_REQUESTS);
        assertThat(server.requests).extracting(RangeServer.Request::range).containsExactly("bytes=-" + ZipDirectory.TAIL);
    }

    @Test
    void aWheelSmallerThanTheTailIsOneRangeForAllOfIt() throws Exception {
        TestWheel w = TestWheel.of("holygrail", "2.0");
        Path wheel = w.write(tmp);
        RangeServer server = serve(wheel, RangeServer.Ranges.HONOURED);

        assertThat(overHttp(wheel, server).bytes()).isEqualTo(w.metadata());
        assertThat(server.requests).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(206);
            assertThat(r.sent()).isEqualTo(Files.size(wheel));
        });
    }

    @Test
    void aDirectoryLargerThanTheTailIsFetchedWithoutWhatTheTailHolds() throws Exception {
        TestWheel w = TestWheel.of("holygrail", "3.0").metadataFirst().filler(3_000);
        Path wheel = w.write(tmp);
        RangeServer server = serve(wheel, RangeServer.Ranges.HONOURED);

        WheelMetadata metadata = overHttp(wheel, server);

        assertThat(metadata.bytes()).isEqualTo(w.metadata());
        assertThat(server.requests).hasSize(3);
        long size = Files.size(wheel);
        // The directory's first part ends where the tail begins.
        assertThat(server.requests.get(1).range()).endsWith("-" + (size - ZipDirectory.TAIL - 1));
        assertThat(server.bytesSent()).isLessThan(size);
    }

    @Test
    void aServerIgnoringRangesSendsTheWholeWheelOnceVerified() throws Exception {
        TestWheel w = TestWheel.of("holygrail", "1.0").metadataFirst().randomFile("holygrail/data.bin", 100_000);
        Path wheel = w.write(tmp);
        RangeServer server = serve(wheel, RangeServer.Ranges.IGNORED);

        WheelMetadata metadata = overHttp(wheel, server);

        assertThat(metadata.bytes()).isEqualTo(w.metadata());
        assertThat(metadata.via()).isEqualTo(WheelMetadata.Via.FULL_DOWNLOAD);
        assertThat(server.requests).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.sent()).isEqualTo(Files.size(wheel));
        });
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void aWheelSentWholeIsVerifiedAgainstThePagesHash() throws Exception {
        Path wheel = TestWheel.of("holygrail", "1.0").write(tmp);
        RangeServer server = serve(wheel, RangeServer.Ranges.IGNORED);
        URI url = server.url("/files/" + wheel.getFileName());
        var file = DistributionFile.of(wheel.getFileName().toString(), url, Map.of("sha256", "0".repeat(64)));

        var e = Thrown.by(HashMismatchException.class, () -> index(server.url("/simple/")).wheelMetadata(file));

        assertThat(e.expected()).isEqualTo("0".repeat(64));
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void aServerRefusingRangesWith416IsAskedForTheWholeWheel() throws Exception {
        TestWheel w = TestWheel.of("holygrail", "1.0").stored();
        Path wheel = w.write(tmp);
        RangeServer server = serve(wheel, RangeServer.Ranges.REFUSED);
        List<Long> progress = new ArrayList<>();
        URI url = server.url("/files/" + wheel.getFileName());

        WheelMetadata metadata = index(server.url("/simple/")).wheelMetadata(file(wheel, url),
                (f, downloaded, total) -> progress.add(downloaded));

        assertThat(metadata.bytes()).isEqualTo(w.metadata());
        assertThat(metadata.via()).isEqualTo(WheelMetadata.Via.FULL_DOWNLOAD);
        assertThat(server.requests).extracting(RangeServer.Request::status).containsExactly(416, 200);
        assertThat(server.requests.get(1).range()).isNull();
        assertThat(progress).last().isEqualTo(Files.size(wheel));
    }

    @Test
    void aFileWheelIsReadInPlace() throws Exception {
        TestWheel w = TestWheel.of("holygrail", "1.0").randomFile("holygrail/data.bin", 10_000);
        Path wheel = w.write(tmp);

        WheelMetadata metadata = index(tmp.toUri()).wheelMetadata(DistributionFile.of(wheel.getFileName().toString(),
                wheel.toUri(), Map.of()));

        assertThat(metadata.bytes()).isEqualTo(w.metadata());
        assertThat(metadata.via()).isEqualTo(WheelMetadata.Via.LOCAL_FILE);
    }

    @Test
    void zip64WheelsAreReadWithRangesAndInPlace() throws Exception {
        TestWheel w = TestWheel.of("holygrail", "1.0").filler(70_000);
        Path wheel = w.write(tmp);
        byte[] bytes = Files.readAllBytes(wheel);
        // The zip64 end locator sits just before the end record (22 bytes, no comment).
        assertThat(Arrays.copyOfRange(bytes, bytes.length - 42, bytes.length - 38)).as("a zip64 end locator")
                .containsExactly(0x50, 0x4b, 0x06, 0x07);
        RangeServer server = serve(wheel, RangeServer.Ranges.HONOURED);

        assertThat(overHttp(wheel, server).bytes()).isEqualTo(w.metadata());
        assertThat(server.bytesSent()).isLessThan(Files.size(wheel));
        assertThat(index(tmp.toUri()).wheelMetadata(DistributionFile.of(wheel.getFileName().toString(), wheel.toUri(),
                Map.of())).bytes()).isEqualTo(w.metadata());
    }

    @Test
    void notAZip() throws Exception {
        Path wheel = Files.writeString(tmp.resolve("holygrail-1.0-py3-none-any.whl"), "not a zip at all");
        RangeServer server = serve(wheel, RangeServer.Ranges.HONOURED);

        var e = Thrown.by(InvalidWheelException.class, () -> overHttp(wheel, server));

        assertThat(e).hasMessageContaining("holygrail-1.0-py3-none-any.whl").hasMessageContaining("not a zip file");
        assertThat(e.wheel()).isEqualTo("holygrail-1.0-py3-none-any.whl");
    }

    @Test
    void noMetadata() throws Exception {
        Path wheel = TestWheel.of("holygrail", "1.0").withoutMetadata().write(tmp);

        var e = Thrown.by(InvalidWheelException.class, () -> overHttp(wheel, serve(wheel, RangeServer.Ranges.HONOURED)));

        assertThat(e).hasMessageContaining("holygrail-1.0.dist-info folder has no METADATA file");
    }

    @Test
    void twoDistInfoFoldersOfTheWheelsProject() throws Exception {
        TestWheel w = TestWheel.of("holygrail", "1.0").file("HolyGrail-0.9.dist-info/METADATA", new byte[] {'x'})
                .file("other-2.0.dist-info/METADATA", new byte[] {'y'});
        Path wheel = w.write(tmp);

        var e = Thrown.by(InvalidWheelException.class, () -> index(tmp.toUri()).wheelMetadata(
                DistributionFile.of(wheel.getFileName().toString(), wheel.toUri(), Map.of())));

        assertThat(e).hasMessageContaining("2 .dist-info folders for holygrail")
                .hasMessageContaining("HolyGrail-0.9.dist-info").hasMessageContaining("holygrail-1.0.dist-info");
    }

    @Test
    void otherProjectsDistInfoFoldersAreIgnored() throws Exception {
        TestWheel w = TestWheel.of("holygrail", "1.0").file("other-2.0.dist-info/METADATA", new byte[] {'y'});
        Path wheel = w.write(tmp);

        WheelMetadata metadata = overHttp(wheel, serve(wheel, RangeServer.Ranges.HONOURED));

        assertThat(metadata.bytes()).isEqualTo(w.metadata());
    }

    /** Temporary wheels left in the system's temporary folder by this test's downloads. */
    private static List<Path> leftovers() throws IOException {
        try (var listing = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return listing.filter(p -> p.getFileName().toString().matches("axle-.*-holygrail-1\\.0-py3-none-any\\.whl"))
                    .toList();
        }
    }
}

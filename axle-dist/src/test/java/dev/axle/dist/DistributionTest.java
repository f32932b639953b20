package dev.axle.dist;

import static dev.axle.dist.Archives.Entry;
import static dev.axle.dist.Archives.metadata;
import static dev.axle.dist.Archives.sdistEntries;
import static dev.axle.dist.Archives.tarGz;
import static dev.axle.dist.Archives.wheelEntries;
import static dev.axle.dist.Archives.with;
import static dev.axle.dist.Archives.without;
import static dev.axle.dist.Archives.zip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.axle.pep.MetadataField;
import dev.axle.pep.ProjectName;
import dev.axle.pep.Version;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DistributionTest {
    private static final String WHL = "foo_bar-1.0-py3-none-any.whl";
    private static final String DIST_INFO = "foo_bar-1.0.dist-info";
    private static final String GOOD = metadata("Foo_Bar", "1.0", "Requires-Dist: requests>=2; extra == \"http\"",
            "Provides-Extra: http");

    @TempDir
    Path dir;

    // ---- accepted files

    @Test
    void wheelIsInspected() throws Exception {
        // Stored under an upload's temporary name: the given filename is what counts.
        Path file = zip(dir.resolve("upload-1234.tmp"), wheelEntries(DIST_INFO, GOOD));

        Distribution d = Distribution.inspect(file, WHL);

        assertThat(d.filename()).isEqualTo(WHL);
        assertThat(d.kind()).isEqualTo(DistributionKind.WHEEL);
        assertThat(d.name()).isEqualTo(ProjectName.parse("foo-bar"));
        assertThat(d.version()).isEqualTo(Version.parse("1.0"));
        assertThat(d.metadataBytes()).isEqualTo(GOOD.getBytes(StandardCharsets.UTF_8));
        assertThat(d.metadata().string(MetadataField.NAME)).contains("Foo_Bar");
        assertThat(d.metadata().list(MetadataField.REQUIRES_DIST)).contains(List.of("requests>=2; extra == \"http\""));
        assertThat(d.metadata().string(MetadataField.DESCRIPTION)).contains("The description.\n");
        assertDigests(d.digests(), file);
    }

    @Test
    void sdistTarGzIsInspected() throws Exception {
        String pkgInfo = metadata("foo.bar", "2.0.post1", "Requires-Python: >=3.9");
        Path file = tarGz(dir.resolve("foo_bar-2.0.post1.tar.gz"), sdistEntries("foo_bar-2.0.post1", pkgInfo));

        Distribution d = Distribution.inspect(file, "foo_bar-2.0.post1.tar.gz");

        assertThat(d.kind()).isEqualTo(DistributionKind.SDIST);
        assertThat(d.name()).hasToString("foo-bar");
        assertThat(d.version()).hasToString("2.0.post1");
        assertThat(new String(d.metadataBytes(), StandardCharsets.UTF_8)).isEqualTo(pkgInfo);
        assertThat(d.metadata().string(MetadataField.REQUIRES_PYTHON)).contains(">=3.9");
        assertDigests(d.digests(), file);
    }

    @Test
    void sdistZipIsInspected() throws Exception {
        String pkgInfo = metadata("Foo-Bar", "1.0");
        // The older layout: the top folder named as the project is written, not escaped.
        Path file = zip(dir.resolve("Foo-Bar-1.0.zip"), sdistEntries("Foo-Bar-1.0", pkgInfo));

        Distribution d = Distribution.inspect(file, "Foo-Bar-1.0.zip");

        assertThat(d.kind()).isEqualTo(DistributionKind.SDIST);
        assertThat(d.name()).hasToString("foo-bar");
        assertThat(d.metadataBytes()).isEqualTo(pkgInfo.getBytes(StandardCharsets.UTF_8));
        assertDigests(d.digests(), file);
    }

    @Test
    void nestedEggInfoPkgInfoIsNotTheSdists() throws Exception {
        String pkgInfo = metadata("foo-bar", "1.0");
        Path file = tarGz(dir.resolve("x"), with(sdistEntries("foo_bar-1.0", pkgInfo),
                Entry.of("foo_bar-1.0/src/foo_bar.egg-info/PKG-INFO", metadata("other", "9"))));

        assertThat(Distribution.inspect(file, "foo_bar-1.0.tar.gz").metadataBytes())
                .isEqualTo(pkgInfo.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void versionsAreComparedByPep440() throws Exception {
        // METADATA says 1.0.0, the filename 1.0: the same version, not a mismatch.
        Path file = zip(dir.resolve("w"), wheelEntries(DIST_INFO, metadata("foo-bar", "1.0.0")));

        Distribution d = Distribution.inspect(file, WHL);

        assertThat(d.version()).isEqualTo(Version.parse("1.0"));
        assertThat(d.metadata().string(MetadataField.VERSION)).contains("1.0.0");
    }

    @Test
    void setuptoolsLicenseFileUnderOldMetadataVersionIsAccepted() throws Exception {
        // setuptools wrote License-File with Metadata-Version 2.1; twine 6 lets it through too.
        String meta = metadata("foo-bar", "1.0", "License-File: LICENSE");
        Path file = zip(dir.resolve("w"), wheelEntries(DIST_INFO, meta));

        Distribution d = Distribution.inspect(file, WHL);

        assertThat(d.metadata().list(MetadataField.LICENSE_FILE)).contains(List.of("LICENSE"));
    }

    @Test
    void metadataVersion20FromOldBdistWheelIsAccepted() throws Exception {
        String meta = "Metadata-Version: 2.0\nName: foo-bar\nVersion: 1.0\nProvides-Extra: http\n";
        Path file = zip(dir.resolve("w"), wheelEntries(DIST_INFO, meta));

        assertThat(Distribution.inspect(file, WHL).metadata().string(MetadataField.METADATA_VERSION)).contains("2.0");
    }

    @Test
    void digestsMatchPythonsHashlibAndCoreutils() throws Exception {
        Path file = zip(dir.resolve(WHL), wheelEntries(DIST_INFO, GOOD));
        Digests d = Distribution.inspect(file, WHL).digests();

        Optional<Path> python = Pythons.python3();
        assumeTrue(python.isPresent(), "no Python 3 interpreter found (PATH, ~/.pyenv/versions, /usr/bin)");
        String out = Pythons.run(python.get().toString(), "-c", "import hashlib, sys\n"
                + "data = open(sys.argv[1], 'rb').read()\n"
                + "print(hashlib.sha256(data).hexdigest(), hashlib.md5(data).hexdigest(), len(data))", file.toString());
        assertThat(out.strip()).isEqualTo(d.sha256() + " " + d.md5() + " " + d.size());

        for (String[] tool : new String[][] {{"/usr/bin/sha256sum", d.sha256()}, {"/usr/bin/md5sum", d.md5()}}) {
            if (Files.isExecutable(Path.of(tool[0]))) {
                assertThat(Pythons.run(tool[0], file.toString())).startsWith(tool[1] + "  ");
            }
        }
    }

    @Test
    void digestsOfEmptyInput() throws Exception {
        Path empty = Files.createFile(dir.resolve("empty"));

        assertThat(Digests.of(empty)).isEqualTo(new Digests(
                "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
                "d41d8cd98f00b204e9800998ecf8427e", 0));
    }

    @Test
    void distributionsAreValues() throws Exception {
        Path file = zip(dir.resolve("w"), wheelEntries(DIST_INFO, GOOD));
        Distribution a = Distribution.inspect(file, WHL);
        Distribution b = Distribution.inspect(file, WHL);

        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        a.metadataBytes()[0] = 'X';
        assertThat(a.metadataBytes()).isEqualTo(b.metadataBytes());
    }

    // ---- filenames

    @Test
    void filenamesThatDoNotParseAreRefused() throws Exception {
        Path file = zip(dir.resolve("w"), wheelEntries(DIST_INFO, GOOD));

        assertRefused(file, "foo_bar-1.0.egg", null, "Invalid file extension", "foo_bar-1.0.egg");
        assertRefused(file, "foo_bar-1.0-py3-none.whl", null, "Invalid wheel filename", "foo_bar-1.0-py3-none.whl");
        assertRefused(file, "foo_bar-one.tar.gz", null, "Invalid sdist filename", "foo_bar-one.tar.gz");
        assertRefused(file, "../../foo_bar-1.0.tar.gz", null, "'/'", "../../foo_bar-1.0.tar.gz");
        assertRefused(file, "foo\nbar-1.0.tar.gz", null, "non-printable", "'foo\\x0abar-1.0.tar.gz'");
        assertRefused(file, "-foo-1.0.tar.gz", null, "Invalid sdist filename", "-foo-1.0.tar.gz");
    }

    @Test
    void aMissingFileIsAnIoError() {
        assertThatThrownBy(() -> Distribution.inspect(dir.resolve("nothing"), WHL)).isInstanceOf(NoSuchFileException.class);
    }

    // ---- broken archives

    @Test
    void brokenZipIsRefused() throws Exception {
        Path file = Files.write(dir.resolve("w"), "this is not a zip archive at all".getBytes(StandardCharsets.UTF_8));

        assertRefused(file, WHL, null, "Invalid distribution file: '" + WHL + "' is not a valid zip archive");
    }

    @Test
    void truncatedWheelIsRefused() throws Exception {
        byte[] whole = Files.readAllBytes(zip(dir.resolve("w"), wheelEntries(DIST_INFO, GOOD)));
        Path file = Files.write(dir.resolve("cut"), Arrays.copyOf(whole, whole.length - 30));

        assertRefused(file, WHL, null, "is not a valid zip archive", WHL);
    }

    @Test
    void truncatedTarGzIsRefused() throws Exception {
        byte[] whole = Files.readAllBytes(tarGz(dir.resolve("s"), sdistEntries("foo_bar-1.0", GOOD)));
        String name = "foo_bar-1.0.tar.gz";
        for (int cut : new int[] {whole.length / 2, whole.length - 4}) {
            Path file = Files.write(dir.resolve("cut" + cut), Arrays.copyOf(whole, cut));
            assertRefused(file, name, null, "Invalid distribution file: '" + name
                    + "' is not a valid gzip-compressed tar archive");
        }
    }

    @Test
    void sdistNamedTarGzThatIsAZipIsRefused() throws Exception {
        Path file = zip(dir.resolve("s"), sdistEntries("foo_bar-1.0", GOOD));

        assertRefused(file, "foo_bar-1.0.tar.gz", null, "is not a valid gzip-compressed tar archive");
    }

    // ---- wheel layout

    @Test
    void wheelWithoutMetadataIsRefused() throws Exception {
        Path file = zip(dir.resolve("w"), without(wheelEntries(DIST_INFO, GOOD), DIST_INFO + "/METADATA"));

        assertRefused(file, WHL, DIST_INFO + "/METADATA", "'" + WHL + "' has no METADATA (expected " + DIST_INFO
                + "/METADATA)");
    }

    @Test
    void wheelWithMetadataTwiceIsRefused() throws Exception {
        // The same entry name twice: zip allows it, and tools disagree on which one counts.
        Path file = zip(dir.resolve("w"), with(wheelEntries(DIST_INFO, GOOD),
                Entry.of(DIST_INFO + "/METADATA", metadata("evil", "6.6.6"))));

        assertRefused(file, WHL, DIST_INFO + "/METADATA", "'" + WHL + "' has more than one METADATA: " + DIST_INFO
                + "/METADATA, " + DIST_INFO + "/METADATA");
    }

    @Test
    void wheelWithTwoDistInfoFoldersIsRefused() throws Exception {
        Path twoMetadata = zip(dir.resolve("w1"), with(wheelEntries(DIST_INFO, GOOD),
                Entry.of("foo_bar-2.0.dist-info/METADATA", metadata("foo-bar", "2.0"))));
        Path strayFolder = zip(dir.resolve("w2"), with(wheelEntries(DIST_INFO, GOOD),
                Entry.of("other-1.0.dist-info/RECORD", "")));

        assertRefused(twoMetadata, WHL, "foo_bar-2.0.dist-info/METADATA", "has more than one METADATA");
        assertRefused(strayFolder, WHL, null, "'" + WHL + "' has more than one .dist-info folder: " + DIST_INFO
                + ", other-1.0.dist-info");
    }

    @Test
    void metadataInAnotherProjectsDistInfoIsRefused() throws Exception {
        Path file = zip(dir.resolve("w"), wheelEntries("other-1.0.dist-info", GOOD));

        assertRefused(file, WHL, "other-1.0.dist-info/METADATA", "'" + WHL
                + "' has its METADATA in other-1.0.dist-info/, which is not the .dist-info folder of foo-bar 1.0"
                + " (expected " + DIST_INFO + "/)");
    }

    @Test
    void metadataInAnotherVersionsDistInfoIsRefused() throws Exception {
        Path file = zip(dir.resolve("w"), wheelEntries("foo_bar-1.1.dist-info", GOOD));

        assertRefused(file, WHL, "foo_bar-1.1.dist-info/METADATA", "which is not the .dist-info folder");
    }

    @Test
    void metadataDeeperDownIsNotFound() throws Exception {
        Path file = zip(dir.resolve("w"), wheelEntries("lib/" + DIST_INFO, GOOD));

        assertRefused(file, WHL, DIST_INFO + "/METADATA", "has no METADATA");
    }

    @Test
    void wheelWithoutWheelFileIsRefused() throws Exception {
        Path file = zip(dir.resolve("w"), without(wheelEntries(DIST_INFO, GOOD), DIST_INFO + "/WHEEL"));

        assertRefused(file, WHL, DIST_INFO + "/WHEEL", "'" + WHL + "' has no WHEEL file (expected " + DIST_INFO
                + "/WHEEL)");
    }

    // ---- sdist layout

    @Test
    void sdistWithoutPkgInfoIsRefused() throws Exception {
        String name = "foo_bar-1.0.tar.gz";
        Path file = tarGz(dir.resolve("s"), without(sdistEntries("foo_bar-1.0", GOOD), "foo_bar-1.0/PKG-INFO"));

        assertRefused(file, name, "foo_bar-1.0/PKG-INFO", "'" + name + "' has no PKG-INFO (expected foo_bar-1.0/PKG-INFO)");
    }

    @Test
    void sdistWithPkgInfoTwiceIsRefused() throws Exception {
        String name = "foo_bar-1.0.tar.gz";
        Path file = tarGz(dir.resolve("s"), with(sdistEntries("foo_bar-1.0", GOOD),
                Entry.of("foo_bar-1.0/PKG-INFO", metadata("evil", "1.0"))));

        assertRefused(file, name, "foo_bar-1.0/PKG-INFO", "'" + name + "' has more than one PKG-INFO");
    }

    @Test
    void sdistWithPkgInfoInTheWrongTopFolderIsRefused() throws Exception {
        String name = "foo_bar-1.0.zip";
        Path file = zip(dir.resolve("s"), sdistEntries("other-1.0", GOOD));

        assertRefused(file, name, "other-1.0/PKG-INFO", "'" + name
                + "' has its PKG-INFO in other-1.0/, which is not the top folder of foo-bar 1.0 (expected foo_bar-1.0/)");
    }

    // ---- metadata

    @Test
    void nameMismatchIsRefused() throws Exception {
        Path file = zip(dir.resolve("w"), wheelEntries(DIST_INFO, metadata("other", "1.0")));

        assertRefused(file, WHL, DIST_INFO + "/METADATA", "Invalid distribution metadata: " + DIST_INFO
                + "/METADATA says Name: other, but the filename '" + WHL + "' is for project foo-bar");
    }

    @Test
    void versionMismatchIsRefused() throws Exception {
        String name = "foo_bar-1.0.tar.gz";
        Path file = tarGz(dir.resolve("s"), sdistEntries("foo_bar-1.0", metadata("foo-bar", "1.0.1")));

        assertRefused(file, name, "foo_bar-1.0/PKG-INFO", "Version in filename should be '1.0.1' not '1.0'"
                + " (foo_bar-1.0/PKG-INFO of '" + name + "' says Version: 1.0.1)");
    }

    @Test
    void invalidMetadataIsRefused() throws Exception {
        Path file = zip(dir.resolve("w"), wheelEntries(DIST_INFO, metadata("foo-bar", "1.0",
                "Requires-Dist: requests >= = 2", "Wat: unknown field")));

        DistributionException e = refusal(file, WHL);
        assertThat(e.entry()).contains(DIST_INFO + "/METADATA");
        assertThat(e.getMessage()).startsWith("Invalid distribution metadata in " + DIST_INFO + "/METADATA of '" + WHL
                + "': ").contains("requires-dist").contains("'wat'").doesNotContain("\n");
    }

    @Test
    void missingMetadataVersionIsRefused() throws Exception {
        Path file = zip(dir.resolve("w"), wheelEntries(DIST_INFO, "Name: foo-bar\nVersion: 1.0\n"));

        assertRefused(file, WHL, DIST_INFO + "/METADATA", "None is not a valid metadata version");
    }

    @Test
    void newerFieldsThanTheMetadataVersionAreRefused() throws Exception {
        String meta = "Metadata-Version: 1.0\nName: foo-bar\nVersion: 1.0\nRequires-Python: >=3\n";
        Path file = zip(dir.resolve("w"), wheelEntries(DIST_INFO, meta));

        assertRefused(file, WHL, DIST_INFO + "/METADATA", "requires-python introduced in metadata version 1.2, not 1.0");
    }

    @Test
    void oversizedMetadataIsRefused() throws Exception {
        String huge = metadata("foo-bar", "1.0") + "x".repeat(MetadataEntry.MAX_SIZE);
        Path file = zip(dir.resolve("w"), wheelEntries(DIST_INFO, huge));

        assertRefused(file, WHL, DIST_INFO + "/METADATA", "Invalid distribution file: " + DIST_INFO + "/METADATA in '"
                + WHL + "' is larger than 16 MiB");
    }

    @Test
    void oversizedPkgInfoInTarGzIsRefused() throws Exception {
        String name = "foo_bar-1.0.tar.gz";
        String huge = metadata("foo-bar", "1.0") + "x".repeat(MetadataEntry.MAX_SIZE);
        Path file = tarGz(dir.resolve("s"), sdistEntries("foo_bar-1.0", huge));

        assertRefused(file, name, "foo_bar-1.0/PKG-INFO", "foo_bar-1.0/PKG-INFO in '" + name + "' is larger than 16 MiB");
    }

    @Test
    void decompressionBombsAreRefused() throws Exception {
        Entry zeros = new Entry("foo_bar-1.0/data.bin", new byte[100 << 20]);
        Path tar = tarGz(dir.resolve("s"), with(sdistEntries("foo_bar-1.0", GOOD), zeros));
        Path wheel = zip(dir.resolve("w"), with(wheelEntries(DIST_INFO, GOOD),
                new Entry("foo_bar/data.bin", new byte[100 << 20])));

        assertRefused(tar, "foo_bar-1.0.tar.gz", null, "expands to more than 50 times its size");
        assertRefused(wheel, WHL, null, "'" + WHL + "' expands to more than 50 times its size");
    }

    private static void assertDigests(Digests digests, Path file) throws Exception {
        byte[] bytes = Files.readAllBytes(file);
        HexFormat hex = HexFormat.of();
        assertThat(digests.sha256()).isEqualTo(hex.formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
        assertThat(digests.md5()).isEqualTo(hex.formatHex(MessageDigest.getInstance("MD5").digest(bytes)));
        assertThat(digests.size()).isEqualTo(bytes.length);
    }

    private static DistributionException refusal(Path file, String filename) {
        try {
            Distribution d = Distribution.inspect(file, filename);
            throw new AssertionError("accepted: " + d);
        } catch (DistributionException e) {
            assertThat(e.filename()).isEqualTo(filename);
            assertThat(e.getMessage()).doesNotContain("\n");
            return e;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** Refused with a message containing each of {@code parts}, naming the {@code entry} (null: none). */
    private static void assertRefused(Path file, String filename, String entry, String... parts) {
        DistributionException e = refusal(file, filename);
        assertThat(e.entry()).isEqualTo(Optional.ofNullable(entry));
        for (String part : parts) {
            assertThat(e.getMessage()).contains(part);
        }
    }
}

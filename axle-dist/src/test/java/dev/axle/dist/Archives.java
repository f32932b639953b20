package dev.axle.dist;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

/** Test-side writers of real wheels and sdists: zip and tar.gz archives with chosen entries. */
final class Archives {
    private Archives() {}

    /** One archive entry; entries may repeat a path, as hand-made archives can. */
    record Entry(String path, byte[] data) {
        static Entry of(String path, String text) {
            return new Entry(path, text.getBytes(StandardCharsets.UTF_8));
        }
    }

    static String metadata(String name, String version, String... extraLines) {
        StringBuilder b = new StringBuilder("Metadata-Version: 2.1\nName: ").append(name).append("\nVersion: ")
                .append(version).append("\nSummary: A test distribution\n");
        for (String line : extraLines) {
            b.append(line).append('\n');
        }
        return b.append("\nThe description.\n").toString();
    }

    static final String WHEEL = "Wheel-Version: 1.0\nGenerator: axle-tests\nRoot-Is-Purelib: true\nTag: py3-none-any\n";

    /** A wheel's usual entries: a module, METADATA, WHEEL and RECORD in {@code distInfo}. */
    static List<Entry> wheelEntries(String distInfo, String metadata) {
        List<Entry> entries = new ArrayList<>();
        entries.add(Entry.of("foo_bar/__init__.py", "VALUE = 1\n"));
        entries.add(Entry.of(distInfo + "/METADATA", metadata));
        entries.add(Entry.of(distInfo + "/WHEEL", WHEEL));
        entries.add(Entry.of(distInfo + "/RECORD", ""));
        return entries;
    }

    static List<Entry> sdistEntries(String top, String pkgInfo) {
        List<Entry> entries = new ArrayList<>();
        entries.add(Entry.of(top + "/PKG-INFO", pkgInfo));
        entries.add(Entry.of(top + "/pyproject.toml", "[project]\nname = \"foo-bar\"\n"));
        entries.add(Entry.of(top + "/src/foo_bar/__init__.py", "VALUE = 1\n"));
        return entries;
    }

    static Path zip(Path file, List<Entry> entries) throws IOException {
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(Files.newOutputStream(file))) {
            for (Entry e : entries) {
                zip.putArchiveEntry(new ZipArchiveEntry(e.path()));
                zip.write(e.data());
                zip.closeArchiveEntry();
            }
        }
        return file;
    }

    static Path tarGz(Path file, List<Entry> entries) throws IOException {
        try (OutputStream out = Files.newOutputStream(file);
                GzipCompressorOutputStream gzip = new GzipCompressorOutputStream(out);
                TarArchiveOutputStream tar = new TarArchiveOutputStream(gzip)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            for (Entry e : entries) {
                TarArchiveEntry entry = new TarArchiveEntry(e.path());
                entry.setSize(e.data().length);
                tar.putArchiveEntry(entry);
                tar.write(e.data());
                tar.closeArchiveEntry();
            }
        }
        return file;
    }

    static List<Entry> with(List<Entry> entries, Entry... more) {
        List<Entry> all = new ArrayList<>(entries);
        all.addAll(List.of(more));
        return all;
    }

    static List<Entry> without(List<Entry> entries, String path) {
        List<Entry> all = new ArrayList<>(entries);
        all.removeIf(e -> e.path().equals(path));
        return all;
    }

}

package dev.axle.installer.db;

import dev.axle.pep.ProjectName;
import dev.axle.pep.record.Record;
import dev.axle.pep.record.RecordEntry;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** A small wheel written for a test: files, METADATA, WHEEL, RECORD with correct hashes. */
final class TestWheel {
    private final String name;
    private final String version;
    private final Map<String, String> files = new LinkedHashMap<>();
    private final List<String> metadata = new ArrayList<>();
    private String metadataVersion = "2.1";
    private String tag = "py3-none-any";
    private String build;
    private String entryPoints;

    private TestWheel(String name, String version) {
        this.name = name;
        this.version = version;
    }

    static TestWheel of(String name, String version) {
        return new TestWheel(name, version);
    }

    TestWheel file(String path, String content) {
        files.put(path, content);
        return this;
    }

    /** A metadata header line, such as {@code Requires-Dist: foo>=1}. */
    TestWheel meta(String header) {
        metadata.add(header);
        return this;
    }

    TestWheel requires(String... requirements) {
        for (String r : requirements) {
            metadata.add("Requires-Dist: " + r);
        }
        return this;
    }

    TestWheel metadataVersion(String v) {
        metadataVersion = v;
        return this;
    }

    TestWheel tag(String t) {
        tag = t;
        return this;
    }

    TestWheel build(String b) {
        build = b;
        return this;
    }

    TestWheel entryPoints(String text) {
        entryPoints = text;
        return this;
    }

    /** Writes {@code {name}-{version}[-{build}]-{tag}.whl} into {@code folder}. */
    Path write(Path folder) {
        String distInfo = ProjectName.parse(name).escaped() + "-" + version + ".dist-info";
        Map<String, String> all = new LinkedHashMap<>(files);
        StringBuilder meta = new StringBuilder("Metadata-Version: " + metadataVersion + "\nName: " + name
                + "\nVersion: " + version + "\n");
        metadata.forEach(h -> meta.append(h).append('\n'));
        all.put(distInfo + "/METADATA", meta.toString());
        all.put(distInfo + "/WHEEL", "Wheel-Version: 1.0\nGenerator: axle-test\nRoot-Is-Purelib: true\nTag: " + tag + "\n"
                + (build == null ? "" : "Build: " + build + "\n"));
        if (entryPoints != null) {
            all.put(distInfo + "/entry_points.txt", entryPoints);
        }
        Path wheel = folder.resolve(ProjectName.parse(name).escaped() + "-" + version
                + (build == null ? "" : "-" + build) + "-" + tag + ".whl");
        List<RecordEntry> record = new ArrayList<>();
        try (OutputStream out = Files.newOutputStream(wheel); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, String> f : all.entrySet()) {
                byte[] data = f.getValue().getBytes(StandardCharsets.UTF_8);
                zip.putNextEntry(new ZipEntry(f.getKey()));
                zip.write(data);
                zip.closeEntry();
                record.add(RecordEntry.of(f.getKey(), data));
            }
            record.add(RecordEntry.unhashed(distInfo + "/RECORD"));
            zip.putNextEntry(new ZipEntry(distInfo + "/RECORD"));
            zip.write(Record.of(record).toString().getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return wheel;
    }
}

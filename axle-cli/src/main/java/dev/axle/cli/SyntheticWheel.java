package dev.axle.cli;

import dev.axle.pep.ProjectName;
import dev.axle.pep.record.Record;
import dev.axle.pep.record.RecordEntry;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A small {@code py3-none-any} wheel made from text files, with the METADATA, WHEEL and RECORD
 * (hashes and sizes) a wheel builder writes. The class cache training run installs these; they
 * are made here rather than shipped so that axle carries no wheel files.
 */
final class SyntheticWheel {
    private final String name;
    private final String version;
    private final String escaped;
    private boolean rootIsPurelib = true;
    private final StringBuilder metadata = new StringBuilder();
    private final Map<String, String> files = new LinkedHashMap<>();

    private SyntheticWheel(String name, String version) {
        this.name = name;
        this.version = version;
        this.escaped = ProjectName.parse(name).escaped();
    }

    static SyntheticWheel of(String name, String version) {
        return new SyntheticWheel(name, version);
    }

    /** {@code Root-Is-Purelib: false}: the files at the root go to platlib. */
    SyntheticWheel platlib() {
        rootIsPurelib = false;
        return this;
    }

    /** A METADATA header line such as {@code Requires-Dist: x>=1}. */
    SyntheticWheel metadata(String line) {
        metadata.append(line).append('\n');
        return this;
    }

    /** A file at {@code path} in the wheel. */
    SyntheticWheel file(String path, String content) {
        files.put(path, content);
        return this;
    }

    /** A file in the wheel's {@code .data} folder under {@code key} (scripts, purelib, data...). */
    SyntheticWheel data(String key, String path, String content) {
        return file(escaped + "-" + version + ".data/" + key + "/" + path, content);
    }

    /** A file in the wheel's {@code .dist-info} folder, such as {@code entry_points.txt}. */
    SyntheticWheel distInfo(String fileName, String content) {
        return file(distInfo() + "/" + fileName, content);
    }

    private String distInfo() {
        return escaped + "-" + version + ".dist-info";
    }

    /** Writes the wheel into {@code dir} under its filename and answers its path. */
    Path writeTo(Path dir) throws IOException {
        Map<String, String> all = new LinkedHashMap<>(files);
        all.put(distInfo() + "/METADATA", "Metadata-Version: 2.1\nName: " + name + "\nVersion: " + version + "\n"
                + metadata + "\nMade by axle to train its class cache.\n");
        all.put(distInfo() + "/WHEEL", "Wheel-Version: 1.0\nGenerator: axle\nRoot-Is-Purelib: " + rootIsPurelib
                + "\nTag: py3-none-any\n");
        List<RecordEntry> record = new ArrayList<>();
        all.forEach((path, content) -> record.add(RecordEntry.of(path, utf8(content))));
        String recordPath = distInfo() + "/RECORD";
        record.add(RecordEntry.unhashed(recordPath));
        all.put(recordPath, Record.of(record).toString());

        Path wheel = dir.resolve(escaped + "-" + version + "-py3-none-any.whl");
        try (OutputStream out = Files.newOutputStream(wheel); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, String> file : all.entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(utf8(file.getValue()));
                zip.closeEntry();
            }
        }
        return wheel;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}

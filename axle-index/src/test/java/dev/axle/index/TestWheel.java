package dev.axle.index;

import dev.axle.pep.ProjectName;
import dev.axle.pep.record.Record;
import dev.axle.pep.record.RecordEntry;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A wheel written for a test: METADATA, WHEEL and RECORD with correct hashes in the dist-info
 * folder, plus chosen files in the order given (so a test can put METADATA far from the end).
 */
final class TestWheel {
    private final String name;
    private final String version;
    private final Map<String, byte[]> files = new LinkedHashMap<>();
    private boolean metadataFirst;
    private boolean stored;
    private boolean withMetadata = true;
    private int filler;

    private TestWheel(String name, String version) {
        this.name = name;
        this.version = version;
    }

    static TestWheel of(String name, String version) {
        return new TestWheel(name, version);
    }

    String distInfo() {
        return ProjectName.parse(name).escaped() + "-" + version + ".dist-info";
    }

    String filename() {
        return ProjectName.parse(name).escaped() + "-" + version + "-py3-none-any.whl";
    }

    byte[] metadata() {
        return ("Metadata-Version: 2.1\nName: " + name + "\nVersion: " + version + "\nRequires-Dist: spam>=1\n\n"
                + "A description long enough to compress: " + "spam, ".repeat(200) + "\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    TestWheel file(String path, byte[] content) {
        files.put(path, content);
        return this;
    }

    /** {@code bytes} of random (incompressible) data in a module, written after METADATA if that is first. */
    TestWheel randomFile(String path, int bytes) {
        byte[] data = new byte[bytes];
        new Random(bytes).nextBytes(data);
        return file(path, data);
    }

    /** METADATA as the zip's first entry, before the other files. */
    TestWheel metadataFirst() {
        metadataFirst = true;
        return this;
    }

    /** METADATA stored, not deflated. */
    TestWheel stored() {
        stored = true;
        return this;
    }

    TestWheel withoutMetadata() {
        withMetadata = false;
        return this;
    }

    /** {@code count} more empty entries, enough (over 65,535) to make the zip a zip64. */
    TestWheel filler(int count) {
        filler = count;
        return this;
    }

    Path write(Path folder) throws IOException {
        Path wheel = folder.resolve(filename());
        List<RecordEntry> record = new ArrayList<>();
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(wheel));
                ZipOutputStream zip = new ZipOutputStream(out)) {
            if (metadataFirst) {
                writeMetadata(zip, record);
            }
            for (var f : files.entrySet()) {
                put(zip, f.getKey(), f.getValue(), false, record);
            }
            // Left out of RECORD: hashing them all would be most of the test's time, and nothing reads it.
            for (int i = 0; i < filler; i++) {
                put(zip, "f/" + i, new byte[0], true, new ArrayList<>());
            }
            if (!metadataFirst) {
                writeMetadata(zip, record);
            }
            put(zip, distInfo() + "/WHEEL", ("Wheel-Version: 1.0\nGenerator: axle-test\nRoot-Is-Purelib: true\n"
                    + "Tag: py3-none-any\n").getBytes(StandardCharsets.UTF_8), false, record);
            record.add(RecordEntry.unhashed(distInfo() + "/RECORD"));
            zip.putNextEntry(new ZipEntry(distInfo() + "/RECORD"));
            zip.write(Record.of(record).toString().getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return wheel;
    }

    private void writeMetadata(ZipOutputStream zip, List<RecordEntry> record) throws IOException {
        if (withMetadata) {
            put(zip, distInfo() + "/METADATA", metadata(), stored, record);
        }
    }

    private static void put(ZipOutputStream zip, String path, byte[] data, boolean stored, List<RecordEntry> record)
            throws IOException {
        ZipEntry entry = new ZipEntry(path);
        if (stored) {
            CRC32 crc = new CRC32();
            crc.update(data);
            entry.setMethod(ZipEntry.STORED);
            entry.setSize(data.length);
            entry.setCompressedSize(data.length);
            entry.setCrc(crc.getValue());
        }
        zip.putNextEntry(entry);
        zip.write(data);
        zip.closeEntry();
        record.add(RecordEntry.of(path, data));
    }
}

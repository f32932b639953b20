package dev.axle.server;

import dev.axle.pep.ProjectName;
import dev.axle.pep.record.Record;
import dev.axle.pep.record.RecordEntry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Distributions written by tests: a wheel with a module, an sdist (tar.gz, ustar) with PKG-INFO. */
public final class TestDists {
    private TestDists() {}

    /** Core metadata with {@code extra} header lines (each ending in a newline) and a body. */
    public static String metadata(String metadataVersion, String name, String version, String extra, String description) {
        return "Metadata-Version: " + metadataVersion + "\nName: " + name + "\nVersion: " + version + "\n" + extra
                + "\n" + description;
    }

    /** A pure wheel whose module {@code <escaped name>_mod} holds {@code VALUE = '<version>'}. */
    public static Path wheel(Path folder, String name, String version, String metadata) throws IOException {
        String escaped = ProjectName.parse(name).escaped();
        String distInfo = escaped + "-" + version + ".dist-info";
        Path wheel = folder.resolve(escaped + "-" + version + "-py3-none-any.whl");
        Files.createDirectories(folder);
        List<RecordEntry> record = new ArrayList<>();
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(wheel))) {
            put(zip, escaped + "_mod.py", ("VALUE = '" + version + "'\n").getBytes(StandardCharsets.UTF_8), record);
            put(zip, distInfo + "/METADATA", metadata.getBytes(StandardCharsets.UTF_8), record);
            put(zip, distInfo + "/WHEEL", ("Wheel-Version: 1.0\nGenerator: axle-test\nRoot-Is-Purelib: true\n"
                    + "Tag: py3-none-any\n").getBytes(StandardCharsets.UTF_8), record);
            record.add(RecordEntry.unhashed(distInfo + "/RECORD"));
            zip.putNextEntry(new ZipEntry(distInfo + "/RECORD"));
            zip.write(Record.of(record).toString().getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return wheel;
    }

    public static Path wheel(Path folder, String name, String version) throws IOException {
        return wheel(folder, name, version, metadata("2.1", name, version, "", ""));
    }

    private static void put(ZipOutputStream zip, String path, byte[] data, List<RecordEntry> record)
            throws IOException {
        zip.putNextEntry(new ZipEntry(path));
        zip.write(data);
        zip.closeEntry();
        record.add(RecordEntry.of(path, data));
    }

    /** An sdist {@code <escaped>-<version>.tar.gz} with {@code <escaped>-<version>/PKG-INFO} and a pyproject.toml. */
    public static Path sdist(Path folder, String name, String version, String pkgInfo) throws IOException {
        String escaped = ProjectName.parse(name).escaped();
        String top = escaped + "-" + version;
        Path sdist = folder.resolve(top + ".tar.gz");
        Files.createDirectories(folder);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(sdist))) {
            tarEntry(out, top + "/PKG-INFO", pkgInfo.getBytes(StandardCharsets.UTF_8));
            tarEntry(out, top + "/pyproject.toml", ("[project]\nname = \"" + name + "\"\nversion = \"" + version
                    + "\"\n").getBytes(StandardCharsets.UTF_8));
            out.write(new byte[1024]); // two zero blocks end the archive
        }
        return sdist;
    }

    private static void tarEntry(OutputStream out, String path, byte[] data) throws IOException {
        byte[] header = new byte[512];
        ascii(header, 0, path);
        ascii(header, 100, "0000644");
        ascii(header, 108, "0000000");
        ascii(header, 116, "0000000");
        ascii(header, 124, String.format("%011o", data.length));
        ascii(header, 136, String.format("%011o", 0));
        for (int i = 148; i < 156; i++) {
            header[i] = ' ';
        }
        header[156] = '0';
        ascii(header, 257, "ustar");
        ascii(header, 263, "00");
        int sum = 0;
        for (byte b : header) {
            sum += b & 0xFF;
        }
        ascii(header, 148, String.format("%06o", sum));
        header[154] = 0;
        header[155] = ' ';
        out.write(header);
        out.write(data);
        int pad = (512 - data.length % 512) % 512;
        out.write(new byte[pad]);
    }

    private static void ascii(byte[] header, int at, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(bytes, 0, header, at, bytes.length);
    }

    public static byte[] bytes(Path file) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Files.copy(file, out);
        return out.toByteArray();
    }
}

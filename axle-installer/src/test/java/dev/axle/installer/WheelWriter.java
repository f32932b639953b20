package dev.axle.installer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Builds wheel files for tests: METADATA, WHEEL, entry_points.txt and RECORD (hashes and
 * sizes computed) around the files given, zipped with unix modes. Everything a hostile wheel
 * needs can be set: any entry name, duplicate entries, symbolic links, wrong or missing RECORD
 * lines, metadata that disagrees with the filename, another Wheel-Version.
 *
 * <pre>
 * Path whl = WheelWriter.wheel("demo", "1.0")
 *         .file("demo/__init__.py", "X = 1\n")
 *         .consoleScript("demo", "demo:main")
 *         .writeTo(dir);
 * </pre>
 */
public final class WheelWriter {
    /** rw-r--r-- regular file. */
    public static final int FILE = 0100644;
    /** rwxr-xr-x regular file. */
    public static final int EXECUTABLE = 0100755;
    /** A symbolic link. */
    public static final int SYMLINK = 0120777;

    private record Entry(String name, byte[] content, int mode) {}

    private final String name;
    private final String version;
    private String tag = "py3-none-any";
    private String buildTag;
    private String wheelVersion = "1.0";
    private boolean rootIsPurelib = true;
    private String metadataName;
    private String metadataVersion;
    private String metadataExtra = "";
    private final List<Entry> entries = new ArrayList<>();
    private final Map<String, String> distInfoFiles = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> entryPoints = new LinkedHashMap<>();
    private String entryPointsText;
    private final Map<String, String> recordOverrides = new LinkedHashMap<>();
    private final Set<String> notInRecord = new HashSet<>();
    private final List<String> extraRecordLines = new ArrayList<>();
    private boolean compress = true;
    private boolean zip64;
    private boolean withRecord = true;

    private WheelWriter(String name, String version) {
        this.name = name;
        this.version = version;
    }

    /** A wheel of project {@code name} (as METADATA writes it) and {@code version}. */
    public static WheelWriter wheel(String name, String version) {
        return new WheelWriter(name, version);
    }

    /** The compressed tag set of the filename and WHEEL; {@code py3-none-any} by default. */
    public WheelWriter tag(String tag) {
        this.tag = tag;
        return this;
    }

    public WheelWriter buildTag(String buildTag) {
        this.buildTag = buildTag;
        return this;
    }

    public WheelWriter wheelVersion(String wheelVersion) {
        this.wheelVersion = wheelVersion;
        return this;
    }

    public WheelWriter rootIsPurelib(boolean rootIsPurelib) {
        this.rootIsPurelib = rootIsPurelib;
        return this;
    }

    /** METADATA's Name, when it should differ from the filename's. */
    public WheelWriter metadataName(String metadataName) {
        this.metadataName = metadataName;
        return this;
    }

    /** METADATA's Version, when it should differ from the filename's. */
    public WheelWriter metadataVersion(String metadataVersion) {
        this.metadataVersion = metadataVersion;
        return this;
    }

    /** More METADATA header lines (each ending with a line break), such as {@code Requires-Dist: x\n}. */
    public WheelWriter metadataLines(String lines) {
        this.metadataExtra += lines;
        return this;
    }

    public WheelWriter file(String path, String content) {
        return file(path, content.getBytes(StandardCharsets.UTF_8), FILE);
    }

    public WheelWriter file(String path, byte[] content) {
        return file(path, content, FILE);
    }

    /** A file with a unix mode ({@link #FILE}, {@link #EXECUTABLE}, or 0 for none recorded). */
    public WheelWriter file(String path, byte[] content, int mode) {
        entries.add(new Entry(path, content, mode));
        return this;
    }

    public WheelWriter executable(String path, String content) {
        return file(path, content.getBytes(StandardCharsets.UTF_8), EXECUTABLE);
    }

    /** A file in the {@code .data} folder under {@code key} (purelib, platlib, scripts, headers, data, or any). */
    public WheelWriter data(String key, String path, String content) {
        return file(dataFolder() + "/" + key + "/" + path, content);
    }

    public WheelWriter data(String key, String path, byte[] content, int mode) {
        return file(dataFolder() + "/" + key + "/" + path, content, mode);
    }

    /** A file of the .dist-info folder besides METADATA, WHEEL, entry_points.txt and RECORD. */
    public WheelWriter distInfoFile(String fileName, String content) {
        distInfoFiles.put(fileName, content);
        return this;
    }

    public WheelWriter consoleScript(String script, String value) {
        return entryPoint("console_scripts", script, value);
    }

    public WheelWriter guiScript(String script, String value) {
        return entryPoint("gui_scripts", script, value);
    }

    public WheelWriter entryPoint(String group, String entry, String value) {
        entryPoints.computeIfAbsent(group, g -> new LinkedHashMap<>()).put(entry, value);
        return this;
    }

    /** entry_points.txt exactly as given (instead of the entry points added one by one). */
    public WheelWriter entryPointsText(String text) {
        this.entryPointsText = text;
        return this;
    }

    /** A symbolic link entry: mode S_IFLNK, content the target. */
    public WheelWriter symlink(String path, String target) {
        return file(path, target.getBytes(StandardCharsets.UTF_8), SYMLINK);
    }

    /** The RECORD line for {@code path} given as hash and size fields, instead of the computed ones. */
    public WheelWriter recordLine(String path, String hash, String size) {
        recordOverrides.put(path, hash + "," + size);
        return this;
    }

    /** Leaves {@code path} out of RECORD. */
    public WheelWriter notInRecord(String path) {
        notInRecord.add(path);
        return this;
    }

    /** A raw line appended to RECORD. */
    public WheelWriter extraRecordLine(String line) {
        extraRecordLines.add(line);
        return this;
    }

    /** Writes no RECORD at all. */
    public WheelWriter withoutRecord() {
        this.withRecord = false;
        return this;
    }

    /** Stores entries instead of deflating them. */
    public WheelWriter stored() {
        this.compress = false;
        return this;
    }

    /**
     * Writes zip64 records: every central directory entry keeps its sizes and offset in a
     * zip64 extra field (0xFFFFFFFF in the header), and the archive ends with a zip64 end
     * record and locator, as archivers do for wheels over 4 GiB or 65535 entries.
     */
    public WheelWriter zip64() {
        this.zip64 = true;
        return this;
    }

    public String distInfo() {
        return escaped(name) + "-" + version + ".dist-info";
    }

    public String dataFolder() {
        return escaped(name) + "-" + version + ".data";
    }

    public String filename() {
        return escaped(name) + "-" + version + (buildTag == null ? "" : "-" + buildTag) + "-" + tag + ".whl";
    }

    private static String escaped(String s) {
        return s.replaceAll("[-_.]+", "_");
    }

    /** Writes the wheel into {@code dir} under its filename. */
    public Path writeTo(Path dir) throws IOException {
        return writeTo(dir, filename());
    }

    public Path writeTo(Path dir, String fileName) throws IOException {
        Path file = dir.resolve(fileName);
        Files.write(file, bytes());
        return file;
    }

    /** The wheel's bytes. */
    public byte[] bytes() {
        List<Entry> all = new ArrayList<>(entries);
        String distInfo = distInfo();
        String metadata = "Metadata-Version: 2.1\nName: " + (metadataName == null ? name : metadataName)
                + "\nVersion: " + (metadataVersion == null ? version : metadataVersion) + "\n" + metadataExtra
                + "\nA test distribution.\n";
        all.add(new Entry(distInfo + "/METADATA", utf8(metadata), FILE));
        StringBuilder wheel = new StringBuilder("Wheel-Version: " + wheelVersion + "\nGenerator: WheelWriter (test)\n"
                + "Root-Is-Purelib: " + rootIsPurelib + "\n");
        for (String t : expandTags(tag)) {
            wheel.append("Tag: ").append(t).append('\n');
        }
        all.add(new Entry(distInfo + "/WHEEL", utf8(wheel.toString()), FILE));
        String points = entryPointsText != null ? entryPointsText : renderEntryPoints();
        if (points != null) {
            all.add(new Entry(distInfo + "/entry_points.txt", utf8(points), FILE));
        }
        distInfoFiles.forEach((file, content) -> all.add(new Entry(distInfo + "/" + file, utf8(content), FILE)));
        if (withRecord) {
            all.add(new Entry(distInfo + "/RECORD", utf8(record(all, distInfo + "/RECORD")), FILE));
        }
        return zip(all);
    }

    private String renderEntryPoints() {
        if (entryPoints.isEmpty()) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        entryPoints.forEach((group, values) -> {
            out.append('[').append(group).append("]\n");
            values.forEach((k, v) -> out.append(k).append(" = ").append(v).append('\n'));
            out.append('\n');
        });
        return out.toString();
    }

    private static List<String> expandTags(String tag) {
        String[] parts = tag.split("-");
        List<String> out = new ArrayList<>();
        for (String py : parts[0].split("\\.")) {
            for (String abi : parts[1].split("\\.")) {
                for (String platform : parts[2].split("\\.")) {
                    out.add(py + "-" + abi + "-" + platform);
                }
            }
        }
        return out;
    }

    private String record(List<Entry> all, String recordPath) {
        StringBuilder out = new StringBuilder();
        Set<String> done = new HashSet<>();
        for (Entry e : all) {
            if (e.name().endsWith("/") || notInRecord.contains(e.name()) || !done.add(e.name())) {
                continue;
            }
            String fields = recordOverrides.getOrDefault(e.name(), hash(e.content()) + "," + e.content().length);
            out.append(csv(e.name())).append(',').append(fields).append('\n');
        }
        if (!notInRecord.contains(recordPath)) {
            out.append(recordPath).append(",,\n");
        }
        extraRecordLines.forEach(line -> out.append(line).append('\n'));
        return out.toString();
    }

    private static String csv(String field) {
        return field.contains(",") || field.contains("\"") ? "\"" + field.replace("\"", "\"\"") + "\"" : field;
    }

    /** {@code sha256=<urlsafe base64, no padding>} of {@code content}. */
    public static String hash(byte[] content) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(content);
            return "sha256=" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** A zip with unix modes in the external attributes, entries as given (duplicates too). */
    private byte[] zip(List<Entry> all) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream central = new ByteArrayOutputStream();
        for (Entry e : all) {
            byte[] nameBytes = utf8(e.name());
            CRC32 crc = new CRC32();
            crc.update(e.content());
            boolean deflate = compress && e.content().length > 0 && (e.mode() & 0170000) != 0120000;
            byte[] data = deflate ? deflate(e.content()) : e.content();
            int method = deflate ? 8 : 0;
            int offset = out.size();
            le32(out, 0x04034b50);
            le16(out, 20);
            le16(out, 0x800);
            le16(out, method);
            le16(out, 0);
            le16(out, 0x21);
            le32(out, (int) crc.getValue());
            le32(out, data.length);
            le32(out, e.content().length);
            le16(out, nameBytes.length);
            le16(out, 0);
            out.writeBytes(nameBytes);
            out.writeBytes(data);

            le32(central, 0x02014b50);
            le16(central, (3 << 8) | 20);
            le16(central, 20);
            le16(central, 0x800);
            le16(central, method);
            le16(central, 0);
            le16(central, 0x21);
            le32(central, (int) crc.getValue());
            le32(central, zip64 ? -1 : data.length);
            le32(central, zip64 ? -1 : e.content().length);
            le16(central, nameBytes.length);
            le16(central, zip64 ? 28 : 0);
            le16(central, 0);
            le16(central, 0);
            le16(central, 0);
            le32(central, e.mode() << 16);
            le32(central, zip64 ? -1 : offset);
            central.writeBytes(nameBytes);
            if (zip64) {
                le16(central, 0x0001);
                le16(central, 24);
                le64(central, e.content().length);
                le64(central, data.length);
                le64(central, offset);
            }
        }
        int centralOffset = out.size();
        out.writeBytes(central.toByteArray());
        if (zip64) {
            int recordOffset = out.size();
            le32(out, 0x06064b50);
            le64(out, 44);
            le16(out, (3 << 8) | 45);
            le16(out, 45);
            le32(out, 0);
            le32(out, 0);
            le64(out, all.size());
            le64(out, all.size());
            le64(out, central.size());
            le64(out, centralOffset);
            le32(out, 0x07064b50);
            le32(out, 0);
            le64(out, recordOffset);
            le32(out, 1);
        }
        le32(out, 0x06054b50);
        le16(out, 0);
        le16(out, 0);
        le16(out, zip64 ? 0xFFFF : all.size());
        le16(out, zip64 ? 0xFFFF : all.size());
        le32(out, zip64 ? -1 : central.size());
        le32(out, zip64 ? -1 : centralOffset);
        le16(out, 0);
        return out.toByteArray();
    }

    private static byte[] deflate(byte[] content) {
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        deflater.setInput(content);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return out.toByteArray();
    }

    private static void le16(ByteArrayOutputStream out, int v) {
        out.write(v & 0xFF);
        out.write((v >>> 8) & 0xFF);
    }

    private static void le32(ByteArrayOutputStream out, int v) {
        le16(out, v & 0xFFFF);
        le16(out, (v >>> 16) & 0xFFFF);
    }

    private static void le64(ByteArrayOutputStream out, long v) {
        le32(out, (int) v);
        le32(out, (int) (v >>> 32));
    }
}

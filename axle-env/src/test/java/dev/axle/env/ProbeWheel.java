package dev.axle.env;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A small wheel with one file for each scheme key (a module, a script, a header, a data
 * file), for asking pip where each kind of file goes.
 */
final class ProbeWheel {
    static final String NAME = "axleprobe";
    static final String MODULE = "axleprobe/__init__.py";
    static final String SCRIPT = "axleprobe-script";
    static final String HEADER = "axleprobe.h";
    static final String DATA = "share/axleprobe/data.txt";

    private ProbeWheel() {}

    static Path write(Path folder) throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        files.put(MODULE, "VALUE = 1\n");
        files.put(NAME + "-1.0.data/scripts/" + SCRIPT, "#!python\nprint('probe')\n");
        files.put(NAME + "-1.0.data/headers/" + HEADER, "int axleprobe;\n");
        files.put(NAME + "-1.0.data/data/" + DATA, "data\n");
        files.put(NAME + "-1.0.dist-info/METADATA", "Metadata-Version: 2.1\nName: " + NAME + "\nVersion: 1.0\n");
        files.put(NAME + "-1.0.dist-info/WHEEL",
                "Wheel-Version: 1.0\nGenerator: axle-tests\nRoot-Is-Purelib: true\nTag: py3-none-any\n");
        StringBuilder record = new StringBuilder();
        for (Map.Entry<String, String> e : files.entrySet()) {
            byte[] data = e.getValue().getBytes(StandardCharsets.UTF_8);
            record.append(e.getKey()).append(",sha256=").append(hash(data)).append(',').append(data.length)
                    .append('\n');
        }
        String recordName = NAME + "-1.0.dist-info/RECORD";
        record.append(recordName).append(",,\n");
        files.put(recordName, record.toString());
        Path wheel = folder.resolve(NAME + "-1.0-py3-none-any.whl");
        try (OutputStream out = Files.newOutputStream(wheel); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, String> e : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return wheel;
    }

    private static String hash(byte[] data) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package dev.axle.dist;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.zip.CRC32;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.archivers.zip.ZipMethod;

/** A zip archive (a wheel or a {@code .zip} sdist), read through its central directory. */
final class ZipArchive implements AutoCloseable {
    private final ZipFile zip;
    private final String filename;
    private final List<String> names;

    private ZipArchive(ZipFile zip, String filename, List<String> names) {
        this.zip = zip;
        this.filename = filename;
        this.names = names;
    }

    /** Opens {@code file}; a file that is not a readable zip archive, or that would expand absurdly, is rejected. */
    static ZipArchive open(Path file, String filename, long size) throws DistributionException {
        ZipFile zip;
        try {
            zip = ZipFile.builder().setPath(file).get();
        } catch (IOException | RuntimeException e) {
            throw new DistributionException("Invalid distribution file: '" + filename + "' is not a valid zip archive ("
                    + e.getMessage() + ")", filename, null, e);
        }
        List<String> names = new ArrayList<>();
        long expanded = 0;
        for (ZipArchiveEntry entry : Collections.list(zip.getEntries())) {
            names.add(entry.getName());
            expanded += Math.max(0, entry.getSize());
        }
        try {
            DecompressionBomb.check(expanded, size, filename);
        } catch (DistributionException e) {
            closeQuietly(zip);
            throw e;
        }
        return new ZipArchive(zip, filename, List.copyOf(names));
    }

    /** Every entry's name, in central directory order (a name given twice is listed twice). */
    List<String> names() {
        return names;
    }

    /** Reads the entry {@code name}, which the caller has found exactly once in {@link #names()}. */
    MetadataEntry read(String name) throws DistributionException {
        ZipArchiveEntry entry = zip.getEntry(name);
        if (entry.isDirectory() || entry.isUnixSymlink()) {
            throw new DistributionException("Invalid distribution file: " + name + " in '" + filename
                    + "' is not a regular file", filename, name);
        }
        int method = entry.getMethod();
        if (method != ZipMethod.STORED.getCode() && method != ZipMethod.DEFLATED.getCode()) {
            throw new DistributionException("Invalid distribution file: " + name + " in '" + filename
                    + "' is compressed with an unsupported method (" + ZipMethod.getMethodByCode(method)
                    + "); use stored or deflated", filename, name);
        }
        MetadataEntry read;
        try (InputStream in = zip.getInputStream(entry)) {
            read = MetadataEntry.read(in, entry.getSize(), name, filename);
        } catch (IOException | RuntimeException e) {
            throw new DistributionException("Invalid distribution file: " + name + " in '" + filename
                    + "' cannot be read (" + e.getMessage() + ")", filename, name, e);
        }
        // The central directory's CRC is what zip tools trust; a mismatch means corrupted or altered bytes.
        CRC32 crc = new CRC32();
        crc.update(read.bytes());
        if (entry.getCrc() != -1 && crc.getValue() != entry.getCrc()) {
            throw new DistributionException("Invalid distribution file: " + name + " in '" + filename
                    + "' is corrupt (its CRC-32 does not match)", filename, name);
        }
        return read;
    }

    @Override
    public void close() {
        closeQuietly(zip);
    }

    private static void closeQuietly(ZipFile zip) {
        try {
            zip.close();
        } catch (IOException e) {
            // Only reading: nothing is lost.
        }
    }
}

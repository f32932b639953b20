package dev.axle.dist;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Finds an sdist's PKG-INFO: exactly one, in the archive's top folder
 * {@code {name}-{version}/} (PEP 625's layout, and setuptools' long before it). A PKG-INFO
 * deeper down (such as {@code src/foo.egg-info/PKG-INFO}) is not the sdist's.
 */
final class SdistArchive {
    private static final String PKG_INFO = "PKG-INFO";

    private SdistArchive() {}

    static MetadataEntry metadata(Path file, DistributionFilename name, long size)
            throws IOException, DistributionException {
        return switch (name.sdistFormat()) {
            case TAR_GZ -> fromTarGz(file, name, size);
            case ZIP -> fromZip(file, name, size);
        };
    }

    private static MetadataEntry fromZip(Path file, DistributionFilename name, long size) throws DistributionException {
        try (ZipArchive zip = ZipArchive.open(file, name.filename(), size)) {
            List<String> found = new ArrayList<>();
            for (String entry : zip.names()) {
                if (isTopPkgInfo(entry)) {
                    found.add(entry);
                }
            }
            String entry = single(found, name);
            return zip.read(entry);
        }
    }

    /**
     * Reads the whole tar.gz: a PKG-INFO given twice, or a truncated or corrupt archive, only
     * shows at the end.
     */
    private static MetadataEntry fromTarGz(Path file, DistributionFilename name, long size)
            throws IOException, DistributionException {
        String filename = name.filename();
        List<String> found = new ArrayList<>();
        MetadataEntry first = null;
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file));
                GzipCompressorInputStream gzip = new GzipCompressorInputStream(raw);
                BoundedInputStream bounded = new BoundedInputStream(gzip, DecompressionBomb.limit(size));
                TarArchiveInputStream tar = new TarArchiveInputStream(bounded)) {
            for (TarArchiveEntry entry; (entry = tar.getNextEntry()) != null; ) {
                String path = entry.getName();
                if (!isTopPkgInfo(path)) {
                    continue;
                }
                found.add(path);
                if (!entry.isFile()) {
                    throw new DistributionException("Invalid distribution file: " + path + " in '" + filename
                            + "' is not a regular file", filename, path);
                }
                if (first == null) {
                    first = MetadataEntry.read(tar, entry.getSize(), path, filename);
                }
            }
            // The tar's end-of-archive blocks may come before the gzip trailer (with its CRC): read on to it.
            bounded.transferTo(OutputStream.nullOutputStream());
        } catch (ExpansionLimitException e) {
            throw DecompressionBomb.rejection(e.read, size, filename);
        } catch (IOException | RuntimeException e) {
            if (e instanceof FileSystemException) {
                throw e; // the file itself cannot be read: not the archive's fault
            }
            throw new DistributionException("Invalid distribution file: '" + filename
                    + "' is not a valid gzip-compressed tar archive (" + e.getMessage() + ")", filename, null, e);
        }
        single(found, name);
        return first;
    }

    /** {@code dir/PKG-INFO}, one folder down (a leading {@code ./} is ignored). */
    private static boolean isTopPkgInfo(String path) {
        String p = path.startsWith("./") ? path.substring(2) : path;
        int slash = p.indexOf('/');
        return slash > 0 && p.indexOf('/', slash + 1) < 0 && p.substring(slash + 1).equals(PKG_INFO);
    }

    private static String single(List<String> found, DistributionFilename name) throws DistributionException {
        String filename = name.filename();
        String expected = name.stem() + "/" + PKG_INFO;
        String entry = DistributionException.single(found, PKG_INFO, filename, expected);
        String p = entry.startsWith("./") ? entry.substring(2) : entry;
        String dir = p.substring(0, p.indexOf('/'));
        if (!name.matchesFolder(dir)) {
            throw new DistributionException("Invalid distribution file: '" + filename + "' has its PKG-INFO in " + dir
                    + "/, which is not the top folder of " + name.name() + " " + name.version() + " (expected "
                    + name.stem() + "/)", filename, entry);
        }
        return entry;
    }

    /** Stops reading past {@code limit} bytes: the tar inside a gzip may be a bomb. */
    private static final class BoundedInputStream extends FilterInputStream {
        private final long limit;
        private long read;

        BoundedInputStream(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count(skipped);
            return skipped;
        }

        private void count(long n) throws ExpansionLimitException {
            read += n;
            if (read > limit) {
                throw new ExpansionLimitException(read);
            }
        }
    }

    private static final class ExpansionLimitException extends IOException {
        private static final long serialVersionUID = 1L;
        final long read;

        ExpansionLimitException(long read) {
            super("expands past " + read + " bytes");
            this.read = read;
        }
    }
}

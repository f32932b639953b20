package dev.axle.index;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.Adler32;
import java.util.zip.CRC32C;

/**
 * Project pages as parsed, kept beside the HTTP cache under {@code <folder>/pages-v1/}, so
 * that a page read again from the cache is not parsed again: parsing HTML took a warm
 * resolution of jupyter about 45 ms of CPU, and as much again compiling the parser.
 *
 * <p>An entry holds the parsed page and what it was parsed from: the page's URL (its base for
 * relative links), its content type, and the body's length and two checksums (CRC-32C and Adler-32, 64 bits together; a
 * body that changed but kept its length and both sums would go unnoticed). An entry that does
 * not match the body read, or cannot be read, is ignored and replaced. Writes go to a
 * temporary file renamed into place; failing to write only costs the next run a parse.
 */
final class ParsedPages {
    private static final int FORMAT = 1;
    private final Path root;

    ParsedPages(Path folder) {
        this.root = folder.resolve("pages-v1");
    }

    /** The page {@code body} as {@code parse} reads it, from this cache when it holds it. */
    ProjectPage page(URI url, String contentType, byte[] body, Parse parse) throws IOException {
        // Named by checksums of the URL, not a cryptographic hash (SHA-256 runs slowly under the
        // quick compiler): the entry holds its URL, so two URLs with one name only take turns.
        String key = HexFormat.of().toHexDigits(sums(url.toString().getBytes(StandardCharsets.UTF_8)));
        Path file = root.resolve(key.substring(0, 2)).resolve(key.substring(2));
        long sums = sums(body);
        try {
            ProjectPage kept = read(Files.readAllBytes(file), url, contentType, body.length, sums);
            if (kept != null) {
                return kept;
            }
        } catch (NoSuchFileException e) {
            // not parsed before
        } catch (IOException | RuntimeException e) {
            // damaged: parsed and written again below
        }
        ProjectPage page = parse.parse();
        try {
            Files.createDirectories(file.getParent());
            Path temporary = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp");
            try {
                Files.write(temporary, write(page, url, contentType, body.length, sums));
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            // the next run parses the page again
        }
        return page;
    }

    /** How a page is parsed when this cache does not hold it. */
    @FunctionalInterface
    interface Parse {
        ProjectPage parse() throws IOException;
    }

    private static long sums(byte[] body) {
        CRC32C crc = new CRC32C();
        crc.update(body);
        Adler32 adler = new Adler32();
        adler.update(body);
        return crc.getValue() << 32 | adler.getValue();
    }

    static byte[] write(ProjectPage page, URI url, String contentType, int length, long sums) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256 + page.files().size() * 256);
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(FORMAT);
        out.writeUTF(url.toString());
        out.writeUTF(contentType == null ? "" : contentType);
        out.writeInt(length);
        out.writeLong(sums);
        out.writeUTF(page.name());
        out.writeInt(page.apiVersion().major());
        out.writeInt(page.apiVersion().minor());
        writeStrings(out, page.versions());
        out.writeInt(page.files().size());
        for (DistributionFile f : page.files()) {
            out.writeUTF(f.filename());
            out.writeUTF(f.url().toString());
            writeMap(out, f.hashes());
            writeOptional(out, f.requiresPython());
            out.writeBoolean(f.yanked().yanked());
            writeOptional(out, f.yanked().reason());
            out.writeBoolean(f.coreMetadata().available());
            writeMap(out, f.coreMetadata().hashes());
            out.writeByte(f.gpgSig().map(b -> b ? 1 : 0).orElse(-1));
            out.writeLong(f.size().orElse(-1L));
            out.writeBoolean(f.uploadTime().isPresent());
            if (f.uploadTime().isPresent()) {
                out.writeLong(f.uploadTime().get().getEpochSecond());
                out.writeInt(f.uploadTime().get().getNano());
            }
        }
        out.flush();
        return bytes.toByteArray();
    }

    /** The page an entry holds; null if the entry is of another page, body or format. */
    static ProjectPage read(byte[] entry, URI url, String contentType, int length, long sums) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(entry));
        if (in.readInt() != FORMAT || !in.readUTF().equals(url.toString())
                || !in.readUTF().equals(contentType == null ? "" : contentType) || in.readInt() != length
                || in.readLong() != sums) {
            return null;
        }
        String name = in.readUTF();
        ApiVersion api = ApiVersion.of(in.readInt(), in.readInt());
        List<String> versions = readStrings(in);
        int count = in.readInt();
        List<DistributionFile> files = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String filename = in.readUTF();
            URI fileUrl = URI.create(in.readUTF());
            Map<String, String> hashes = readMap(in);
            Optional<String> requiresPython = readOptional(in);
            boolean yanked = in.readBoolean();
            Optional<String> reason = readOptional(in);
            Yanked y = new Yanked(yanked, reason);
            boolean metadata = in.readBoolean();
            Map<String, String> metadataHashes = readMap(in);
            CoreMetadata core = metadata ? CoreMetadata.available(metadataHashes) : CoreMetadata.ABSENT;
            byte gpg = in.readByte();
            long size = in.readLong();
            Optional<Instant> uploaded = in.readBoolean()
                    ? Optional.of(Instant.ofEpochSecond(in.readLong(), in.readInt())) : Optional.empty();
            files.add(new DistributionFile(filename, fileUrl, hashes, requiresPython, y, core,
                    gpg < 0 ? Optional.empty() : Optional.of(gpg == 1), size < 0 ? Optional.empty() : Optional.of(size),
                    uploaded));
        }
        if (in.available() != 0) {
            return null;
        }
        return ProjectPage.of(name, api, files, versions);
    }

    private static void writeStrings(DataOutputStream out, List<String> strings) throws IOException {
        out.writeInt(strings.size());
        for (String s : strings) {
            out.writeUTF(s);
        }
    }

    private static List<String> readStrings(DataInputStream in) throws IOException {
        int n = in.readInt();
        List<String> strings = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            strings.add(in.readUTF());
        }
        return strings;
    }

    private static void writeMap(DataOutputStream out, Map<String, String> map) throws IOException {
        out.writeInt(map.size());
        for (Map.Entry<String, String> e : map.entrySet()) {
            out.writeUTF(e.getKey());
            out.writeUTF(e.getValue());
        }
    }

    private static Map<String, String> readMap(DataInputStream in) throws IOException {
        int n = in.readInt();
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            map.put(in.readUTF(), in.readUTF());
        }
        return map;
    }

    private static void writeOptional(DataOutputStream out, Optional<String> value) throws IOException {
        out.writeBoolean(value.isPresent());
        if (value.isPresent()) {
            out.writeUTF(value.get());
        }
    }

    private static Optional<String> readOptional(DataInputStream in) throws IOException {
        return in.readBoolean() ? Optional.of(in.readUTF()) : Optional.empty();
    }
}

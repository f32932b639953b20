package dev.axle.finder;

import dev.axle.installer.WheelWriter;
import dev.axle.pep.ProjectName;
import dev.axle.pep.WheelFilename;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipInputStream;

/**
 * A static PEP 503 index written by a test into a folder: the distributions in {@code files/},
 * one page per project in {@code simple/<project>/index.html} with links carrying
 * {@code #sha256=}, and the root page {@code simple/index.html}. Serve the folder with
 * {@code python3 -m http.server} ({@code <server>/simple/}) or use {@link #fileIndex()}.
 *
 * <pre>
 * PackageTree tree = new PackageTree(dir)
 *         .wheel(WheelWriter.wheel("alpha", "1.0").metadataLines("Requires-Dist: beta\n"))
 *         .wheel(WheelWriter.wheel("beta", "1.0"), Link.plain().withoutMetadataFile())
 *         .write();
 * </pre>
 */
public final class PackageTree {
    /**
     * How a file is listed on its project's page.
     *
     * @param requiresPython {@code data-requires-python}, or null
     * @param yanked         {@code data-yanked}'s reason ("" for none given), or null if not yanked
     * @param metadataFile   whether a PEP 658 metadata file is written beside the file and announced
     *                       (with both {@code data-core-metadata} and {@code data-dist-info-metadata},
     *                       as PyPI does)
     */
    public record Link(String requiresPython, String yanked, boolean metadataFile) {
        /** A link with a metadata file, nothing else. */
        public static Link plain() {
            return new Link(null, null, true);
        }

        public Link requiringPython(String specifiers) {
            return new Link(specifiers, yanked, metadataFile);
        }

        public Link yankedFor(String reason) {
            return new Link(requiresPython, reason, metadataFile);
        }

        public Link withoutMetadataFile() {
            return new Link(requiresPython, yanked, false);
        }
    }

    private final Path root;
    private final Map<String, List<String>> pages = new TreeMap<>();

    public PackageTree(Path root) throws IOException {
        this.root = root;
        Files.createDirectories(files());
    }

    /** The folder the distributions are written to. */
    public Path files() {
        return root.resolve("files");
    }

    /** The tree as a {@code file:} index. */
    public URI fileIndex() {
        return root.resolve("simple").toUri();
    }

    public PackageTree wheel(WheelWriter wheel) throws IOException {
        return wheel(wheel, Link.plain());
    }

    public PackageTree wheel(WheelWriter wheel, Link link) throws IOException {
        byte[] bytes = wheel.bytes();
        String project = WheelFilename.parse(wheel.filename()).name();
        return file(project, wheel.filename(), bytes, metadataOf(bytes, wheel.distInfo()), link);
    }

    /**
     * A source distribution {@code name-version.tar.gz} holding {@code name-version/PKG-INFO}; the
     * same PKG-INFO is its metadata file when the link has one (PEP 643 lets indexes serve it).
     */
    public PackageTree sdist(String name, String version, String pkgInfo, Link link) throws IOException {
        String base = ProjectName.parse(name).escaped() + "-" + version;
        byte[] info = pkgInfo.getBytes(StandardCharsets.UTF_8);
        return file(ProjectName.parse(name).toString(), base + ".tar.gz", tarGz(base + "/PKG-INFO", info), info, link);
    }

    private PackageTree file(String project, String filename, byte[] bytes, byte[] metadata, Link link)
            throws IOException {
        Files.write(files().resolve(filename), bytes);
        StringBuilder a = new StringBuilder("<a href=\"../../files/" + filename + "#sha256=" + sha256(bytes) + "\"");
        if (link.requiresPython() != null) {
            a.append(" data-requires-python=\"").append(escape(link.requiresPython())).append('"');
        }
        if (link.yanked() != null) {
            a.append(" data-yanked=\"").append(escape(link.yanked())).append('"');
        }
        if (link.metadataFile()) {
            Files.write(files().resolve(filename + ".metadata"), metadata);
            String hash = "sha256=" + sha256(metadata);
            a.append(" data-core-metadata=\"").append(hash).append("\" data-dist-info-metadata=\"").append(hash).append('"');
        }
        a.append('>').append(filename).append("</a><br>");
        pages.computeIfAbsent(project, p -> new ArrayList<>()).add(a.toString());
        return this;
    }

    /** Writes the project pages and the root page; call after adding the files (again after adding more). */
    public PackageTree write() throws IOException {
        StringBuilder index = new StringBuilder("<!DOCTYPE html>\n<html><body>\n");
        for (var page : pages.entrySet()) {
            Path folder = Files.createDirectories(root.resolve("simple").resolve(page.getKey()));
            Files.writeString(folder.resolve("index.html"), "<!DOCTYPE html>\n<html><head><meta name=\"pypi:repository-version\""
                    + " content=\"1.1\"></head><body>\n" + String.join("\n", page.getValue()) + "\n</body></html>\n");
            index.append("<a href=\"").append(page.getKey()).append("/\">").append(page.getKey()).append("</a>\n");
        }
        Files.writeString(root.resolve("simple/index.html"), index.append("</body></html>\n").toString());
        return this;
    }

    /** The wheel's own METADATA, so that the metadata file is exactly what the wheel holds. */
    private static byte[] metadataOf(byte[] wheel, String distInfo) throws IOException {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(wheel))) {
            for (var e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (e.getName().equals(distInfo + "/METADATA")) {
                    return zip.readAllBytes();
                }
            }
        }
        throw new IOException("no " + distInfo + "/METADATA in the wheel");
    }

    /** A gzipped ustar archive of one file. */
    private static byte[] tarGz(String name, byte[] content) throws IOException {
        byte[] header = new byte[512];
        put(header, 0, name);
        put(header, 100, "0000644\0");
        put(header, 108, "0000000\0");
        put(header, 116, "0000000\0");
        put(header, 124, String.format("%011o\0", content.length));
        put(header, 136, "00000000000\0");
        put(header, 148, "        ");
        header[156] = '0';
        put(header, 257, "ustar\0");
        put(header, 263, "00");
        int sum = 0;
        for (byte b : header) {
            sum += b & 0xff;
        }
        put(header, 148, String.format("%06o\0 ", sum));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(header);
            gz.write(content);
            gz.write(new byte[(512 - content.length % 512) % 512 + 1024]);
        }
        return out.toByteArray();
    }

    private static void put(byte[] header, int offset, String text) {
        byte[] b = text.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(b, 0, header, offset, b.length);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

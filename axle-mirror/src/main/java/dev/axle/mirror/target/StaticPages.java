package dev.axle.mirror.target;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.axle.index.Yanked;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A static index's pages, in both forms of the simple API: PEP 503 HTML (with PEP 592
 * {@code data-yanked}, {@code data-requires-python} and PEP 658/714 metadata attributes) and
 * PEP 691 JSON at api-version 1.1 (with PEP 700's {@code versions}, {@code size} and
 * {@code upload-time}, and PyPI's {@code _last-serial}). Links are relative, so the tree works
 * wherever it is served from, {@code file://} included.
 */
public final class StaticPages {
    static final String API_VERSION = "1.1";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter UPLOAD_TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private StaticPages() {}

    /**
     * A file as a project page lists it.
     *
     * @param href           the link, relative to the project page, without fragment
     * @param hashes         hashlib names to hex digests; holds {@code sha256}
     * @param metadataSha256 the sha256 of the metadata file beside it, if there is one
     */
    public record PageFile(String filename, String href, Map<String, String> hashes, Optional<String> requiresPython,
            Yanked yanked, Optional<String> metadataSha256, long size, Optional<Instant> uploadTime) {
        public PageFile {
            Objects.requireNonNull(filename, "filename");
            Objects.requireNonNull(href, "href");
            hashes = Map.copyOf(hashes);
            if (!hashes.containsKey("sha256")) {
                throw new IllegalArgumentException("a mirrored file has a sha256: " + filename);
            }
        }
    }

    /** A project as the project list shows it. */
    public record ListedProject(String name, String displayName, long serial) {}

    public static byte[] projectJson(String displayName, long serial, List<PageFile> files, List<String> versions) {
        ObjectNode root = JSON.createObjectNode();
        meta(root, serial);
        root.put("name", displayName);
        ArrayNode array = root.putArray("files");
        for (PageFile f : files) {
            ObjectNode file = array.addObject();
            file.put("filename", f.filename());
            file.put("url", f.href());
            ObjectNode hashes = file.putObject("hashes");
            f.hashes().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(e -> hashes.put(e.getKey(), e.getValue()));
            f.requiresPython().ifPresent(r -> file.put("requires-python", r));
            if (f.metadataSha256().isPresent()) {
                file.putObject("core-metadata").put("sha256", f.metadataSha256().get());
                file.putObject("dist-info-metadata").put("sha256", f.metadataSha256().get());
            }
            if (!f.yanked().yanked()) {
                file.put("yanked", false);
            } else if (f.yanked().reason().isPresent()) {
                file.put("yanked", f.yanked().reason().get());
            } else {
                file.put("yanked", true);
            }
            file.put("size", f.size());
            f.uploadTime().ifPresent(t -> file.put("upload-time", UPLOAD_TIME.format(t)));
        }
        ArrayNode versionList = root.putArray("versions");
        versions.forEach(versionList::add);
        return json(root);
    }

    public static byte[] projectHtml(String displayName, List<PageFile> files) {
        StringBuilder html = head("Links for " + displayName);
        for (PageFile f : files) {
            html.append("    <a href=\"").append(escape(f.href() + "#sha256=" + f.hashes().get("sha256"))).append('"');
            f.requiresPython().ifPresent(r -> html.append(" data-requires-python=\"").append(escape(r)).append('"'));
            if (f.yanked().yanked()) {
                html.append(" data-yanked=\"").append(escape(f.yanked().reason().orElse(""))).append('"');
            }
            f.metadataSha256().ifPresent(sha -> html.append(" data-dist-info-metadata=\"sha256=").append(sha)
                    .append("\" data-core-metadata=\"sha256=").append(sha).append('"'));
            html.append('>').append(escape(f.filename())).append("</a><br />\n");
        }
        return tail(html);
    }

    /** The project list (JSON); {@code meta._last-serial} is the largest project serial. */
    public static byte[] listJson(List<ListedProject> projects) {
        ObjectNode root = JSON.createObjectNode();
        meta(root, projects.stream().mapToLong(ListedProject::serial).max().orElse(-1));
        ArrayNode array = root.putArray("projects");
        for (ListedProject p : projects) {
            ObjectNode project = array.addObject().put("name", p.displayName());
            if (p.serial() >= 0) {
                project.put("_last-serial", p.serial());
            }
        }
        return json(root);
    }

    public static byte[] listHtml(List<ListedProject> projects) {
        StringBuilder html = head("Simple index");
        for (ListedProject p : projects) {
            html.append("    <a href=\"").append(escape(p.name())).append("/\">").append(escape(p.displayName()))
                    .append("</a><br />\n");
        }
        return tail(html);
    }

    /** A key as a relative URL path: each segment percent-encoded but for RFC 3986's unreserved characters. */
    public static String encodePath(String key) {
        StringBuilder out = new StringBuilder(key.length() + 16);
        for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "-._~/".indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return out.toString();
    }

    private static void meta(ObjectNode root, long serial) {
        ObjectNode meta = root.putObject("meta").put("api-version", API_VERSION);
        if (serial >= 0) {
            meta.put("_last-serial", serial);
        }
    }

    private static StringBuilder head(String title) {
        return new StringBuilder(4096).append("<!DOCTYPE html>\n<html>\n  <head>\n")
                .append("    <meta name=\"pypi:repository-version\" content=\"").append(API_VERSION).append("\">\n")
                .append("    <title>").append(escape(title)).append("</title>\n  </head>\n  <body>\n")
                .append("    <h1>").append(escape(title)).append("</h1>\n");
    }

    private static byte[] tail(StringBuilder html) {
        return html.append("  </body>\n</html>\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static byte[] json(ObjectNode root) {
        try {
            return JSON.writeValueAsBytes(root);
        } catch (JacksonException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }
}

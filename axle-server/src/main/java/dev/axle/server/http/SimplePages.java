package dev.axle.server.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.axle.server.Catalog.ProjectView;
import dev.axle.server.Versions;
import dev.axle.server.store.Project;
import dev.axle.server.store.Release;
import dev.axle.server.store.StoredFile;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The simple repository API's pages (PEP 503 HTML, PEP 691 JSON at api-version 1.4 with
 * PEP 700's fields), both rendered from the same {@link ProjectView}.
 */
final class SimplePages {
    static final String API_VERSION = "1.4";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter UPLOAD_TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private SimplePages() {}

    /**
     * The project list; links are relative to the list's own URL. The JSON form gives each
     * project's {@code _last-serial}, as PyPI does, so that mirrors fetch only what changed.
     */
    static byte[] list(String mediaType, List<Project> projects, long serial) {
        if (mediaType.equals(MediaTypes.SIMPLE_JSON)) {
            ObjectNode root = JSON.createObjectNode();
            meta(root, serial);
            ArrayNode list = root.putArray("projects");
            for (Project p : projects) {
                list.addObject().put("name", p.displayName()).put("_last-serial", p.lastSerial());
            }
            return json(root);
        }
        StringBuilder html = head("Simple index");
        for (Project p : projects) {
            html.append("    <a href=\"").append(Html.escape(Urls.segment(p.name()))).append("/\">")
                    .append(Html.escape(p.displayName())).append("</a><br />\n");
        }
        return tail(html);
    }

    /** A project's page. */
    static byte[] project(String mediaType, ProjectView view) {
        if (mediaType.equals(MediaTypes.SIMPLE_JSON)) {
            ObjectNode root = JSON.createObjectNode();
            meta(root, view.lastSerial());
            root.put("name", view.name());
            ArrayNode files = root.putArray("files");
            for (StoredFile f : view.files()) {
                ObjectNode file = files.addObject();
                file.put("filename", f.filename());
                file.put("url", Urls.file(f));
                file.putObject("hashes").put("sha256", f.sha256());
                f.requiresPython().ifPresent(r -> file.put("requires-python", r));
                if (f.metadataSha256().isPresent()) {
                    file.putObject("core-metadata").put("sha256", f.metadataSha256().get());
                    file.putObject("dist-info-metadata").put("sha256", f.metadataSha256().get());
                }
                if (f.yanked()) {
                    if (f.yankedReason().isPresent()) {
                        file.put("yanked", f.yankedReason().get());
                    } else {
                        file.put("yanked", true);
                    }
                } else {
                    file.put("yanked", false);
                }
                if (f.size() >= 0) {
                    file.put("size", f.size());
                }
                if (!f.uploadTime().equals(Instant.EPOCH)) {
                    file.put("upload-time", uploadTime(f.uploadTime()));
                }
            }
            ArrayNode versions = root.putArray("versions");
            versions(view).forEach(versions::add);
            return json(root);
        }
        StringBuilder html = head("Links for " + view.name());
        for (StoredFile f : view.files()) {
            html.append("    <a href=\"").append(Html.escape(Urls.file(f) + "#sha256=" + f.sha256())).append('"');
            f.requiresPython().ifPresent(r -> html.append(" data-requires-python=\"").append(Html.escape(r))
                    .append('"'));
            if (f.yanked()) {
                html.append(" data-yanked=\"").append(Html.escape(f.yankedReason().orElse(""))).append('"');
            }
            f.metadataSha256().ifPresent(sha -> html.append(" data-dist-info-metadata=\"sha256=").append(sha)
                    .append("\" data-core-metadata=\"sha256=").append(sha).append('"'));
            html.append('>').append(Html.escape(f.filename())).append("</a><br />\n");
        }
        return tail(html);
    }

    /** PEP 700's versions: every release's version, in PEP 440 order. */
    static List<String> versions(ProjectView view) {
        List<String> versions = new ArrayList<>();
        view.releases().stream().map(Release::version).forEach(versions::add);
        view.files().stream().map(StoredFile::version).forEach(versions::add);
        return Versions.sorted(versions);
    }

    static String uploadTime(Instant instant) {
        return UPLOAD_TIME.format(instant);
    }

    private static void meta(ObjectNode root, long serial) {
        root.putObject("meta").put("api-version", API_VERSION).put("_last-serial", serial);
    }

    private static StringBuilder head(String title) {
        return new StringBuilder(4096).append("<!DOCTYPE html>\n<html>\n  <head>\n")
                .append("    <meta name=\"pypi:repository-version\" content=\"").append(API_VERSION).append("\">\n")
                .append("    <title>").append(Html.escape(title)).append("</title>\n  </head>\n  <body>\n")
                .append("    <h1>").append(Html.escape(title)).append("</h1>\n");
    }

    private static byte[] tail(StringBuilder html) {
        return html.append("  </body>\n</html>\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] json(Object tree) {
        try {
            return JSON.writeValueAsBytes(tree);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }
}

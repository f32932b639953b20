package dev.axle.server.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.axle.pep.MetadataField;
import dev.axle.pep.RawMetadata;
import dev.axle.pep.Version;
import dev.axle.server.Catalog.ProjectView;
import dev.axle.server.Versions;
import dev.axle.server.store.Release;
import dev.axle.server.store.StoredFile;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Warehouse's JSON API ({@code /pypi/{project}/json} and {@code /pypi/{project}/{version}/json}):
 * the fields tools read. {@code info} comes from the core metadata of the release's first file.
 */
final class WarehouseJson {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter UPLOAD_TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);

    private WarehouseJson() {}

    /**
     * The project's document at {@code version}, or at its latest version when null; empty when
     * there is no such version. {@code serverUrl} and {@code indexUrl} end in a slash.
     */
    static Optional<byte[]> render(ProjectView view, String version, String serverUrl, String indexUrl) {
        Optional<String> shown = version == null ? Versions.latest(view.files())
                : view.files().stream().map(StoredFile::version)
                        .filter(v -> Version.parse(v).equals(Version.parse(version))).findFirst();
        if (shown.isEmpty()) {
            return Optional.empty();
        }
        String v = shown.get();
        List<StoredFile> releaseFiles = filesOf(view, v);
        ObjectNode root = JSON.createObjectNode();
        ObjectNode info = root.putObject("info");
        RawMetadata metadata = view.releases().stream().filter(r -> r.version().equals(v)).findFirst()
                .map(Release::metadata).map(RawMetadata::parseEmail).orElse(RawMetadata.builder().build());
        info.put("name", view.displayName());
        info.put("version", v);
        text(info, "summary", metadata, MetadataField.SUMMARY);
        text(info, "description", metadata, MetadataField.DESCRIPTION);
        text(info, "description_content_type", metadata, MetadataField.DESCRIPTION_CONTENT_TYPE);
        text(info, "author", metadata, MetadataField.AUTHOR);
        text(info, "author_email", metadata, MetadataField.AUTHOR_EMAIL);
        text(info, "maintainer", metadata, MetadataField.MAINTAINER);
        text(info, "maintainer_email", metadata, MetadataField.MAINTAINER_EMAIL);
        text(info, "license", metadata, MetadataField.LICENSE);
        text(info, "license_expression", metadata, MetadataField.LICENSE_EXPRESSION);
        text(info, "home_page", metadata, MetadataField.HOME_PAGE);
        text(info, "download_url", metadata, MetadataField.DOWNLOAD_URL);
        text(info, "requires_python", metadata, MetadataField.REQUIRES_PYTHON);
        info.put("keywords", metadata.list(MetadataField.KEYWORDS).map(k -> String.join(",", k)).orElse(null));
        list(info, "classifiers", metadata, MetadataField.CLASSIFIER, true);
        list(info, "requires_dist", metadata, MetadataField.REQUIRES_DIST, false);
        list(info, "provides_extra", metadata, MetadataField.PROVIDES_EXTRA, false);
        list(info, "platform", metadata, MetadataField.PLATFORM, false);
        Optional<Map<String, String>> urls = metadata.projectUrls();
        if (urls.isPresent()) {
            ObjectNode projectUrls = info.putObject("project_urls");
            urls.get().forEach(projectUrls::put);
        } else {
            info.putNull("project_urls");
        }
        boolean yanked = !releaseFiles.isEmpty() && releaseFiles.stream().allMatch(StoredFile::yanked);
        info.put("yanked", yanked);
        info.put("yanked_reason", yanked ? releaseFiles.getFirst().yankedReason().orElse(null) : null);
        String project = indexUrl + "project/" + Urls.segment(view.name()) + "/";
        info.put("package_url", project);
        info.put("project_url", project);
        info.put("release_url", project + Urls.segment(v) + "/");
        info.putNull("bugtrack_url");
        info.putNull("docs_url");
        root.put("last_serial", view.lastSerial());
        if (version == null) {
            ObjectNode releases = root.putObject("releases");
            for (String each : SimplePages.versions(view)) {
                ArrayNode files = releases.putArray(each);
                filesOf(view, each).forEach(f -> file(files.addObject(), f, serverUrl));
            }
        }
        ArrayNode files = root.putArray("urls");
        releaseFiles.forEach(f -> file(files.addObject(), f, serverUrl));
        root.putArray("vulnerabilities");
        return Optional.of(SimplePages.json(root));
    }

    private static List<StoredFile> filesOf(ProjectView view, String version) {
        return view.files().stream().filter(f -> f.version().equals(version)).toList();
    }

    private static void file(ObjectNode node, StoredFile f, String serverUrl) {
        node.putNull("comment_text");
        node.putObject("digests").put("md5", f.md5()).put("sha256", f.sha256());
        node.put("downloads", -1);
        node.put("filename", f.filename());
        node.put("has_sig", false);
        node.put("md5_digest", f.md5());
        node.put("packagetype", f.packageType());
        node.put("python_version", pythonVersion(f));
        node.put("requires_python", f.requiresPython().orElse(null));
        boolean known = !f.uploadTime().equals(java.time.Instant.EPOCH); // a proxied file's upstream may not say
        node.put("size", f.size() >= 0 ? f.size() : null);
        node.put("upload_time", known ? UPLOAD_TIME.format(f.uploadTime()) : null);
        node.put("upload_time_iso_8601", known ? SimplePages.uploadTime(f.uploadTime()) : null);
        node.put("url", serverUrl + Urls.file(f).substring(1));
        node.put("yanked", f.yanked());
        node.put("yanked_reason", f.yankedReason().orElse(null));
    }

    /** Warehouse's python_version: a wheel's Python tag, "source" for an sdist. */
    private static String pythonVersion(StoredFile f) {
        if (!f.filename().endsWith(".whl")) {
            return "source";
        }
        String[] parts = f.filename().substring(0, f.filename().length() - 4).split("-");
        return parts.length >= 5 ? parts[parts.length - 3] : "";
    }

    private static void text(ObjectNode info, String key, RawMetadata metadata, MetadataField field) {
        info.put(key, metadata.string(field).orElse(key.equals("summary") || key.equals("description") ? "" : null));
    }

    private static void list(ObjectNode info, String key, RawMetadata metadata, MetadataField field, boolean empty) {
        Optional<List<String>> values = metadata.list(field);
        if (values.isEmpty() && !empty) {
            info.putNull(key);
            return;
        }
        ArrayNode array = info.putArray(key);
        values.orElse(List.of()).forEach(array::add);
    }
}

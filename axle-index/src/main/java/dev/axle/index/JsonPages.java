package dev.axle.index;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.axle.pep.ProjectName;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The JSON form (PEP 691 with PEP 700 and 714). Unknown keys are ignored, as the
 * specification asks so that minor versions can add keys; a known key with a value of the
 * wrong type is an error naming the key. JSON {@code null} counts as absent for optional keys,
 * and a file without {@code hashes} (required, but possibly empty) as one without hashes.
 */
final class JsonPages {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final URI url;

    private JsonPages(URI url) {
        this.url = url;
    }

    static ProjectPage projectPage(byte[] body, URI url) throws InvalidIndexPageException {
        JsonPages page = new JsonPages(url);
        JsonNode root = page.read(body);
        ApiVersion version = page.apiVersion(root);
        String name = page.string(root, "name", "name").orElseThrow(() -> page.missing("name"));
        if (!ProjectName.isValid(name)) {
            throw page.invalid("name", "'" + name + "' is no valid project name");
        }
        List<DistributionFile> files = new ArrayList<>();
        JsonNode array = page.array(root, "files", "files").orElseThrow(() -> page.missing("files"));
        for (int i = 0; i < array.size(); i++) {
            files.add(page.file(page.object(array.get(i), "files[" + i + "]"), "files[" + i + "]."));
        }
        List<String> versions = new ArrayList<>();
        Optional<JsonNode> versionArray = page.array(root, "versions", "versions");
        if (versionArray.isPresent()) {
            for (int i = 0; i < versionArray.get().size(); i++) {
                versions.add(page.text(versionArray.get().get(i), "versions[" + i + "]"));
            }
        }
        return ProjectPage.of(name, version, files, versions)
                .withSerialIfAbsent(page.lastSerial(root.get("meta"), "meta._last-serial"));
    }

    static ProjectList projectList(byte[] body, URI url) throws InvalidIndexPageException {
        JsonPages page = new JsonPages(url);
        JsonNode root = page.read(body);
        ApiVersion version = page.apiVersion(root);
        List<ProjectList.Project> projects = new ArrayList<>();
        JsonNode array = page.array(root, "projects", "projects").orElseThrow(() -> page.missing("projects"));
        for (int i = 0; i < array.size(); i++) {
            String key = "projects[" + i + "]";
            JsonNode project = page.object(array.get(i), key);
            projects.add(ProjectList.Project.of(
                    page.string(project, "name", key + ".name").orElseThrow(() -> page.missing(key + ".name")),
                    page.lastSerial(project, key + "._last-serial")));
        }
        return new ProjectList(version, projects);
    }

    private DistributionFile file(JsonNode file, String prefix) throws InvalidIndexPageException {
        String filename = string(file, "filename", prefix + "filename").orElseThrow(() -> missing(prefix + "filename"));
        String href = string(file, "url", prefix + "url").orElseThrow(() -> missing(prefix + "url"));
        FileLink link = FileLink.resolve(url, href)
                .orElseThrow(() -> invalid(prefix + "url", "'" + href + "' is no URL"));
        // The fragment's hash (rare in JSON) under the dictionary's, which is the JSON way to say it.
        Map<String, String> hashes = new LinkedHashMap<>(link.hashes());
        hashes.putAll(hashes(file.get("hashes"), prefix + "hashes"));
        return new DistributionFile(filename, link.url(), hashes,
                string(file, "requires-python", prefix + "requires-python"),
                yanked(file.get("yanked"), prefix + "yanked"),
                coreMetadata(file, prefix),
                bool(file.get("gpg-sig"), prefix + "gpg-sig"),
                size(file.get("size"), prefix + "size"),
                uploadTime(file, prefix + "upload-time"));
    }

    /** PyPI's {@code _last-serial} (not in PEP 691, so read leniently: anything but an integer is absent). */
    private OptionalLong lastSerial(JsonNode object, String key) {
        JsonNode value = object == null ? null : object.get("_last-serial");
        return value != null && value.isIntegralNumber() && value.canConvertToLong()
                ? OptionalLong.of(value.longValue()) : OptionalLong.empty();
    }

    private ApiVersion apiVersion(JsonNode root) throws InvalidIndexPageException {
        JsonNode meta = object(root.get("meta"), "meta");
        String text = string(meta, "api-version", "meta.api-version").orElseThrow(() -> missing("meta.api-version"));
        return SimpleApi.supported(ApiVersion.parse(text)
                .orElseThrow(() -> invalid("meta.api-version", "'" + text + "' is no major.minor version")), url);
    }

    /** {@code true} or a non-empty reason; {@code false}, null and {@code ""} (not truthy: PEP 691) are not yanked. */
    private Yanked yanked(JsonNode value, String key) throws InvalidIndexPageException {
        if (value == null || value.isNull()) {
            return Yanked.NO;
        }
        if (value.isBoolean()) {
            return value.booleanValue() ? Yanked.because(null) : Yanked.NO;
        }
        if (value.isTextual()) {
            return value.textValue().isEmpty() ? Yanked.NO : Yanked.because(value.textValue());
        }
        throw wrongType(key, "a boolean or a string", value);
    }

    /** PEP 714's {@code core-metadata}, else the older {@code dist-info-metadata}: a boolean or a hashes dictionary. */
    private CoreMetadata coreMetadata(JsonNode file, String prefix) throws InvalidIndexPageException {
        String key = present(file.get("core-metadata")) ? "core-metadata" : "dist-info-metadata";
        JsonNode value = file.get(key);
        if (!present(value)) {
            return CoreMetadata.ABSENT;
        }
        if (value.isBoolean()) {
            return value.booleanValue() ? CoreMetadata.available(Map.of()) : CoreMetadata.ABSENT;
        }
        if (value.isObject()) {
            return CoreMetadata.available(hashes(value, prefix + key));
        }
        throw wrongType(prefix + key, "a boolean or an object of hashes", value);
    }

    private Map<String, String> hashes(JsonNode value, String key) throws InvalidIndexPageException {
        if (!present(value)) {
            return Map.of();
        }
        Map<String, String> hashes = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : object(value, key).properties()) {
            hashes.put(e.getKey().toLowerCase(Locale.ROOT),
                    text(e.getValue(), key + "." + e.getKey()).toLowerCase(Locale.ROOT));
        }
        return hashes;
    }

    private Optional<Long> size(JsonNode value, String key) throws InvalidIndexPageException {
        if (!present(value)) {
            return Optional.empty();
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong() || value.longValue() < 0) {
            throw wrongType(key, "a non-negative integer", value);
        }
        return Optional.of(value.longValue());
    }

    /** PEP 700: ISO 8601, {@code yyyy-mm-ddThh:mm:ss.ffffffZ}; other offsets are accepted too. */
    private Optional<Instant> uploadTime(JsonNode file, String key) throws InvalidIndexPageException {
        Optional<String> text = string(file, "upload-time", key);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(text.get()).toInstant());
        } catch (DateTimeParseException e) {
            throw invalid(key, "'" + text.get() + "' is no ISO 8601 time such as 2022-01-31T12:34:56.123456Z");
        }
    }

    private JsonNode read(byte[] body) throws InvalidIndexPageException {
        try {
            JsonNode root = MAPPER.readTree(body);
            if (root == null || !root.isObject()) {
                throw new InvalidIndexPageException(url, "the body must be a JSON object, found "
                        + (root == null || root.isMissingNode() ? "nothing" : abbreviate(root.toString())));
            }
            return root;
        } catch (JacksonException e) {
            throw new InvalidIndexPageException(url, "not JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new InvalidIndexPageException(url, "unreadable: " + e.getMessage(), e);
        }
    }

    private static boolean present(JsonNode value) {
        return value != null && !value.isNull();
    }

    private JsonNode object(JsonNode value, String key) throws InvalidIndexPageException {
        if (value == null || !value.isObject()) {
            throw value == null ? missing(key) : wrongType(key, "an object", value);
        }
        return value;
    }

    private Optional<JsonNode> array(JsonNode object, String name, String key) throws InvalidIndexPageException {
        JsonNode value = object.get(name);
        if (!present(value)) {
            return Optional.empty();
        }
        if (!value.isArray()) {
            throw wrongType(key, "an array", value);
        }
        return Optional.of(value);
    }

    private Optional<String> string(JsonNode object, String name, String key) throws InvalidIndexPageException {
        JsonNode value = object.get(name);
        return present(value) ? Optional.of(text(value, key)) : Optional.empty();
    }

    private String text(JsonNode value, String key) throws InvalidIndexPageException {
        if (!value.isTextual()) {
            throw wrongType(key, "a string", value);
        }
        return value.textValue();
    }

    private Optional<Boolean> bool(JsonNode value, String key) throws InvalidIndexPageException {
        if (!present(value)) {
            return Optional.empty();
        }
        if (!value.isBoolean()) {
            throw wrongType(key, "a boolean", value);
        }
        return Optional.of(value.booleanValue());
    }

    private InvalidIndexPageException missing(String key) {
        return invalid(key, "required by PEP 691 but missing");
    }

    private InvalidIndexPageException wrongType(String key, String expected, JsonNode found) {
        return invalid(key, "must be " + expected + ", found " + found.getNodeType().name().toLowerCase(Locale.ROOT)
                + " " + abbreviate(found.toString()));
    }

    private InvalidIndexPageException invalid(String key, String problem) {
        return new InvalidIndexPageException(url, "key '" + key + "' " + problem
                + "; the index serves a malformed PEP 691 response: report it to the index's maintainers");
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}

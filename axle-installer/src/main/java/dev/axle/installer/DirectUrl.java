package dev.axle.installer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Where an installed distribution came from when it was installed from a URL rather than
 * from an index: the {@code direct_url.json} file of the Direct URL Data Structure and
 * "Recording the Direct URL Origin of installed distributions" specifications (PEP 610).
 *
 * <p>A direct URL is the {@link #url()}, exactly one kind of {@link Info} (an archive such as
 * a wheel or sdist, a VCS checkout, or a local directory) and an optional subdirectory.
 *
 * <p>Recording strips credentials from the URL, as the specification requires: the
 * {@code user:password@} part is dropped unless it is made of environment variables
 * ({@code ${USER}:${TOKEN}}) or is the well-known, non-secret {@code git} of
 * {@code ssh://git@host/...}; scp-like {@code git@host:path} addresses have no URL authority
 * and are kept as they are.
 *
 * @param url the URL, as recorded
 * @param info what the URL refers to
 * @param subdirectory the project's folder inside the archive or checkout, if not its root
 */
public record DirectUrl(String url, Info info, Optional<String> subdirectory) {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern ENVIRONMENT_CREDENTIALS =
            Pattern.compile("\\$\\{[A-Za-z0-9_-]+}(:\\$\\{[A-Za-z0-9_-]+})?");
    /** User parts that are not secrets (the specification's example: {@code git@}). */
    private static final String SAFE_USER = "git";

    /** What the URL refers to: exactly one of the three info objects. */
    public sealed interface Info permits ArchiveInfo, VcsInfo, DirInfo {}

    /**
     * A source archive or wheel, with the hashes of the file, keyed by algorithm (in the
     * order recorded).
     */
    public record ArchiveInfo(Map<String, String> hashes) implements Info {
        public ArchiveInfo {
            hashes = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(hashes, "hashes")));
        }
    }

    /**
     * A VCS checkout: the VCS ({@code git}, {@code hg}, {@code bzr}, {@code svn}), the exact
     * commit installed, and the revision the user asked for, if any.
     */
    public record VcsInfo(String vcs, String commitId, Optional<String> requestedRevision) implements Info {
        public VcsInfo {
            Objects.requireNonNull(vcs, "vcs");
            Objects.requireNonNull(commitId, "commitId");
            Objects.requireNonNull(requestedRevision, "requestedRevision");
        }
    }

    /**
     * A local directory; {@code editable} says whether it was installed in editable mode
     * (absent when not recorded, which means not editable).
     */
    public record DirInfo(Optional<Boolean> editable) implements Info {
        public DirInfo {
            Objects.requireNonNull(editable, "editable");
        }
    }

    /**
     * @throws InvalidDirectUrlException if {@code dir_info} is given with a URL that is not
     *     {@code file://}
     */
    public DirectUrl {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(info, "info");
        Objects.requireNonNull(subdirectory, "subdirectory");
        if (info instanceof DirInfo && !url.startsWith("file://")) {
            throw new InvalidDirectUrlException("URL scheme must be file:// when dir_info is present in 'url'");
        }
    }

    /** An archive (wheel or sdist) at {@code url}, with its SHA-256 digest (hex) when known. */
    public static DirectUrl archive(String url, Optional<String> sha256) {
        Map<String, String> hashes = new LinkedHashMap<>();
        sha256.ifPresent(h -> hashes.put("sha256", h));
        return new DirectUrl(redactCredentials(url), new ArchiveInfo(hashes), Optional.empty());
    }

    /** A local directory at a {@code file://} URL, installed in editable mode or not. */
    public static DirectUrl directory(String url, boolean editable) {
        return new DirectUrl(redactCredentials(url),
                new DirInfo(editable ? Optional.of(true) : Optional.empty()), Optional.empty());
    }

    /** A local directory, by path. */
    public static DirectUrl directory(Path directory, boolean editable) {
        return directory(fileUrl(directory), editable);
    }

    /**
     * A VCS checkout: {@code url} without the {@code git+} prefix and without the
     * {@code @revision} suffix, as the VCS itself takes it.
     */
    public static DirectUrl vcs(String vcs, String url, String commitId, Optional<String> requestedRevision) {
        return new DirectUrl(redactCredentials(url), new VcsInfo(vcs, commitId, requestedRevision), Optional.empty());
    }

    /** This direct URL with the project in {@code subdirectory} of the archive or checkout. */
    public DirectUrl withSubdirectory(String subdirectory) {
        return new DirectUrl(url, info, Optional.of(subdirectory));
    }

    /**
     * Reads a {@code direct_url.json} document, validating it as pypa/packaging's
     * {@code DirectUrl.from_dict} does: {@code url} is a string, exactly one info object is
     * present (a {@code null} value counts as absent), every value has its specified type,
     * a legacy {@code archive_info.hash} ({@code algorithm=digest}) agrees with
     * {@code hashes} or stands in for it, and {@code dir_info} comes with a {@code file://} URL.
     *
     * @throws InvalidDirectUrlException saying what is wrong and where
     */
    public static DirectUrl parse(String json) {
        if (json == null) {
            throw new InvalidDirectUrlException("no direct_url.json text (null)");
        }
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new InvalidDirectUrlException("direct_url.json is not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new InvalidDirectUrlException("direct_url.json must hold a JSON object, not "
                    + (root == null ? "nothing" : pythonType(root)));
        }
        String url = requiredString(root, "url", "");
        Info archive = objectValue(root, "archive_info").map(DirectUrl::archiveInfo).orElse(null);
        Info vcs = objectValue(root, "vcs_info").map(DirectUrl::vcsInfo).orElse(null);
        Info dir = objectValue(root, "dir_info").map(DirectUrl::dirInfo).orElse(null);
        Optional<String> subdirectory = optionalString(root, "subdirectory", "");
        int present = (archive != null ? 1 : 0) + (vcs != null ? 1 : 0) + (dir != null ? 1 : 0);
        if (present != 1) {
            throw new InvalidDirectUrlException("Exactly one of vcs_info, archive_info, dir_info must be present");
        }
        return new DirectUrl(url, archive != null ? archive : vcs != null ? vcs : dir, subdirectory);
    }

    private static Info archiveInfo(JsonNode node) {
        Map<String, String> hashes = null;
        JsonNode h = present(node, "hashes");
        if (h != null) {
            if (!h.isObject()) {
                throw unexpectedType(h, "Mapping", "archive_info.hashes");
            }
            hashes = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = h.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!e.getValue().isTextual()) {
                    throw new InvalidDirectUrlException("Hash values must be strings in 'archive_info.hashes'");
                }
                hashes.put(e.getKey(), e.getValue().textValue());
            }
        }
        Optional<String> legacy = optionalString(node, "hash", "archive_info.");
        if (legacy.isPresent()) {
            String hash = legacy.get();
            int eq = hash.indexOf('=');
            if (eq < 0) {
                throw new InvalidDirectUrlException(
                        "Invalid hash format (expected '<algorithm>=<hash>') in 'archive_info.hash'");
            }
            String algorithm = hash.substring(0, eq);
            String value = hash.substring(eq + 1);
            if (hashes == null) {
                hashes = new LinkedHashMap<>(Map.of(algorithm, value));
            } else if (!hashes.containsKey(algorithm)) {
                throw new InvalidDirectUrlException("Algorithm '" + algorithm
                        + "' used in hash field is not present in hashes field in 'archive_info.hashes'");
            } else if (!hashes.get(algorithm).equals(value)) {
                throw new InvalidDirectUrlException("Algorithm '" + algorithm
                        + "' used in hash field has different value in hashes field in 'archive_info.hash'");
            }
        }
        return new ArchiveInfo(hashes == null ? Map.of() : hashes);
    }

    private static Info vcsInfo(JsonNode node) {
        return new VcsInfo(requiredString(node, "vcs", "vcs_info."),
                requiredString(node, "commit_id", "vcs_info."),
                optionalString(node, "requested_revision", "vcs_info."));
    }

    private static Info dirInfo(JsonNode node) {
        JsonNode editable = present(node, "editable");
        if (editable != null && !editable.isBoolean()) {
            throw unexpectedType(editable, "bool", "dir_info.editable");
        }
        return new DirInfo(editable == null ? Optional.empty() : Optional.of(editable.booleanValue()));
    }

    /** The value at {@code key}, or null when absent or JSON {@code null} (which counts as absent). */
    private static JsonNode present(JsonNode node, String key) {
        JsonNode v = node.get(key);
        return v == null || v.isNull() ? null : v;
    }

    private static Optional<JsonNode> objectValue(JsonNode node, String key) {
        JsonNode v = present(node, key);
        if (v != null && !v.isObject()) {
            throw unexpectedType(v, "Mapping", key);
        }
        return Optional.ofNullable(v);
    }

    private static Optional<String> optionalString(JsonNode node, String key, String context) {
        JsonNode v = present(node, key);
        if (v != null && !v.isTextual()) {
            throw unexpectedType(v, "str", context + key);
        }
        return Optional.ofNullable(v).map(JsonNode::textValue);
    }

    private static String requiredString(JsonNode node, String key, String context) {
        return optionalString(node, key, context)
                .orElseThrow(() -> new InvalidDirectUrlException("Missing required value in '" + context + key + "'"));
    }

    private static InvalidDirectUrlException unexpectedType(JsonNode value, String expected, String where) {
        return new InvalidDirectUrlException(
                "Unexpected type " + pythonType(value) + " (expected " + expected + ") in '" + where + "'");
    }

    /** The Python type a JSON value loads as, for messages in the words of the specification's tools. */
    private static String pythonType(JsonNode v) {
        if (v.isTextual()) {
            return "str";
        } else if (v.isBoolean()) {
            return "bool";
        } else if (v.isIntegralNumber()) {
            return "int";
        } else if (v.isNumber()) {
            return "float";
        } else if (v.isArray()) {
            return "list";
        } else if (v.isObject()) {
            return "dict";
        }
        return "NoneType";
    }

    /** Whether this is a local directory installed in editable mode. */
    public boolean isEditable() {
        return info instanceof DirInfo d && d.editable().orElse(false);
    }

    /**
     * The document as JSON: compact, keys in sorted order, credentials stripped from the URL,
     * and for an archive with hashes also the legacy {@code hash} key
     * ({@code "hash": "sha256=..."}) that older readers look for, as pip writes it.
     */
    public String toJson() {
        ObjectNode root = JSON.createObjectNode();
        // Keys are added in sorted order: archive_info, dir_info, subdirectory, url, vcs_info.
        switch (info) {
            case ArchiveInfo a -> {
                ObjectNode o = root.putObject("archive_info");
                if (!a.hashes().isEmpty()) {
                    Map.Entry<String, String> first = a.hashes().entrySet().iterator().next();
                    o.put("hash", first.getKey() + "=" + first.getValue());
                    ObjectNode hashes = o.putObject("hashes");
                    new TreeMap<>(a.hashes()).forEach(hashes::put);
                }
            }
            case DirInfo d -> {
                ObjectNode o = root.putObject("dir_info");
                d.editable().ifPresent(e -> o.put("editable", e));
            }
            case VcsInfo v -> { }
        }
        subdirectory.ifPresent(s -> root.put("subdirectory", s));
        root.put("url", redactCredentials(url));
        if (info instanceof VcsInfo v) {
            ObjectNode o = root.putObject("vcs_info");
            o.put("commit_id", v.commitId());
            v.requestedRevision().ifPresent(r -> o.put("requested_revision", r));
            o.put("vcs", v.vcs());
        }
        return root.toString();
    }

    /**
     * The URL part of the requirement that {@code pip freeze} prints as
     * {@code name @ <url>}: for a VCS checkout {@code <vcs>+<url>@<commit_id>}, for an
     * archive the URL with a {@code #<algorithm>=<digest>} fragment for its first hash, for a
     * directory the URL; then {@code subdirectory=...} (joined to a hash fragment by
     * {@code &}).
     */
    public String requirementUrl() {
        StringBuilder b = new StringBuilder();
        StringBuilder fragment = new StringBuilder();
        switch (info) {
            case VcsInfo v -> b.append(v.vcs()).append('+').append(url).append('@').append(v.commitId());
            case ArchiveInfo a -> {
                b.append(url);
                if (!a.hashes().isEmpty()) {
                    Map.Entry<String, String> first = a.hashes().entrySet().iterator().next();
                    fragment.append(first.getKey()).append('=').append(first.getValue());
                }
            }
            case DirInfo d -> b.append(url);
        }
        subdirectory.ifPresent(s -> fragment.append(fragment.isEmpty() ? "" : "&").append("subdirectory=").append(s));
        if (!fragment.isEmpty()) {
            b.append('#').append(fragment);
        }
        return b.toString();
    }

    /**
     * The local path a {@code file:} URL names, as pip's {@code url_to_path} gives it: the
     * URL's path, percent-decoded (UTF-8), when the host is empty or {@code localhost};
     * empty for other URLs.
     */
    public Optional<String> localPath() {
        return FileUrls.toPath(url);
    }

    /**
     * The {@code file://} URL of a local path, as pip's {@code path_to_url} makes it: the
     * absolute, normalized path with every character other than ASCII letters, digits,
     * {@code _.-~/} percent-encoded as UTF-8.
     */
    public static String fileUrl(Path path) {
        return FileUrls.fromPath(path);
    }

    /**
     * {@code url} without the {@code user:password@} part of its authority, unless that part
     * is made of environment variables or is {@code git}, as the specification allows.
     */
    public static String redactCredentials(String url) {
        int colon = url.indexOf(':');
        if (colon <= 0 || !isScheme(url, colon) || !url.startsWith("//", colon + 1)) {
            return url;
        }
        int authorityStart = colon + 3;
        int authorityEnd = authorityStart;
        while (authorityEnd < url.length() && "/?#".indexOf(url.charAt(authorityEnd)) < 0) {
            authorityEnd++;
        }
        int at = url.indexOf('@', authorityStart);
        if (at < 0 || at >= authorityEnd) {
            return url;
        }
        String userInfo = url.substring(authorityStart, at);
        if (userInfo.equals(SAFE_USER) || ENVIRONMENT_CREDENTIALS.matcher(userInfo).matches()) {
            return url;
        }
        return url.substring(0, authorityStart) + url.substring(at + 1);
    }

    /** Whether {@code url[0, colon)} is a URL scheme (a letter, then letters, digits, {@code + - .}). */
    private static boolean isScheme(String url, int colon) {
        char first = url.charAt(0);
        if (!((first >= 'a' && first <= 'z') || (first >= 'A' && first <= 'Z'))) {
            return false;
        }
        for (int i = 1; i < colon; i++) {
            char c = url.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '+' || c == '-' || c == '.';
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}

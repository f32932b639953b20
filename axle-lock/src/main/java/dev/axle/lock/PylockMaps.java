package dev.axle.lock;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A lock file model as plain TOML values, keys in the order the writer puts them (uv's:
 * {@code created-by} second, where uv writes it, not after the groups as in the specification's example):
 * what is given, nothing else, with versions, specifiers and markers as their normalized text.
 */
final class PylockMaps {
    private PylockMaps() {}

    static Map<String, Object> of(Pylock lock) {
        Table t = new Table();
        t.put("lock-version", lock.lockVersion().toString());
        t.put("created-by", lock.createdBy());
        t.put("environments", lock.environments().map(l -> l.stream().map(Object::toString).toList()));
        t.put("requires-python", lock.requiresPython().map(Object::toString));
        t.put("extras", lock.extras());
        t.put("dependency-groups", lock.dependencyGroups());
        t.put("default-groups", lock.defaultGroups());
        t.put("packages", lock.packages().stream().map(PylockMaps::of).toList());
        t.put("tool", lock.tool());
        return t.done();
    }

    static Map<String, Object> of(Package p) {
        Table t = new Table();
        t.put("name", p.name().toString());
        t.put("version", p.version().map(Object::toString));
        t.put("marker", p.marker().map(Object::toString));
        t.put("requires-python", p.requiresPython().map(Object::toString));
        t.put("dependencies", p.dependencies());
        t.put("index", p.index());
        t.put("vcs", p.vcs().map(PylockMaps::of));
        t.put("directory", p.directory().map(PylockMaps::of));
        t.put("archive", p.archive().map(PylockMaps::of));
        t.put("sdist", p.sdist().map(s -> file(s.name(), s.url(), s.path(), s.uploadTime(), s.size(), s.hashes())));
        t.put("wheels", p.wheels().map(ws -> ws.stream()
                .map(w -> file(w.name(), w.url(), w.path(), w.uploadTime(), w.size(), w.hashes())).toList()));
        t.put("attestation-identities", p.attestationIdentities());
        t.put("tool", p.tool());
        return t.done();
    }

    private static Map<String, Object> of(PackageVcs v) {
        Table t = new Table();
        t.put("type", v.type());
        t.put("url", v.url());
        t.put("path", v.path());
        t.put("requested-revision", v.requestedRevision());
        t.put("commit-id", v.commitId());
        t.put("subdirectory", v.subdirectory());
        return t.done();
    }

    private static Map<String, Object> of(PackageDirectory d) {
        Table t = new Table();
        t.put("path", d.path());
        t.put("editable", d.editable());
        t.put("subdirectory", d.subdirectory());
        return t.done();
    }

    private static Map<String, Object> of(PackageArchive a) {
        Table t = new Table();
        t.put("url", a.url());
        t.put("path", a.path());
        t.put("size", a.size());
        t.put("upload-time", a.uploadTime());
        t.put("subdirectory", a.subdirectory());
        t.put("hashes", a.hashes());
        return t.done();
    }

    private static Map<String, Object> file(Optional<String> name, Optional<String> url, Optional<String> path,
            Optional<?> uploadTime, Optional<Long> size, Map<String, String> hashes) {
        Table t = new Table();
        t.put("name", name);
        t.put("url", url);
        t.put("path", path);
        t.put("upload-time", uploadTime);
        t.put("size", size);
        t.put("hashes", hashes);
        return t.done();
    }

    /** An ordered table that leaves out absent values. */
    private static final class Table {
        private final Map<String, Object> values = new LinkedHashMap<>();

        void put(String key, Object value) {
            if (value instanceof Optional<?> o) {
                o.ifPresent(v -> values.put(key, v));
            } else if (value instanceof List<?> l) {
                values.put(key, List.copyOf(l));
            } else {
                values.put(key, value);
            }
        }

        Map<String, Object> done() {
            return Collections.unmodifiableMap(values);
        }
    }
}

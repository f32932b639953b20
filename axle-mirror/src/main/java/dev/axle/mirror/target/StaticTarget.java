package dev.axle.mirror.target;

import dev.axle.dist.Digests;
import dev.axle.index.DistributionFile;
import dev.axle.mirror.FileRecord;
import dev.axle.mirror.MirrorTarget;
import dev.axle.mirror.ProjectRecord;
import dev.axle.mirror.ProjectUpdate;
import dev.axle.mirror.Upstream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.HexFormat;

/**
 * A static simple index, as a plain web server (or pip on {@code file://}) serves it:
 * <pre>
 * simple/index.html, index.v1_html, index.v1_json             the project list
 * simple/PROJECT/index.html, index.v1_html, index.v1_json     each project's page
 * packages/AB/CD/REST-OF-SHA256/FILENAME                      each file, by its sha256
 * packages/AB/CD/REST-OF-SHA256/FILENAME.metadata             its core metadata (PEP 658)
 * .axle-mirror/state.json                                     what the last sync recorded
 * </pre>
 * {@code index.html} is the HTML form (what a directory URL serves), {@code index.v1_html} the
 * same bytes and {@code index.v1_json} the JSON form, as bandersnatch names them: a server that
 * negotiates (PEP 691) maps {@code application/vnd.pypi.simple.v1+json} to the latter. Pages are
 * written after the files they link; a file no page links any more is deleted after the page.
 */
public final class StaticTarget implements MirrorTarget {
    static final String STATE = FolderTree.OWN + "/state.json";
    private static final List<String> PAGES = List.of("index.html", "index.v1_html", "index.v1_json");

    private final TreeStore tree;

    public StaticTarget(TreeStore tree) {
        this.tree = Objects.requireNonNull(tree, "tree");
    }

    @Override
    public String describe() {
        return tree.describe();
    }

    @Override
    public Optional<byte[]> readState() throws IOException {
        Optional<InputStream> in = tree.read(STATE);
        if (in.isEmpty()) {
            return Optional.empty();
        }
        try (InputStream stream = in.get()) {
            return Optional.of(stream.readAllBytes());
        }
    }

    @Override
    public void writeState(byte[] state) throws IOException {
        tree.write(STATE, state);
    }

    /** Where a file is kept: by its sha256, as PyPI keeps files by their hash. */
    static String fileKey(String sha256, String filename) {
        return "packages/" + sha256.substring(0, 2) + "/" + sha256.substring(2, 4) + "/" + sha256.substring(4) + "/"
                + filename;
    }

    /** A name that is one plain path segment: nothing an upstream could use to write elsewhere. */
    static boolean safeFilename(String filename) {
        return !filename.isEmpty() && !filename.startsWith(".") && filename.chars().noneMatch(c -> c == '/'
                || c == '\\' || c < 0x20 || c == 0x7f);
    }

    @Override
    public Written write(ProjectUpdate update, Upstream upstream) throws IOException {
        Map<String, FileRecord> previous = new HashMap<>();
        update.previous().ifPresent(p -> p.files().forEach(f -> previous.put(f.filename(), f)));
        List<FileRecord> held = new ArrayList<>();
        List<StaticPages.PageFile> listed = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (DistributionFile file : update.files()) {
            if (!safeFilename(file.filename()) || !seen.add(file.filename())) {
                upstream.warning(update.name() + ": skipping the file named '" + file.filename()
                        + "': it is no plain file name, or listed twice");
                continue;
            }
            FileRecord record = file(file, previous.get(file.filename()), update.verify(), upstream);
            held.add(record);
            Map<String, String> hashes = new LinkedHashMap<>(file.hashes());
            hashes.put("sha256", record.sha256());
            listed.add(new StaticPages.PageFile(file.filename(), "../../" + StaticPages.encodePath(record.key()),
                    hashes, file.requiresPython(), file.yanked(), record.metadataSha256(), record.size(),
                    file.uploadTime()));
        }
        String folder = "simple/" + update.name() + "/";
        byte[] html = StaticPages.projectHtml(update.displayName(), listed);
        tree.write(folder + PAGES.get(0), html);
        tree.write(folder + PAGES.get(1), html);
        tree.write(folder + PAGES.get(2), StaticPages.projectJson(update.displayName(), update.serial(), listed,
                update.versions()));

        Set<String> keys = new HashSet<>();
        held.forEach(r -> keys.add(r.key()));
        int deleted = 0;
        for (FileRecord old : previous.values()) {
            if (!keys.contains(old.key())) {
                tree.delete(old.metadataKey());
                tree.delete(old.key());
                deleted++;
            }
        }
        return new Written(new ProjectRecord(update.name(), update.displayName(), update.serial(), held), deleted);
    }

    /** One file held, verified: trusted from the record, found in place, or fetched. */
    private FileRecord file(DistributionFile file, FileRecord previous, boolean verify, Upstream upstream)
            throws IOException {
        Optional<String> sha256 = Optional.ofNullable(file.hashes().get("sha256"));
        FileRecord held = null;
        boolean trusted = false;
        if (sha256.isPresent()) {
            String key = fileKey(sha256.get(), file.filename());
            if (!verify && previous != null && previous.sha256().equals(sha256.get()) && previous.key().equals(key)) {
                held = previous;
                trusted = true;
            } else {
                Optional<Digests> there = digests(key);
                if (there.isPresent() && there.get().sha256().equals(sha256.get())) {
                    held = new FileRecord(file.filename(), key, sha256.get(), there.get().size(), Optional.empty());
                }
            }
        }
        if (held == null) {
            held = fetch(file, upstream);
        }
        return withMetadata(held, file, trusted ? previous : null, upstream);
    }

    private FileRecord fetch(DistributionFile file, Upstream upstream) throws IOException {
        Path staged = tree.stagingFile();
        try {
            upstream.download(file, staged);
            Digests digests = Digests.of(staged);
            if (!file.hashes().containsKey("sha256")) {
                upstream.warning(file.filename() + " has no sha256 upstream; mirrored with the one computed here ("
                        + digests.sha256() + ")");
            }
            String key = fileKey(digests.sha256(), file.filename());
            tree.moveIn(staged, key);
            return new FileRecord(file.filename(), key, digests.sha256(), digests.size(), Optional.empty());
        } finally {
            Files.deleteIfExists(staged);
        }
    }

    /** The record with its metadata file (PEP 658) as the upstream offers it now. */
    private FileRecord withMetadata(FileRecord held, DistributionFile file, FileRecord trusted, Upstream upstream)
            throws IOException {
        if (!file.coreMetadata().available()) {
            if (trusted != null && trusted.metadataSha256().isPresent()) {
                tree.delete(held.metadataKey());
            }
            return new FileRecord(held.filename(), held.key(), held.sha256(), held.size(), Optional.empty());
        }
        Optional<String> expected = Optional.ofNullable(file.coreMetadata().hashes().get("sha256"));
        Optional<String> sha256 = Optional.empty();
        if (trusted != null && trusted.metadataSha256().isPresent()
                && (expected.isEmpty() || expected.equals(trusted.metadataSha256()))) {
            sha256 = trusted.metadataSha256();
        } else if (expected.isPresent()
                && digests(held.metadataKey()).map(Digests::sha256).equals(expected)) {
            sha256 = expected;
        } else {
            Optional<byte[]> bytes = upstream.coreMetadata(file);
            if (bytes.isPresent()) {
                tree.write(held.metadataKey(), bytes.get());
                sha256 = Optional.of(sha256(bytes.get()));
            }
        }
        return new FileRecord(held.filename(), held.key(), held.sha256(), held.size(), sha256);
    }

    private Optional<Digests> digests(String key) throws IOException {
        Optional<InputStream> in = tree.read(key);
        if (in.isEmpty()) {
            return Optional.empty();
        }
        try (InputStream stream = in.get()) {
            return Optional.of(Digests.of(stream));
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    @Override
    public void remove(ProjectRecord project) throws IOException {
        String folder = "simple/" + project.name() + "/";
        for (String page : PAGES) {
            tree.delete(folder + page);
        }
        for (FileRecord f : project.files()) {
            tree.delete(f.metadataKey());
            tree.delete(f.key());
        }
    }

    @Override
    public void finish(Collection<ProjectRecord> projects) throws IOException {
        List<StaticPages.ListedProject> listed = projects.stream()
                .map(p -> new StaticPages.ListedProject(p.name(), p.displayName(), p.serial())).toList();
        byte[] html = StaticPages.listHtml(listed);
        tree.write("simple/" + PAGES.get(0), html);
        tree.write("simple/" + PAGES.get(1), html);
        tree.write("simple/" + PAGES.get(2), StaticPages.listJson(listed));
    }

    @Override
    public void close() throws IOException {
        tree.close();
    }
}

package dev.axle.cli;

import dev.axle.build.BuildException;
import dev.axle.build.BuildListener;
import dev.axle.build.Folders;
import dev.axle.build.ProjectBuilder;
import dev.axle.build.WheelMetadata;
import dev.axle.env.AtomicFiles;
import dev.axle.env.PythonInterpreter;
import dev.axle.finder.Finder;
import dev.axle.resolver.python.CandidateUnavailableException;
import dev.axle.installer.DirectUrl;
import dev.axle.pep.InvalidSdistFilenameException;
import dev.axle.pep.InvalidWheelFilenameException;
import dev.axle.pep.MetadataField;
import dev.axle.pep.ProjectName;
import dev.axle.pep.RawMetadata;
import dev.axle.pep.Requirement;
import dev.axle.pep.SdistFilename;
import dev.axle.pep.WheelFilename;
import dev.axle.resolver.requirements.DirectReference;
import dev.axle.resolver.requirements.RequirementEntry;
import java.io.IOException;
import java.net.URI;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Source distributions and local projects built for an install: their metadata for the
 * resolver (PEP 517's prepare_metadata_for_build_wheel, PEP 660's
 * prepare_metadata_for_build_editable) and their wheels for the installer, each build in an
 * isolated environment of the target's interpreter filled from the same indexes (one per
 * source: its metadata, then its wheel, as pip does; close to remove the rest).
 *
 * <p>An sdist's wheel is kept in the cache by the sdist's sha256 and the target's best wheel
 * tag ({@code builds-v1/<sha256>/<tag>/}), so an sdist is built once per target, and the
 * metadata prepared for the resolver beside it ({@code <tag>.METADATA}), so a warm install
 * builds nothing. A project folder is built where it is, every time (its files may change
 * between runs, as pip and uv build it), into a scratch folder that {@link #close} removes.
 */
final class SourceBuilds implements Finder.SourceBuilds, Resolving.LocalProjects, AutoCloseable {
    private final ProjectBuilder builder;
    /** Sources whose metadata was prepared this run, with their environments, until their wheels are built. */
    private final Map<Path, ProjectBuilder.Prepared> prepared = new ConcurrentHashMap<>();
    /** Sdists' sha256, by path. */
    private final Map<Path, String> digests = new ConcurrentHashMap<>();
    /** Project folders' metadata, prepared once a run. */
    private final Map<Path, byte[]> folderMetadata = new HashMap<>();
    /** Project folders to install in editable mode (PEP 660). */
    private final Set<Path> editable = ConcurrentHashMap.newKeySet();
    private final BuildListener listener;
    private final Path cache;
    private final String tag;
    private Path scratch;

    SourceBuilds(Session session, PythonInterpreter base, List<String> indexArguments, String tag, BuildListener listener) {
        this.builder = new ProjectBuilder(new IsolatedBuildEnvironments(session, base, indexArguments, listener), listener);
        this.listener = listener;
        this.cache = session.cache.root().resolve("builds-v1");
        this.tag = tag;
    }

    /**
     * Names a project folder or archive given without a name (its metadata prepared, or its
     * file name read), and takes note of editable ones.
     */
    @Override
    public Requirement requirement(RequirementEntry entry) throws IOException {
        DirectReference reference = entry.reference().orElseThrow(
                () -> new UsageException(entry.origin() + ": " + entry + ": -e takes a project folder"));
        Optional<Path> path = reference.path().or(() -> reference.url().startsWith("file:")
                ? Optional.of(Path.of(URI.create(reference.url().split("#", 2)[0]))) : Optional.empty());
        boolean folder = path.isPresent() && Files.isDirectory(path.get());
        if (entry.editable() && !folder) {
            throw new UsageException(entry.origin() + ": " + entry + ": editable installs (PEP 660) are of project"
                    + " folders on this machine" + (path.isPresent() ? ", and there is no folder " + path.get() : ""));
        }
        String name;
        String url;
        if (folder) {
            Path project = path.get().toAbsolutePath().normalize();
            if (entry.editable()) {
                editable.add(project);
            }
            try {
                name = RawMetadata.parseEmail(metadata(project)).string(MetadataField.NAME).orElse("");
            } catch (CandidateUnavailableException e) {
                throw new UsageException(entry.origin() + ": " + e.getMessage());
            }
            url = DirectUrl.fileUrl(project);
        } else {
            String file = reference.fileName();
            try {
                name = file.endsWith(".whl") ? WheelFilename.parse(file).name() : SdistFilename.parse(file).name();
            } catch (InvalidWheelFilenameException | InvalidSdistFilenameException e) {
                throw new UsageException(entry.origin() + ": " + entry + ": neither a project folder, nor a wheel,"
                        + " nor a source distribution (name-version.tar.gz or .zip)"
                        + (path.isPresent() && !Files.exists(path.get()) ? "; there is no " + path.get() : ""));
            }
            url = reference.url();
        }
        if (!ProjectName.isValid(name)) {
            throw new UsageException(entry.origin() + ": " + entry + ": its metadata names no valid project (Name: " + name + ")");
        }
        if (entry.name().isPresent() && !ProjectName.parse(entry.name().get()).equals(ProjectName.parse(name))) {
            throw new UsageException(entry.origin() + ": " + entry + " is the project " + name + ", not " + entry.name().get());
        }
        StringBuilder b = new StringBuilder(name);
        if (!entry.extras().isEmpty()) {
            b.append('[').append(String.join(",", entry.extras())).append(']');
        }
        b.append(" @ ").append(url);
        entry.marker().ifPresent(m -> b.append(" ; ").append(m));
        return Requirement.parse(b.toString());
    }

    /** Build steps and the backends' output as progress details (-v), warnings as warnings. */
    static BuildListener listener(ProgressBar progress) {
        return new BuildListener() {
            @Override
            public void step(String what) {
                progress.detail(what);
            }

            @Override
            public void output(String line) {
                progress.detail("  " + line);
            }

            @Override
            public void warning(String message) {
                progress.warning(message);
            }
        };
    }

    /** Builds the project in {@code folder} editable from now on (a lock's editable entry). */
    void edit(Path folder) {
        editable.add(folder.toAbsolutePath().normalize());
    }

    /** Whether {@code source} is a project folder named with -e. */
    boolean editable(Path source) {
        return editable.contains(source.toAbsolutePath().normalize());
    }

    /**
     * The sdist's metadata for this target: the kept wheel's, else one kept from an earlier
     * preparation, else prepared now (and kept beside where its wheel will be).
     */
    @Override
    public byte[] metadata(Path sdist) throws IOException, CandidateUnavailableException {
        if (Files.isDirectory(sdist)) {
            return folderMetadata(sdist.toAbsolutePath().normalize());
        }
        Path built = cache.resolve(sha256(sdist));
        Path folder = built.resolve(tag);
        Optional<Path> wheel = built(folder);
        if (wheel.isPresent()) {
            try {
                return WheelMetadata.of(wheel.get());
            } catch (BuildException e) {
                throw unavailable(sdist, e);
            }
        }
        Path kept = built.resolve(tag + ".METADATA");
        if (Files.isRegularFile(kept)) {
            return Files.readAllBytes(kept);
        }
        byte[] metadata;
        try {
            // Kept prepared: if the resolver takes this version, its wheel is built in the same environment.
            ProjectBuilder.Prepared ready = builder.prepare(sdist);
            ProjectBuilder.Prepared before = prepared.put(sdist.toAbsolutePath(), ready);
            if (before != null) {
                before.close();
            }
            metadata = ready.metadata();
        } catch (BuildException e) {
            throw unavailable(sdist, e);
        }
        AtomicFiles.write(kept, metadata);
        return metadata;
    }

    /** A project folder's metadata, prepared once: it stays prepared until its wheel is built. */
    private byte[] folderMetadata(Path project) throws IOException, CandidateUnavailableException {
        synchronized (folderMetadata) {
            byte[] known = folderMetadata.get(project);
            if (known == null) {
                try {
                    ProjectBuilder.Prepared ready = builder.prepareTree(project, editable.contains(project));
                    ProjectBuilder.Prepared before = prepared.put(project, ready);
                    if (before != null) {
                        before.close();
                    }
                    known = ready.metadata();
                } catch (BuildException e) {
                    throw unavailable(project, e);
                }
                folderMetadata.put(project, known);
            }
            return known;
        }
    }

    /**
     * Removes the environments of sources prepared but not built (versions the resolver did
     * not take), and the wheels built from project folders.
     */
    @Override
    public void close() {
        prepared.values().forEach(ProjectBuilder.Prepared::close);
        prepared.clear();
        if (scratch != null) {
            Folders.delete(scratch, listener);
        }
    }

    /**
     * The wheel {@code sdist} builds into for this target: from the cache, else built now and
     * kept. For a project folder, built now (editable if named with -e), kept until {@link #close}.
     */
    Path wheel(Path sdist) throws IOException, CandidateUnavailableException {
        if (Files.isDirectory(sdist)) {
            return folderWheel(sdist.toAbsolutePath().normalize());
        }
        Path folder = cache.resolve(sha256(sdist)).resolve(tag);
        Optional<Path> kept = built(folder);
        if (kept.isPresent()) {
            return kept.get();
        }
        Files.createDirectories(folder.getParent());
        Path temporary = Files.createTempDirectory(folder.getParent(), "." + tag + ".");
        ProjectBuilder.Prepared ready = prepared.remove(sdist.toAbsolutePath());
        try {
            if (ready == null) {
                ready = builder.prepare(sdist);
            }
            ready.wheel(temporary);
            try {
                Files.move(temporary, folder, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException raced) {
                // Another run kept its build first: use that one.
            }
            return built(folder).orElseThrow(() -> new IOException("the build of " + sdist + " left no wheel in " + folder));
        } catch (BuildException e) {
            throw unavailable(sdist, e);
        } finally {
            if (ready != null) {
                ready.close();
            }
            Folders.delete(temporary, BuildListener.NONE);
        }
    }

    private Path folderWheel(Path project) throws IOException, CandidateUnavailableException {
        ProjectBuilder.Prepared ready = prepared.remove(project);
        try {
            if (ready == null) {
                ready = builder.prepareTree(project, editable.contains(project));
            }
            synchronized (this) {
                if (scratch == null) {
                    scratch = Files.createTempDirectory("axle-built-");
                }
            }
            return ready.wheel(Files.createTempDirectory(scratch, "wheel-"));
        } catch (BuildException e) {
            throw unavailable(project, e);
        } finally {
            if (ready != null) {
                ready.close();
            }
        }
    }

    private static Optional<Path> built(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".whl")).findFirst();
        }
    }

    private static CandidateUnavailableException unavailable(Path sdist, BuildException e) {
        String output = e.output().isBlank() ? "" : "\nThe backend's last output:\n" + e.output().lines()
                .map(l -> "  " + l).reduce((a, b) -> a + "\n" + b).orElse("");
        return new CandidateUnavailableException("building " + (Files.isDirectory(sdist) ? sdist : sdist.getFileName())
                + " failed: " + e.getMessage() + output);
    }

    /** The sdist's sha256 in hex: read once a run, however often its metadata, wheel and origin ask. */
    String sha256(Path file) throws IOException {
        Path key = file.toAbsolutePath().normalize();
        String known = digests.get(key);
        if (known == null) {
            known = digest(key);
            digests.put(key, known);
        }
        return known;
    }

    private static String digest(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

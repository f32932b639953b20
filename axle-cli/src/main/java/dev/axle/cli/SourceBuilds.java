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
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Source distributions built for an install: their metadata for the resolver (PEP 517's
 * prepare_metadata_for_build_wheel) and their wheels for the installer, each build in an
 * isolated environment of the target's interpreter filled from the same indexes (one per
 * sdist: its metadata, then its wheel, as pip does; close to remove the rest). Wheels are
 * kept in the cache by the sdist's sha256 and the target's best wheel tag
 * ({@code builds-v1/<sha256>/<tag>/}), so an sdist is built once per target, and the metadata
 * prepared for the resolver beside it ({@code <tag>.METADATA}), so a warm install builds nothing.
 */
final class SourceBuilds implements Finder.SourceBuilds, AutoCloseable {
    private final ProjectBuilder builder;
    /** Sdists whose metadata was prepared this run, with their environments, until their wheels are built. */
    private final Map<Path, ProjectBuilder.Prepared> prepared = new ConcurrentHashMap<>();
    private final Path cache;
    private final String tag;

    SourceBuilds(Session session, PythonInterpreter base, List<String> indexArguments, String tag, BuildListener listener) {
        this.builder = new ProjectBuilder(new IsolatedBuildEnvironments(session, base, indexArguments, listener), listener);
        this.cache = session.cache.root().resolve("builds-v1");
        this.tag = tag;
    }

    /**
     * The sdist's metadata for this target: the kept wheel's, else one kept from an earlier
     * preparation, else prepared now (and kept beside where its wheel will be).
     */
    @Override
    public byte[] metadata(Path sdist) throws IOException, CandidateUnavailableException {
        Path folder = cache.resolve(sha256(sdist)).resolve(tag);
        Optional<Path> wheel = built(folder);
        if (wheel.isPresent()) {
            try {
                return WheelMetadata.of(wheel.get());
            } catch (BuildException e) {
                throw unavailable(sdist, e);
            }
        }
        Path kept = cache.resolve(sha256(sdist)).resolve(tag + ".METADATA");
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

    /** Removes the environments of sdists prepared but not built (versions the resolver did not take). */
    @Override
    public void close() {
        prepared.values().forEach(ProjectBuilder.Prepared::close);
        prepared.clear();
    }

    /** The wheel {@code sdist} builds into for this target: from the cache, else built now and kept. */
    Path wheel(Path sdist) throws IOException, CandidateUnavailableException {
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
        return new CandidateUnavailableException("building " + sdist.getFileName() + " failed: " + e.getMessage() + output);
    }

    private static String sha256(Path file) throws IOException {
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

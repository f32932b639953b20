package dev.axle.build;

import com.fasterxml.jackson.databind.JsonNode;
import dev.axle.pep.InvalidRequirementException;
import dev.axle.pep.Requirement;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds a project's source distribution and wheel through its PEP 517 backend, as pypa/build
 * does: by default the sdist first and the wheel from the unpacked sdist (so the wheel holds
 * only what the sdist ships), or either one alone from the project folder. Each build gets an
 * environment from {@link BuildEnvironments} with the backend's requirements, and what the
 * backend's {@code get_requires_for_build_*} hook adds; it works in a temporary folder removed
 * afterwards (robustly: see {@link Folders}), and moves each finished file into the output
 * folder whole.
 */
public final class ProjectBuilder {
    private final BuildEnvironments environments;
    private final BuildListener listener;

    public ProjectBuilder(BuildEnvironments environments, BuildListener listener) {
        this.environments = environments;
        this.listener = listener;
    }

    /** What a build made: the files in the output folder. */
    public record Built(Optional<Path> sdist, Optional<Path> wheel) {}

    /**
     * Builds the project in {@code project} into {@code out}.
     *
     * @param sdist build a source distribution
     * @param wheel build a wheel (from that sdist when both are asked for)
     * @throws BuildException if the project or its backend cannot build
     */
    public Built build(Path project, Path out, boolean sdist, boolean wheel) throws IOException, BuildException {
        if (!sdist && !wheel) {
            throw new IllegalArgumentException("nothing to build");
        }
        Path folder = project.toAbsolutePath().normalize();
        Path output = out.toAbsolutePath().normalize();
        Files.createDirectories(output);
        Path work = Files.createTempDirectory("axle-build-");
        try {
            Optional<Path> builtSdist = Optional.empty();
            Path wheelFrom = folder;
            if (sdist) {
                listener.step("building the sdist of " + folder);
                builtSdist = Optional.of(run(folder, "sdist", output, work.resolve("sdist")));
                if (wheel) {
                    if (!builtSdist.get().getFileName().toString().endsWith(".tar.gz")) {
                        throw new BuildException("the backend built " + builtSdist.get().getFileName()
                                + ", which is not a .tar.gz sdist", "");
                    }
                    wheelFrom = SdistUnpacker.unpack(builtSdist.get(), Files.createDirectories(work.resolve("unpacked")));
                }
            }
            Optional<Path> builtWheel = Optional.empty();
            if (wheel) {
                listener.step("building the wheel of " + wheelFrom);
                builtWheel = Optional.of(run(wheelFrom, "wheel", output, work.resolve("wheel")));
            }
            return new Built(builtSdist, builtWheel);
        } finally {
            Folders.delete(work, listener);
        }
    }

    /**
     * The core metadata of the wheel {@code sdist} builds into, without building it when the
     * backend can say (PEP 517's prepare_metadata_for_build_wheel); else from a built wheel.
     *
     * @throws BuildException if the sdist cannot be unpacked or its backend fails
     */
    public byte[] metadataOfSdist(Path sdist) throws IOException, BuildException {
        try (Prepared prepared = prepare(sdist)) {
            return prepared.metadata();
        }
    }

    /**
     * Builds the wheel of {@code sdist} into {@code out}, as {@link #build} does from an sdist.
     *
     * @throws BuildException if the sdist cannot be unpacked or its backend fails
     */
    public Path wheelOfSdist(Path sdist, Path out) throws IOException, BuildException {
        try (Prepared prepared = prepare(sdist)) {
            return prepared.wheel(out);
        }
    }

    /**
     * {@code sdist} unpacked, with a build environment holding what its backend requires: for
     * its metadata and then its wheel in the one environment, as pip does (the install of an
     * sdist-only package asks for both, at different times). Close it to remove both.
     *
     * @throws BuildException if the sdist cannot be unpacked or its environment made
     */
    public Prepared prepare(Path sdist) throws IOException, BuildException {
        Path work = Files.createTempDirectory("axle-build-");
        try {
            Path folder = SdistUnpacker.unpack(sdist, Files.createDirectories(work.resolve("unpacked")));
            BuildBackend backend = BuildBackend.of(folder);
            BuildEnvironment environment = environments.prepare(backend.requires());
            return new Prepared(sdist, work, folder, backend, environment);
        } catch (IOException | BuildException | RuntimeException e) {
            Folders.delete(work, listener);
            throw e;
        }
    }

    /** See {@link #prepare}. */
    public final class Prepared implements AutoCloseable {
        private final Path sdist;
        private final Path work;
        private final BuildBackend backend;
        private final BuildEnvironment environment;
        private final HookRunner hooks;
        private boolean requested;

        private Prepared(Path sdist, Path work, Path folder, BuildBackend backend, BuildEnvironment environment) {
            this.sdist = sdist;
            this.work = work;
            this.backend = backend;
            this.environment = environment;
            this.hooks = new HookRunner(folder, backend, environment, listener, work.resolve("control"));
        }

        /** What the backend asks for a wheel, installed once. */
        private void requested() throws IOException, BuildException {
            if (!requested) {
                installRequested(hooks, environment, backend, "wheel");
                requested = true;
            }
        }

        /** The wheel's core metadata: prepared by the backend if it can, else read from a built wheel. */
        public byte[] metadata() throws IOException, BuildException {
            requested();
            Path into = Files.createDirectories(work.resolve("metadata"));
            Map<String, Object> arguments = new HashMap<>();
            arguments.put("metadata_directory", into.toString());
            arguments.put("config_settings", null);
            Optional<JsonNode> prepared = hooks.call("prepare_metadata_for_build_wheel", arguments);
            if (prepared.isPresent()) {
                Path metadata = into.resolve(prepared.get().asText()).resolve("METADATA");
                if (!metadata.normalize().startsWith(into) || !Files.isRegularFile(metadata)) {
                    throw new BuildException(backend.backend() + "'s prepare_metadata_for_build_wheel returned "
                            + prepared.get() + ", which names no .dist-info folder with a METADATA in " + into, "");
                }
                return Files.readAllBytes(metadata);
            }
            return WheelMetadata.of(buildWith(hooks, backend, "wheel", Files.createDirectories(work.resolve("probe"))));
        }

        /** Builds the wheel into {@code out}. */
        public Path wheel(Path out) throws IOException, BuildException {
            requested();
            listener.step("building a wheel of " + sdist.getFileName());
            Path file = buildWith(hooks, backend, "wheel", Files.createDirectories(work.resolve("out")));
            Path target = Files.createDirectories(out.toAbsolutePath()).resolve(file.getFileName());
            Files.move(file, target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        }

        /** Removes the environment and the unpacked sdist; never fails. */
        @Override
        public void close() {
            environment.close();
            Folders.delete(work, listener);
        }
    }

    /** Asks the backend what more it needs for a {@code kind} build, and installs that. */
    private void installRequested(HookRunner hooks, BuildEnvironment environment, BuildBackend backend, String kind)
            throws IOException, BuildException {
        Map<String, Object> settings = new HashMap<>();
        settings.put("config_settings", null);
        JsonNode more = hooks.call("get_requires_for_build_" + kind, settings).orElseThrow();
        List<Requirement> requirements = requirements(more, backend, kind);
        if (!requirements.isEmpty()) {
            listener.step("installing what the backend asks for: " + more);
            environment.install(requirements);
        }
    }

    /** Calls build_{@code kind} into {@code made}; the file it built. */
    private Path buildWith(HookRunner hooks, BuildBackend backend, String kind, Path made) throws IOException, BuildException {
        Map<String, Object> arguments = new HashMap<>();
        arguments.put("config_settings", null);
        arguments.put(kind + "_directory", made.toString());
        if (kind.equals("wheel")) {
            arguments.put("metadata_directory", null);
        }
        JsonNode name = hooks.call("build_" + kind, arguments).orElseThrow();
        Path file = made.resolve(name.asText());
        if (!name.isTextual() || !file.normalize().startsWith(made) || !Files.isRegularFile(file)) {
            throw new BuildException(backend.backend() + "'s build_" + kind + " returned " + name
                    + ", which names no file it built in " + made, "");
        }
        return file;
    }

    /** One build ({@code kind} sdist or wheel) of the project in {@code folder}, in {@code work}. */
    private Path run(Path folder, String kind, Path output, Path work) throws IOException, BuildException {
        BuildBackend backend = BuildBackend.of(folder);
        Path made = Files.createDirectories(work.resolve("out"));
        try (BuildEnvironment environment = environments.prepare(backend.requires())) {
            HookRunner hooks = new HookRunner(folder, backend, environment, listener, work.resolve("control"));
            installRequested(hooks, environment, backend, kind);
            Path file = buildWith(hooks, backend, kind, made);
            Path target = output.resolve(file.getFileName());
            Files.move(file, target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        }
    }

    private static List<Requirement> requirements(JsonNode list, BuildBackend backend, String kind) throws BuildException {
        if (!list.isArray()) {
            throw new BuildException(backend.backend() + "'s get_requires_for_build_" + kind + " returned " + list
                    + ", not a list of requirements", "");
        }
        List<Requirement> out = new ArrayList<>();
        for (JsonNode item : list) {
            try {
                out.add(Requirement.parse(item.asText()));
            } catch (InvalidRequirementException e) {
                throw new BuildException(backend.backend() + "'s get_requires_for_build_" + kind + " asked for "
                        + item + ", which is no requirement: " + e.getMessage(), "");
            }
        }
        return out;
    }
}

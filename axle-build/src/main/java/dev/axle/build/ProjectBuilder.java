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
            return new Prepared(sdist.getFileName().toString(), "wheel", work, folder, backend, environment);
        } catch (IOException | BuildException | RuntimeException e) {
            Folders.delete(work, listener);
            throw e;
        }
    }

    /**
     * The project in {@code project}, built where it is (as pip and uv build a local folder),
     * with a build environment holding what its backend requires: for its metadata and then
     * its wheel. With {@code editable}, both come from the backend's PEP 660 hooks
     * ({@code prepare_metadata_for_build_editable}, {@code build_editable}): the wheel then
     * points the environment at the project's sources rather than holding copies. Close it to
     * remove the environment and the scratch folder; the project is left as it was, but for
     * what its backend writes into it (setuptools' {@code build/} and {@code *.egg-info}).
     *
     * @throws BuildException if the folder is no project or its environment cannot be made
     */
    public Prepared prepareTree(Path project, boolean editable) throws IOException, BuildException {
        Path folder = project.toAbsolutePath().normalize();
        BuildBackend backend = BuildBackend.of(folder);
        Path work = Files.createTempDirectory("axle-build-");
        try {
            BuildEnvironment environment = environments.prepare(backend.requires());
            return new Prepared(folder.toString(), editable ? "editable" : "wheel", work, folder, backend, environment);
        } catch (IOException | BuildException | RuntimeException e) {
            Folders.delete(work, listener);
            throw e;
        }
    }

    /** See {@link #prepare} and {@link #prepareTree}. */
    public final class Prepared implements AutoCloseable {
        private final String source;
        /** {@code wheel}, or {@code editable} (PEP 660): the hooks' suffix. */
        private final String kind;
        private final Path work;
        private final BuildBackend backend;
        private final BuildEnvironment environment;
        private final HookRunner hooks;
        private boolean requested;

        private Prepared(String source, String kind, Path work, Path folder, BuildBackend backend,
                BuildEnvironment environment) {
            this.source = source;
            this.kind = kind;
            this.work = work;
            this.backend = backend;
            this.environment = environment;
            this.hooks = new HookRunner(folder, backend, environment, listener, work.resolve("control"));
        }

        /** What the backend asks for this kind of wheel, installed once. */
        private void requested() throws IOException, BuildException {
            if (!requested) {
                installRequested(hooks, environment, backend, kind);
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
            String hook = "prepare_metadata_for_build_" + kind;
            Optional<JsonNode> prepared = hooks.call(hook, arguments);
            if (prepared.isPresent()) {
                Path metadata = into.resolve(prepared.get().asText()).resolve("METADATA");
                if (!metadata.normalize().startsWith(into) || !Files.isRegularFile(metadata)) {
                    throw new BuildException(backend.backend() + "'s " + hook + " returned " + prepared.get()
                            + ", which names no .dist-info folder with a METADATA in " + into, "");
                }
                return Files.readAllBytes(metadata);
            }
            return WheelMetadata.of(buildWith(hooks, backend, kind, Files.createDirectories(work.resolve("probe"))));
        }

        /** Builds the wheel (an editable one for {@link #prepareTree} with editable) into {@code out}. */
        public Path wheel(Path out) throws IOException, BuildException {
            requested();
            listener.step("building " + (kind.equals("editable") ? "an editable wheel" : "a wheel") + " of " + source);
            Path file = buildWith(hooks, backend, kind, Files.createDirectories(work.resolve("out")));
            Path target = Files.createDirectories(out.toAbsolutePath()).resolve(file.getFileName());
            Files.move(file, target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        }

        /** Removes the environment and the scratch folder (with the unpacked sdist); never fails. */
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

    /** Calls build_{@code kind} (sdist, wheel or editable) into {@code made}; the file it built. */
    private Path buildWith(HookRunner hooks, BuildBackend backend, String kind, Path made) throws IOException, BuildException {
        Map<String, Object> arguments = new HashMap<>();
        arguments.put("config_settings", null);
        // build_editable, like build_wheel, takes a wheel_directory (PEP 660).
        arguments.put((kind.equals("sdist") ? "sdist" : "wheel") + "_directory", made.toString());
        if (!kind.equals("sdist")) {
            arguments.put("metadata_directory", null);
        }
        Optional<JsonNode> built = hooks.call("build_" + kind, arguments);
        if (built.isEmpty()) { // only build_editable is optional
            throw new BuildException(backend.backend() + " cannot make editable installs: it has no build_editable"
                    + " hook (PEP 660); install the project without -e, or use a backend that supports them", "");
        }
        JsonNode name = built.get();
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

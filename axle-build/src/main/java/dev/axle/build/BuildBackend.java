package dev.axle.build;

import dev.axle.lock.Pyproject;
import dev.axle.pep.Requirement;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The build backend of a project (PEP 517 and 518): what its build environment needs
 * ({@code requires}), the backend object ({@code module:object}) and where an in-tree backend
 * lives ({@code backend-path}, relative to the project).
 *
 * <p>A project without {@code [build-system]}, or whose table names no backend, is built as pip
 * builds it: with setuptools' legacy backend ({@value #LEGACY}), which runs its setup.py.
 */
public record BuildBackend(List<Requirement> requires, String backend, List<String> backendPath) {
    /** setuptools' backend for projects that name none (what pip uses for them). */
    public static final String LEGACY = "setuptools.build_meta:__legacy__";

    /** What PEP 518 says a project without {@code [build-system]} requires. */
    private static final List<Requirement> LEGACY_REQUIRES = List.of(Requirement.parse("setuptools>=40.8.0"));

    public BuildBackend {
        requires = List.copyOf(requires);
        backendPath = List.copyOf(backendPath);
    }

    /** The backend that {@code [build-system]} (if the project has one) names. */
    public static BuildBackend of(Optional<Pyproject.BuildSystem> buildSystem) {
        return buildSystem.map(b -> new BuildBackend(b.requires(), b.backend().orElse(LEGACY), b.backendPath()))
                .orElseGet(() -> new BuildBackend(LEGACY_REQUIRES, LEGACY, List.of()));
    }

    /**
     * The backend of the project in {@code folder}: from its pyproject.toml, else setuptools'
     * legacy backend when it has a setup.py.
     *
     * @throws BuildException if the folder has neither, or its pyproject.toml cannot be used
     */
    public static BuildBackend of(Path folder) throws IOException, BuildException {
        Path pyproject = folder.resolve("pyproject.toml");
        if (Files.isRegularFile(pyproject)) {
            try {
                return of(Pyproject.read(pyproject).buildSystem());
            } catch (RuntimeException e) { // InvalidPyprojectException, naming the file and key
                throw new BuildException(e.getMessage(), "");
            }
        }
        if (Files.isRegularFile(folder.resolve("setup.py"))) {
            return of(Optional.empty());
        }
        throw new BuildException(folder + " is not a Python project: it has neither pyproject.toml nor setup.py", "");
    }
}

package dev.axle.build;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Projects the build tests build (also axle-cli's, through this module's test jar). */
public final class TestProjects {
    private TestProjects() {}

    /**
     * The case axle was born from: {@code daphne-x} maps the package {@code twisted} to its own
     * folder {@code daphne/twisted} (setuptools' {@code package-dir}) to ship the plugin
     * {@code twisted/plugins/fd_endpoint.py}, beside its own {@code src/daphne_x}; packages are
     * listed explicitly, not discovered. Written into {@code dir}/daphne-x.
     */
    public static Path pluginProject(Path dir) throws IOException {
        Path project = dir.resolve("daphne-x");
        Files.createDirectories(project.resolve("daphne/twisted/plugins"));
        Files.createDirectories(project.resolve("src/daphne_x"));
        Files.writeString(project.resolve("pyproject.toml"), """
                [build-system]
                requires = ["setuptools>=61"]
                build-backend = "setuptools.build_meta"

                [project]
                name = "daphne-x"
                version = "1.0"

                [tool.setuptools]
                packages = ["daphne_x", "twisted.plugins"]

                [tool.setuptools.package-dir]
                "" = "src"
                "twisted" = "daphne/twisted"
                """);
        Files.writeString(project.resolve("src/daphne_x/__init__.py"), "X = 1\n");
        Files.writeString(project.resolve("daphne/twisted/plugins/fd_endpoint.py"), "ENDPOINT = 'fd'\n");
        return project;
    }

    /**
     * A project {@code dir}/{@code name} whose backend is its own {@code backend.py} (an
     * in-tree backend: {@code backend-path = ["."]}), requiring nothing.
     */
    public static Path inTreeBackend(Path dir, String name, String backendSource) throws IOException {
        Path project = Files.createDirectories(dir.resolve(name));
        Files.writeString(project.resolve("pyproject.toml"), """
                [build-system]
                requires = []
                build-backend = "backend"
                backend-path = ["."]
                """);
        Files.writeString(project.resolve("backend.py"), backendSource);
        return project;
    }
}

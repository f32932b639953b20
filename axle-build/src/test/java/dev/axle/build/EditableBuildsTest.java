package dev.axle.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * PEP 660 through each backend family that implements it, run by Debian's python3 without
 * isolation (python3-setuptools, flit, python3-hatchling, python3-poetry-core: .ci/run installs
 * them): the metadata comes from prepare_metadata_for_build_editable (or the editable wheel),
 * and the editable wheel, unpacked into a site folder, makes Python import the module from the
 * project folder, so an edit there shows at the next import.
 */
class EditableBuildsTest {
    private static final Path PYTHON = Path.of("/usr/bin/python3");

    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"setuptools", "flit_core", "hatchling", "poetry.core"})
    void editableWheelImportsFromTheProjectFolder(String backend) throws Exception {
        // hatchling's build_editable imports editables, which Debian 12 does not package.
        String modules = backend.equals("hatchling") ? "hatchling, editables" : backend;
        assumeTrue(Files.isExecutable(PYTHON) && Processes.succeeds(PYTHON.toString(), "-c", "import " + modules),
                "needs Debian's python3 with " + modules);
        Path project = project(backend);
        ProjectBuilder builder = new ProjectBuilder(BuildEnvironments.existing(PYTHON, System.getenv()), BuildListener.NONE);

        Path wheel;
        try (ProjectBuilder.Prepared prepared = builder.prepareTree(project, true)) {
            String metadata = new String(prepared.metadata(), StandardCharsets.UTF_8);
            assertThat(metadata).contains("Name: editme", "Version: 0.7");
            wheel = prepared.wheel(tmp.resolve("out"));
        }

        Path site = unzip(wheel, tmp.resolve("site"));
        String importing = "import site; site.addsitedir(" + quoted(site) + "); import editme; print(editme.__file__, editme.VALUE)";
        assertThat(python(importing)).isEqualTo(project.resolve("editme/__init__.py") + " 1");
        Files.writeString(project.resolve("editme/__init__.py"), "VALUE = 2\n");
        assertThat(python(importing)).isEqualTo(project.resolve("editme/__init__.py") + " 2");
        assertThat(site.resolve("editme")).doesNotExist(); // no copy of the package in the site folder
    }

    private Path project(String backend) throws IOException {
        Path project = Files.createDirectories(tmp.resolve("project"));
        Files.createDirectories(project.resolve("editme"));
        Files.writeString(project.resolve("editme/__init__.py"), "\"\"\"A module to edit.\"\"\"\n__version__ = \"0.7\"\nVALUE = 1\n");
        String requires = switch (backend) {
            case "setuptools" -> "setuptools>=61";
            case "flit_core" -> "flit_core>=3.4";
            case "hatchling" -> "hatchling";
            default -> "poetry-core>=1";
        };
        String api = switch (backend) {
            case "setuptools" -> "setuptools.build_meta";
            case "flit_core" -> "flit_core.buildapi";
            case "hatchling" -> "hatchling.build";
            default -> "poetry.core.masonry.api";
        };
        String metadata = backend.equals("poetry.core") ? """
                [tool.poetry]
                name = "editme"
                version = "0.7"
                description = "A module to edit"
                authors = ["Axle <axle@example.org>"]
                """ : """
                [project]
                name = "editme"
                version = "0.7"
                description = "A module to edit"
                """;
        Files.writeString(project.resolve("pyproject.toml"), "[build-system]\nrequires = [\"" + requires
                + "\"]\nbuild-backend = \"" + api + "\"\n\n" + metadata);
        return project;
    }

    private String python(String code) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(PYTHON.toString(), "-c", code).directory(tmp.toFile()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(output).isZero();
        return output.strip();
    }

    private static String quoted(Path path) {
        return "'" + path.toString().replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    private static Path unzip(Path wheel, Path into) throws IOException {
        Files.createDirectories(into);
        try (ZipFile zip = new ZipFile(wheel.toFile())) {
            for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                Path target = into.resolve(entry.getName()).normalize();
                assertThat(target.startsWith(into)).as(entry.getName()).isTrue();
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                    continue;
                }
                Files.createDirectories(target.getParent());
                try (InputStream in = zip.getInputStream(entry)) {
                    Files.copy(in, target);
                }
            }
        }
        return into;
    }
}

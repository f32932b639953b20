package dev.axle.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.axle.pep.MetadataField;
import dev.axle.pep.WheelFilename;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Distributions that real tools built are accepted as they are: Debian's python-wheels and
 * CPython's bundled ensurepip wheels (pip 18 to 24, setuptools 40 to 65 on this machine),
 * and an sdist setuptools makes here (Metadata-Version 2.1 with License-File, an
 * egg-info PKG-INFO beside the sdist's own).
 */
class RealDistributionsTest {
    @TempDir
    Path dir;

    @Test
    void setuptoolsSdistIsAccepted() throws Exception {
        Optional<Path> python = Pythons.python3With("setuptools");
        assumeTrue(python.isPresent(), "no Python 3 with setuptools found (PATH, ~/.pyenv/versions, /usr/bin)");
        Path project = Files.createDirectories(dir.resolve("project"));
        Files.writeString(project.resolve("setup.py"), "from setuptools import setup\n"
                + "setup(name='Foo_Bar', version='1.0.0', packages=['foo_bar'])\n");
        Files.createDirectories(project.resolve("foo_bar"));
        Files.writeString(project.resolve("foo_bar/__init__.py"), "");
        Files.writeString(project.resolve("LICENSE"), "MIT\n");

        Pythons.run(project, python.get().toString(), "setup.py", "-q", "sdist", "--formats=gztar,zip");

        List<Path> sdists;
        try (Stream<Path> files = Files.list(project.resolve("dist"))) {
            sdists = files.sorted().toList();
        }
        assertThat(sdists).hasSize(2);
        for (Path sdist : sdists) {
            String filename = sdist.getFileName().toString();
            Distribution d = Distribution.inspect(sdist, filename);
            assertThat(d.kind()).as(filename).isEqualTo(DistributionKind.SDIST);
            assertThat(d.name()).as(filename).hasToString("foo-bar");
            assertThat(d.version()).as(filename).hasToString("1.0.0");
            // setuptools before 2024 writes License-File under Metadata-Version 2.1: accepted, as twine does.
            assertThat(d.metadata().string(MetadataField.NAME)).as(filename).contains("Foo_Bar");
        }
    }

    @Test
    void bundledWheelsAreAccepted() throws Exception {
        List<Path> wheels = realWheels();
        assumeFalse(wheels.isEmpty(), "no wheels in /usr/share/python-wheels nor in ~/.pyenv ensurepip bundles");

        for (Path wheel : wheels) {
            String filename = wheel.getFileName().toString();
            Distribution d = Distribution.inspect(wheel, filename);
            WheelFilename parsed = WheelFilename.parse(filename);
            assertThat(d.name()).as(filename).hasToString(parsed.name());
            assertThat(d.version()).as(filename).isEqualTo(parsed.version());
            assertThat(d.digests().size()).as(filename).isEqualTo(Files.size(wheel));
            assertThat(new String(d.metadataBytes(), java.nio.charset.StandardCharsets.UTF_8)).as(filename)
                    .startsWith("Metadata-Version: ");
        }
    }

    private static List<Path> realWheels() throws IOException {
        List<Path> dirs = new ArrayList<>(List.of(Path.of("/usr/share/python-wheels")));
        Path pyenv = Path.of(System.getProperty("user.home"), ".pyenv", "versions");
        if (Files.isDirectory(pyenv)) {
            try (Stream<Path> versions = Files.list(pyenv)) {
                for (Path version : versions.toList()) {
                    Path lib = version.resolve("lib");
                    if (Files.isDirectory(lib)) {
                        try (Stream<Path> pythons = Files.list(lib)) {
                            pythons.forEach(p -> dirs.add(p.resolve("ensurepip/_bundled")));
                        }
                    }
                }
            }
        }
        List<Path> wheels = new ArrayList<>();
        for (Path dir : dirs) {
            if (Files.isDirectory(dir)) {
                try (Stream<Path> files = Files.list(dir)) {
                    files.filter(f -> f.getFileName().toString().endsWith(".whl")).sorted().forEach(wheels::add);
                }
            }
        }
        return wheels;
    }
}

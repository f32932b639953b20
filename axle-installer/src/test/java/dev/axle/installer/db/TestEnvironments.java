package dev.axle.installer.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Installation database entries written by hand, as old installers and tools left them. */
final class TestEnvironments {
    private TestEnvironments() {}

    static void write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A setuptools {@code .egg-info} install (as {@code setup.py install
     * --single-version-externally-managed --record} left it): package {@code legacy_pkg},
     * {@code Legacy_Pkg-2.0-py3.egg-info} with PKG-INFO, requires.txt in sections,
     * top_level.txt and installed-files.txt.
     */
    static Path legacyEggInfo(Path sitePackages) {
        Path info = sitePackages.resolve("Legacy_Pkg-2.0-py3.egg-info");
        write(sitePackages.resolve("legacy_pkg/__init__.py"), "VALUE = 1\n");
        write(sitePackages.resolve("legacy_pkg/util.py"), "def f():\n    return 2\n");
        write(info.resolve("PKG-INFO"), "Metadata-Version: 1.1\nName: Legacy-Pkg\nVersion: 2.0\nSummary: old style\n"
                + "Home-page: https://legacy.example\nAuthor: A. Person\nAuthor-email: a@example.org\nLicense: BSD\n");
        write(info.resolve("requires.txt"), "baz>=1\n\n[:python_version >= \"3\"]\nnotthere>=1\n\n"
                + "[:python_version < \"3\"]\nenum34\n\n[Test_Extra]\npytest\n\n[fancy:sys_platform == \"linux\"]\nuvloop\n");
        write(info.resolve("top_level.txt"), "legacy_pkg\n");
        write(info.resolve("SOURCES.txt"), "setup.py\nlegacy_pkg/__init__.py\nlegacy_pkg/util.py\n");
        write(info.resolve("installed-files.txt"), String.join("\n", List.of("../legacy_pkg/__init__.py",
                "../legacy_pkg/util.py", "PKG-INFO", "SOURCES.txt", "requires.txt", "top_level.txt",
                "installed-files.txt")) + "\n");
        return info;
    }

    /** A distutils install: a single {@code distpkg-0.3-py3.egg-info} file and a module. */
    static Path distutilsEggInfo(Path sitePackages) {
        write(sitePackages.resolve("distpkg.py"), "x = 3\n");
        Path info = sitePackages.resolve("distpkg-0.3-py3.egg-info");
        write(info, "Metadata-Version: 1.0\nName: distpkg\nVersion: 0.3\nSummary: distutils\n");
        return info;
    }

    /**
     * A {@code setup.py develop} install: project {@code devpkg} in {@code project} with its
     * {@code devpkg.egg-info}, linked by {@code devpkg.egg-link} and listed in
     * {@code easy-install.pth}.
     */
    static void eggLinkInstall(Path sitePackages, Path project) {
        write(project.resolve("devpkg/__init__.py"), "");
        write(project.resolve("devpkg.egg-info/PKG-INFO"), "Metadata-Version: 2.1\nName: devpkg\nVersion: 0.1.dev0\n"
                + "Summary: in development\n");
        write(project.resolve("devpkg.egg-info/requires.txt"), "baz\n");
        write(sitePackages.resolve("devpkg.egg-link"), project + "\n.");
        write(sitePackages.resolve("easy-install.pth"), project + "\n");
    }

    /** Replaces the {@code direct_url.json} of an installed distribution (RECORD is left as it is). */
    static void directUrl(InstalledDistribution dist, String json) {
        write(dist.metadataDirectory().resolve("direct_url.json"), json);
    }
}

package dev.axle.lock;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The writer's layout: uv's key order, inline sources, one line per wheel when there are several. */
class PylockWriterTest {

    @Test
    void writes_the_layout_uv_writes() {
        Pylock lock = Pylock.fromMap(PackagingCrossCheckTest.baseDocument());
        assertThat(lock.toToml()).isEqualTo("""
                lock-version = "1.0"
                created-by = "axle"
                environments = ["sys_platform == \\"linux\\"", "sys_platform == \\"win32\\""]
                requires-python = ">=3.11"
                extras = ["feat1", "feat2"]
                dependency-groups = ["dev", "docs"]
                default-groups = ["dev"]

                [[packages]]
                name = "numpy"
                version = "2.2.3"
                requires-python = ">=3.10"
                dependencies = [{ name = "attrs" }]
                index = "https://pypi.org/simple"
                sdist = { url = "https://files.example/numpy-2.2.3.tar.gz", upload-time = 2025-02-13T16:51:21.82188Z, size = 20000, hashes = { sha256 = "aa" } }
                wheels = [
                    { name = "numpy-2.2.3-cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64.whl", url = "https://files.example/numpy-2.2.3-cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64.whl", size = 16116679, hashes = { sha256 = "bb" } },
                    { url = "https://files.example/numpy-2.2.3-cp312-cp312-win_amd64.whl", upload-time = 2025-02-13T16:51:00, hashes = { sha256 = "cc", md5 = "dd" } },
                ]
                attestation-identities = [{ kind = "GitHub", repository = "numpy/numpy" }]

                [packages.tool.axle]
                note = "x"
                n = 1

                [[packages]]
                name = "attrs"
                version = "25.1.0"
                wheels = [{ path = "wheels/attrs-25.1.0-py3-none-any.whl", hashes = { sha256 = "ee" } }]

                [[packages]]
                name = "tomli"
                version = "2.0.1"
                marker = "python_version < \\"3.12\\""
                sdist = { path = "./tomli-2.0.1.tar.gz", hashes = { sha256 = "ff" } }

                [[packages]]
                name = "pywin32"
                marker = "sys_platform == \\"win32\\" and \\"dev\\" in dependency_groups"
                archive = { url = "https://files.example/pywin32.zip", size = 10, subdirectory = "src", hashes = { sha256 = "01" } }

                [[packages]]
                name = "docs-theme"
                marker = "\\"docs\\" in dependency_groups"
                vcs = { type = "git", url = "https://git.example/theme.git", requested-revision = "main", commit-id = "0123abcd" }

                [[packages]]
                name = "feature"
                marker = "\\"feat1\\" in extras or \\"feat2\\" in extras"
                directory = { path = "./feature", editable = true }

                [tool.axle]
                command = ["lock", "-r", "requirements.txt"]
                """);
        PylockCorpusTest.roundTrips(lock);
    }

    @Test
    void keeps_empty_lists_and_tables_apart_from_absent_ones() {
        Pylock lock = Pylock.parse("""
                lock-version = "1.0"
                created-by = "x"
                extras = []
                packages = []

                [tool]
                """);
        assertThat(lock.toToml()).isEqualTo("""
                lock-version = "1.0"
                created-by = "x"
                extras = []
                packages = []

                [tool]
                """);
        assertThat(lock.extras()).contains(java.util.List.of());
        assertThat(lock.dependencyGroups()).isEmpty();
        assertThat(lock.tool()).contains(Map.of());
        PylockCorpusTest.roundTrips(lock);
    }

    @Test
    void quotes_keys_and_escapes_strings_toml_needs_quoted() {
        Pylock lock = Pylock.parse("""
                lock-version = "1.0"
                created-by = "tab\\there \\"quoted\\" \\u00e9"
                packages = []

                [tool."a.b"]
                "key with space" = "line\\nbreak"
                """);
        String written = lock.toToml();
        assertThat(written).contains("created-by = \"tab\\there \\\"quoted\\\" é\"")
                .contains("[tool.\"a.b\"]\n\"key with space\" = \"line\\nbreak\"\n");
        PylockCorpusTest.roundTrips(lock);
    }
}

package dev.axle.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PypircTest {
    @TempDir
    Path dir;

    @Test
    void readsRepositorySectionsAsTwineDoes() {
        Pypirc rc = Pypirc.parse("""
                [distutils]
                index-servers =
                    pypi
                    private

                [pypi]
                username: __token__
                password = pypi-AgEI
                ; a comment
                [private]
                repository = https://pkgs.example.com/main/
                username = ci
                password = s3cret=with=equals
                """, Path.of(".pypirc"));
        assertThat(rc.repository("pypi")).contains(new Pypirc.Repository(Optional.of("https://upload.pypi.org/legacy/"),
                Optional.of("__token__"), Optional.of("pypi-AgEI")));
        assertThat(rc.repository("private")).contains(new Pypirc.Repository(
                Optional.of("https://pkgs.example.com/main/"), Optional.of("ci"), Optional.of("s3cret=with=equals")));
        assertThat(rc.repository("testpypi")).contains(new Pypirc.Repository(
                Optional.of("https://test.pypi.org/legacy/"), Optional.empty(), Optional.empty()));
        assertThat(rc.repository("other")).isEmpty();
        assertThat(rc.sections().get("distutils").get("index-servers")).isEqualTo("pypi\nprivate");
    }

    @Test
    void aMissingFileHasNoSections() throws IOException {
        assertThat(Pypirc.read(dir.resolve("none")).sections()).isEmpty();
    }

    @Test
    void aBadLineNamesFileAndLine() throws IOException {
        Path file = Files.writeString(dir.resolve(".pypirc"), "[pypi]\nusername = x\nthis is not valid\n");
        assertThatThrownBy(() -> Pypirc.read(file)).isInstanceOf(UsageException.class)
                .hasMessage(file + ":3: not a section header or key = value line: this is not valid");
    }
}

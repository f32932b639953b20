package dev.axle.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code axle venv} run in-process with a real interpreter: exit code, stdout and stderr. */
class VenvCommandTest {
    private static final String NL = System.lineSeparator();

    @TempDir
    Path temp;

    /** A Python 3.7+ from pyenv or /usr/bin, or the test is skipped. */
    private static Path python() {
        String root = System.getenv("PYENV_ROOT");
        Path versions = (root == null || root.isEmpty() ? Path.of(System.getProperty("user.home"), ".pyenv")
                : Path.of(root)).resolve("versions");
        Optional<Path> found = Optional.empty();
        try (Stream<Path> dirs = Files.list(versions)) {
            found = dirs.filter(d -> d.getFileName().toString().matches("3\\.(7|8|9|[1-9][0-9])\\..*"))
                    .map(d -> d.resolve("bin/python3")).filter(Files::isExecutable)
                    .max(Comparator.comparing(Path::toString));
        } catch (IOException e) {
            // no pyenv
        }
        Path system = Path.of("/usr/bin/python3");
        if (found.isEmpty() && Files.isExecutable(system)) {
            found = Optional.of(system);
        }
        assumeTrue(found.isPresent(), "no Python 3 found (pyenv or /usr/bin/python3)");
        return found.get();
    }

    @Test
    void createsRefusesAndClears() throws IOException {
        Path python = python();
        Path dir = temp.resolve("env");
        String cache = temp.resolve("cache").toString();
        Transcript t = Transcript.of("venv", "--cache-dir", cache, "--python", python.toString(), dir.toString());
        assertThat(t.err()).isEmpty();
        assertThat(t.exitCode()).isZero();
        assertThat(t.out()).matches("Using CPython 3\\.\\d+\\.\\d+\\S* at " + python.getParent() + "/\\S+" + NL
                + "Created virtual environment at " + dir + NL + "Activate with: source " + dir + "/bin/\\S+" + NL);
        assertThat(dir.resolve("pyvenv.cfg")).isRegularFile();
        assertThat(Path.of(cache, "interpreters-v1")).isDirectory();

        Transcript again = Transcript.of("venv", "--cache-dir", cache, "--python", python.toString(), dir.toString());
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err()).startsWith("error: a virtual environment already exists at " + dir + NL)
                .contains("--clear").doesNotContain("Exception").doesNotContain("\tat ");

        Files.writeString(dir.resolve("stale"), "x");
        Transcript cleared = Transcript.of("venv", "--cache-dir", cache, "--python", python.toString(), "--clear",
                "--prompt", "p", dir.toString());
        assertThat(cleared.exitCode()).as(cleared.err()).isZero();
        assertThat(dir.resolve("stale")).doesNotExist();
        assertThat(Files.readString(dir.resolve("pyvenv.cfg"))).contains("prompt = p" + "\n");
    }

    @Test
    void badRequestsAreOneLineErrors() {
        String cache = temp.resolve("cache").toString();
        Transcript garbage = Transcript.of("venv", "--cache-dir", cache, "--python", "3.x", temp.resolve("a").toString());
        assertThat(garbage.exitCode()).isEqualTo(1);
        assertThat(garbage.out()).isEmpty();
        assertThat(garbage.err()).startsWith("error: invalid Python request '3.x'").doesNotContain("\tat ");

        Transcript missing = Transcript.of("venv", "--cache-dir", cache, "--python", temp.resolve("no/python").toString(),
                temp.resolve("b").toString());
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).startsWith("error: no Python interpreter found for '" + temp.resolve("no/python"))
                .contains("does not exist");
        assertThat(temp.resolve("b")).doesNotExist();
    }

    @Test
    void activationLineFollowsTheShellAndQuotesOddPaths() {
        VenvCommand command = new VenvCommand();
        command.dir = Path.of(".venv");
        assertThat(command.activation("/bin/bash")).isEqualTo("source .venv/bin/activate");
        assertThat(command.activation("")).isEqualTo("source .venv/bin/activate");
        assertThat(command.activation("/usr/bin/fish")).isEqualTo("source .venv/bin/activate.fish");
        assertThat(command.activation("/bin/tcsh")).isEqualTo("source .venv/bin/activate.csh");
        assertThat(command.activation("/usr/bin/pwsh")).isEqualTo(". .venv/bin/Activate.ps1");
        command.dir = Path.of("my env's");
        assertThat(command.activation("/bin/zsh")).isEqualTo("source 'my env'\\''s/bin/activate'");
    }

    @Test
    void helpListsTheCommandAndItsOptions() {
        assertThat(Transcript.of("--help").out()).contains("  venv ");
        Transcript help = Transcript.of("venv", "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).startsWith("Usage: axle venv ").contains("--python=PYTHON", "--system-site-packages",
                "--prompt=PROMPT", "--clear", "--cache-dir=DIR", "[DIR]");
    }
}

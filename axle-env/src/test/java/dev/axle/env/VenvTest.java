package dev.axle.env;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Virtual environments made by axle, used by real Python, pip and shells. */
class VenvTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SYS = "import json, sys, site; print(json.dumps({'prefix': sys.prefix,"
            + " 'base_prefix': sys.base_prefix, 'path': sys.path, 'executable': sys.executable}))";

    @TempDir
    Path temp;

    private Interpreters interpreters() {
        return new Interpreters(temp.resolve("cache"), RealPythons.environment());
    }

    private Environment create(Path base, Path dir, VenvOptions options) {
        Interpreters interpreters = interpreters();
        return Venv.create(interpreters, interpreters.query(base), dir, options);
    }

    @Test
    void everyPythonRunsItsVenv() throws IOException {
        Interpreters interpreters = interpreters();
        for (Path python : RealPythons.all()) {
            PythonInterpreter base = interpreters.query(python);
            Path dir = temp.resolve("venv-" + base.pythonVersion() + "-" + base.prefix().getFileName());
            Environment env = Venv.create(interpreters, base, dir, VenvOptions.defaults());
            assertThat(env.kind()).isEqualTo(Environment.Kind.VENV);
            assertThat(env.root()).isEqualTo(dir);

            JsonNode sys = JSON.readTree(RealPythons.python(dir.resolve("bin/python"), SYS));
            assertThat(Path.of(sys.get("prefix").asText())).as(python.toString()).isEqualTo(dir);
            assertThat(sys.get("prefix").asText()).isNotEqualTo(sys.get("base_prefix").asText());
            assertThat(Path.of(sys.get("base_prefix").asText())).isEqualTo(base.basePrefix());
            assertThat(sys.get("path").toString()).contains(env.scheme().purelib().toString());
            assertThat(Files.isDirectory(env.scheme().purelib())).isTrue();

            RealPythons.Run pip = RealPythons.run(dir.resolve("bin/python").toString(), "-m", "pip", "--version");
            assertThat(pip.exitCode()).as("no pip in a new venv: " + pip.stdout()).isNotZero();
            assertThat(pip.stderr()).contains("No module named pip");

            // What axle says about the new venv without running it is what running it says.
            PythonInterpreter described = env.interpreter();
            PythonInterpreter queried = interpreters.query(dir.resolve("bin/python"));
            assertThat(described.baseExecutable().toRealPath()).isEqualTo(queried.baseExecutable().toRealPath());
            assertThat(described).usingRecursiveComparison().ignoringFields("baseExecutable").isEqualTo(queried);
        }
    }

    @Test
    void layoutFilesAndLinks() throws IOException {
        Path python = RealPythons.any();
        Interpreters interpreters = interpreters();
        PythonInterpreter base = interpreters.query(python);
        Path dir = temp.resolve("proj/.venv");
        Venv.create(interpreters, base, dir, VenvOptions.defaults());

        String cfg = Files.readString(dir.resolve("pyvenv.cfg"));
        Path exe = base.baseExecutable();
        assertThat(cfg).startsWith("home = " + exe.getParent() + "\n")
                .contains("include-system-site-packages = false\n")
                .contains("version = " + base.version().major() + "." + base.version().minor() + "."
                        + base.version().micro() + "\n")
                .contains("executable = " + exe.toRealPath() + "\n")
                .contains("command = " + exe + " -m venv --without-pip " + dir + "\n")
                .doesNotContain("prompt");
        Path bin = dir.resolve("bin");
        assertThat(Files.readSymbolicLink(bin.resolve("python"))).isEqualTo(exe);
        assertThat(Files.readSymbolicLink(bin.resolve("python3"))).isEqualTo(Path.of("python"));
        assertThat(Files.readSymbolicLink(bin.resolve("python" + base.pythonVersion()))).isEqualTo(Path.of("python"));
        assertThat(Files.readSymbolicLink(dir.resolve("lib64"))).isEqualTo(Path.of("lib"));
        assertThat(Files.isDirectory(dir.resolve("lib/python" + base.pythonVersion() + "/site-packages"))).isTrue();
        assertThat(Files.readString(dir.resolve(".gitignore"))).contains("\n*\n");
        assertThat(Files.readString(dir.resolve("CACHEDIR.TAG")))
                .startsWith("Signature: 8a477f597d28d172789f06886806bc55");
        for (String script : List.of("activate", "activate.fish", "activate.csh", "Activate.ps1")) {
            assertThat(Files.readString(bin.resolve(script))).contains(dir.toString()).contains("'.venv'");
        }
        try (Stream<Path> siblings = Files.list(dir.getParent())) {
            assertThat(siblings).as("no temporary folder left").containsExactly(dir);
        }
    }

    @Test
    void ensurepipThenPipWorkInside() {
        Path python = RealPythons.any();
        Path dir = temp.resolve("venv");
        create(python, dir, VenvOptions.defaults());
        Path venvPython = dir.resolve("bin/python");
        RealPythons.Run ensurepip = RealPythons.run(venvPython.toString(), "-m", "ensurepip");
        assertThat(ensurepip.exitCode()).as(ensurepip.stderr()).isZero();
        RealPythons.Run list = RealPythons.run(venvPython.toString(), "-m", "pip", "list", "--format", "json");
        assertThat(list.exitCode()).as(list.stderr()).isZero();
        assertThat(list.stdout()).contains("\"name\": \"pip\"");
        RealPythons.Run where = RealPythons.run(dir.resolve("bin/pip3").toString(), "--version");
        assertThat(where.exitCode()).as(where.stderr()).isZero();
        assertThat(where.stdout()).contains(dir.resolve("lib").toString());
    }

    @Test
    void systemSitePackagesAndPrompt() throws IOException {
        Interpreters interpreters = interpreters();
        List<Path> pythons = new java.util.ArrayList<>(List.of(RealPythons.any()));
        RealPythons.system().ifPresent(pythons::add);
        for (Path python : pythons) {
            PythonInterpreter base = interpreters.query(python);
            Path dir = temp.resolve("venv-" + base.prefix().getFileName());
            Environment env = Venv.create(interpreters, base, dir,
                    new VenvOptions(true, Optional.of("my project"), false));
            assertThat(Files.readString(dir.resolve("pyvenv.cfg")))
                    .contains("include-system-site-packages = true\n")
                    .contains("prompt = my project\n")
                    .contains(" --system-site-packages --prompt 'my project' ");
            JsonNode sys = JSON.readTree(RealPythons.python(dir.resolve("bin/python"), SYS));
            for (Path site : base.siteDirectories()) {
                assertThat(sys.get("path").toString()).contains(site.toString());
            }
            assertThat(env.sitePackages()).containsAll(base.siteDirectories());
            assertThat(env.interpreter()).as(python.toString()).usingRecursiveComparison()
                    .ignoringFields("baseExecutable").isEqualTo(interpreters.query(dir.resolve("bin/python")));
            assertThat(Files.readString(dir.resolve("bin/activate"))).contains("VIRTUAL_ENV_PROMPT='my project'");
        }
    }

    @Test
    void aVenvAsBaseMeansItsOwnBase() throws IOException {
        Path python = RealPythons.any();
        Interpreters interpreters = interpreters();
        Environment first = Venv.create(interpreters, interpreters.query(python), temp.resolve("one"),
                VenvOptions.defaults());
        PythonInterpreter inFirst = interpreters.query(temp.resolve("one/bin/python"));
        Venv.create(interpreters, inFirst, temp.resolve("two"), VenvOptions.defaults());
        String cfg = Files.readString(temp.resolve("two/pyvenv.cfg"));
        assertThat(cfg).contains("home = " + first.interpreter().baseExecutable().getParent() + "\n");
        assertThat(Files.readSymbolicLink(temp.resolve("two/bin/python")).startsWith(temp)).isFalse();
        JsonNode sys = JSON.readTree(RealPythons.python(temp.resolve("two/bin/python"), SYS));
        assertThat(Path.of(sys.get("base_prefix").asText())).isEqualTo(inFirst.basePrefix());
    }

    @Test
    void bashAndShActivateAndDeactivate() {
        Path python = RealPythons.any();
        Path dir = temp.resolve("it's a \"venv\" $HOME");
        create(python, dir, VenvOptions.defaults());
        String script = """
                PS1='$ '
                PYTHONHOME=/nowhere; export PYTHONHOME
                before="$PATH"
                . "$1/bin/activate"
                echo "env=$VIRTUAL_ENV"
                echo "prompt=$VIRTUAL_ENV_PROMPT"
                echo "ps1=$PS1"
                echo "python=$(command -v python)"
                echo "home=${PYTHONHOME-unset}"
                python -c 'import sys; print("prefix=" + sys.prefix)'
                deactivate
                [ "$PATH" = "$before" ] && echo "path restored"
                echo "after=${VIRTUAL_ENV-unset} ps1=$PS1 home=${PYTHONHOME-unset}"
                case $(type deactivate 2>/dev/null) in *function*) ;; *) echo "deactivate gone" ;; esac
                """;
        for (String shell : List.of("bash", "sh", "zsh", "dash", "ksh")) {
            Optional<Path> sh = RealPythons.onPath(shell);
            if (sh.isEmpty()) {
                continue;
            }
            RealPythons.Run r = RealPythons.run(Map.of(), null, sh.get().toString(), "-c", script, "activate-test",
                    dir.toString());
            assertThat(r.exitCode()).as(shell + ": " + r.stderr()).isZero();
            assertThat(r.stdout()).as(shell).contains(
                    "env=" + dir + "\n",
                    "prompt=" + dir.getFileName() + "\n",
                    "ps1=(" + dir.getFileName() + ") $ \n",
                    "python=" + dir.resolve("bin/python") + "\n",
                    "home=unset\n",
                    "prefix=" + dir + "\n",
                    "path restored\n",
                    "after=unset ps1=$  home=/nowhere\n",
                    "deactivate gone\n");
        }
    }

    @Test
    void activateRunOnItsOwnSaysToSourceIt() {
        Path python = RealPythons.any();
        Path dir = temp.resolve("venv");
        create(python, dir, VenvOptions.defaults());
        RealPythons.Run r = RealPythons.run("bash", dir.resolve("bin/activate").toString());
        assertThat(r.exitCode()).isNotZero();
        assertThat(r.stderr()).contains("source");
    }

    @Test
    void fishActivatesAndDeactivates() {
        Optional<Path> fish = RealPythons.onPath("fish");
        assumeTrue(fish.isPresent(), "fish is not installed");
        Path dir = temp.resolve("fish's venv");
        create(RealPythons.any(), dir, VenvOptions.defaults());
        String script = """
                set before $PATH
                source $argv[1]/bin/activate.fish
                echo "env=$VIRTUAL_ENV"
                echo "python="(command -v python)
                echo "prompt="(fish_prompt)
                deactivate
                test (string join : $PATH) = (string join : $before); and echo "path restored"
                set -q VIRTUAL_ENV; or echo "env unset"
                functions -q deactivate; or echo "deactivate gone"
                """;
        RealPythons.Run r = RealPythons.run(Map.of("HOME", temp.toString()), null, fish.get().toString(), "-c",
                script, dir.toString());
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(r.stdout()).contains("env=" + dir + "\n", "python=" + dir.resolve("bin/python") + "\n",
                "prompt=(fish's venv) ", "path restored\n", "env unset\n", "deactivate gone\n");
    }

    @Test
    void cshActivatesAndDeactivates() {
        Optional<Path> csh = RealPythons.onPath("tcsh").or(() -> RealPythons.onPath("csh"));
        assumeTrue(csh.isPresent(), "neither tcsh nor csh is installed");
        Path dir = temp.resolve("c shell venv!");
        create(RealPythons.any(), dir, VenvOptions.defaults());
        Path script = temp.resolve("test.csh");
        try {
            Files.writeString(script, """
                    set prompt='> '
                    set before="$PATH"
                    source "$argv[1]/bin/activate.csh"
                    echo "env=$VIRTUAL_ENV"
                    echo "prompt=$prompt"
                    echo "python=`which python`"
                    deactivate
                    if ("$PATH" == "$before") echo "path restored"
                    if (! $?VIRTUAL_ENV) echo "env unset"
                    echo "prompt after=$prompt"
                    if ("`alias deactivate`" == "") echo "deactivate gone"
                    """);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        RealPythons.Run r = RealPythons.run(Map.of(), null, csh.get().toString(), "-f", script.toString(),
                dir.toString());
        assertThat(r.exitCode()).as(r.stdout() + r.stderr()).isZero();
        assertThat(r.stdout()).contains("env=" + dir + "\n", "prompt=(c shell venv!) > \n",
                "python=" + dir.resolve("bin/python") + "\n", "path restored\n", "env unset\n", "prompt after=> \n",
                "deactivate gone\n");
    }

    @Test
    void powershellActivatesAndDeactivates() {
        Optional<Path> pwsh = RealPythons.onPath("pwsh");
        assumeTrue(pwsh.isPresent(), "PowerShell (pwsh) is not installed");
        Path dir = temp.resolve("ps venv");
        create(RealPythons.any(), dir, VenvOptions.defaults());
        String script = "$before = $env:PATH; . (Join-Path $args[0] 'bin/Activate.ps1');"
                + " Write-Output \"env=$env:VIRTUAL_ENV\"; Write-Output (\"prompt=\" + (prompt));"
                + " deactivate; if ($env:PATH -eq $before) { Write-Output 'path restored' };"
                + " if (-not $env:VIRTUAL_ENV) { Write-Output 'env unset' }";
        RealPythons.Run r = RealPythons.run(Map.of(), null, pwsh.get().toString(), "-NoProfile", "-Command", script,
                dir.toString());
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(r.stdout()).contains("env=" + dir, "prompt=(ps venv) ", "path restored", "env unset");
    }

    @Test
    void anExistingFolderIsRefusedWithoutClear() throws IOException {
        Path python = RealPythons.any();
        Path dir = Files.createDirectories(temp.resolve("full"));
        Files.writeString(dir.resolve("keep.txt"), "mine");
        assertThatThrownBy(() -> create(python, dir, VenvOptions.defaults()))
                .isInstanceOf(VenvExistsException.class)
                .hasMessageContaining(dir.toString())
                .hasMessageContaining("--clear");
        assertThat(Files.readString(dir.resolve("keep.txt"))).isEqualTo("mine");

        Path venv = temp.resolve("venv");
        create(python, venv, VenvOptions.defaults());
        assertThatThrownBy(() -> create(python, venv, VenvOptions.defaults()))
                .isInstanceOf(VenvExistsException.class)
                .hasMessageContaining("a virtual environment already exists at " + venv);

        Path file = Files.writeString(temp.resolve("file"), "x");
        assertThatThrownBy(() -> create(python, file, VenvOptions.defaults()))
                .isInstanceOf(EnvironmentException.class).hasMessageContaining("a file with that name exists");

        Path empty = Files.createDirectories(temp.resolve("empty"));
        create(python, empty, VenvOptions.defaults());
        assertThat(Files.exists(empty.resolve("pyvenv.cfg"))).isTrue();
    }

    @Test
    void clearReplacesEverythingButFollowsNoLinks() throws IOException {
        Path python = RealPythons.any();
        Path outside = Files.createDirectories(temp.resolve("outside"));
        Files.writeString(outside.resolve("precious.txt"), "keep me");
        Path dir = temp.resolve("venv");
        create(python, dir, VenvOptions.defaults());
        Files.writeString(dir.resolve("lib/extra.py"), "x = 1");
        Path readOnly = Files.createDirectories(dir.resolve("ro/sub"));
        Files.writeString(readOnly.resolve("f"), "f");
        readOnly.toFile().setWritable(false);
        Files.createSymbolicLink(dir.resolve("link-out"), outside);

        Environment env = create(python, dir, new VenvOptions(false, Optional.empty(), true));
        assertThat(Files.exists(dir.resolve("lib/extra.py"))).isFalse();
        assertThat(Files.exists(dir.resolve("ro"))).isFalse();
        assertThat(Files.exists(dir.resolve("link-out"), LinkOption.NOFOLLOW_LINKS)).isFalse();
        assertThat(Files.readString(outside.resolve("precious.txt"))).isEqualTo("keep me");
        JsonNode sys = JSON.readTree(RealPythons.python(dir.resolve("bin/python"), SYS));
        assertThat(Path.of(sys.get("prefix").asText())).isEqualTo(env.root());
        try (Stream<Path> siblings = Files.list(temp)) {
            assertThat(siblings.map(p -> p.getFileName().toString())).doesNotContain(".venv").allMatch(
                    n -> !n.startsWith(".venv.axle"));
        }
    }

    @Test
    void aFailureLeavesNothingBehind() throws IOException {
        Interpreters interpreters = interpreters();
        PythonInterpreter real = interpreters.query(RealPythons.any());
        SchemeLayout bad = new SchemeLayout(Path.of("/proc/axle-cannot-write/site-packages"),
                real.venvLayout().platlib(), real.venvLayout().scripts(), real.venvLayout().headers(),
                real.venvLayout().data());
        PythonInterpreter broken = new PythonInterpreter(real.executable(), real.version(), real.implementationName(),
                real.markerEnvironment(), real.compatibility(), real.prefix(), real.basePrefix(),
                real.baseExecutable(), real.schemeName(), real.scheme(), real.userScheme(), real.userBase(),
                real.userSiteEnabled(), real.siteDirectories(), real.stdlib(), real.cacheTag(),
                real.externallyManaged(), real.is64bit(), real.prefixLayout(), bad);
        Path parent = Files.createDirectories(temp.resolve("parent"));
        Path dir = parent.resolve("venv");
        assertThatThrownBy(() -> Venv.create(interpreters, broken, dir, VenvOptions.defaults()))
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining(dir.toString());
        try (Stream<Path> left = Files.list(parent)) {
            assertThat(left).isEmpty();
        }

        // With --clear, the old environment stays when the new one cannot be made.
        Venv.create(interpreters, real, dir, VenvOptions.defaults());
        Files.writeString(dir.resolve("marker"), "old");
        assertThatThrownBy(() -> Venv.create(interpreters, broken, dir, new VenvOptions(false, Optional.empty(), true)))
                .isInstanceOf(UncheckedIOException.class);
        assertThat(Files.readString(dir.resolve("marker"))).isEqualTo("old");
        try (Stream<Path> left = Files.list(parent)) {
            assertThat(left).containsExactly(dir);
        }
    }

    @Test
    void pathsThatWouldBreakPathAreRefused() {
        Path python = RealPythons.any();
        assertThatThrownBy(() -> create(python, temp.resolve("a:b"), VenvOptions.defaults()))
                .isInstanceOf(EnvironmentException.class).hasMessageContaining("':'");
        assertThatThrownBy(() -> create(python, temp.resolve("a\nb"), VenvOptions.defaults()))
                .isInstanceOf(EnvironmentException.class).hasMessageContaining("control characters");
        assertThatThrownBy(() -> create(python, temp.resolve("v"), new VenvOptions(false, Optional.of("a\nb"), false)))
                .isInstanceOf(EnvironmentException.class).hasMessageContaining("prompt");
    }
}

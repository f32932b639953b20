package dev.axle.env;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Environment kinds, their schemes against sysconfig and pip, PEP 668, discovery and PATH warnings. */
class EnvironmentTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PATHS = "import json, sys, sysconfig; print(json.dumps(sysconfig.get_paths(sys.argv[1])"
            + " if len(sys.argv) > 1 else sysconfig.get_paths()))";

    @TempDir
    Path temp;

    private Interpreters interpreters(Map<String, String> extra) {
        Map<String, String> env = new HashMap<>(RealPythons.environment());
        env.putAll(extra);
        return new Interpreters(temp.resolve("cache"), env);
    }

    private Interpreters interpreters() {
        return interpreters(Map.of());
    }

    /** Interpreters whose pip knows --break-system-packages (pip 23 and later). */
    private List<Path> withModernPip() {
        List<Path> out = new ArrayList<>();
        for (Path python : RealPythons.all()) {
            RealPythons.Run r = RealPythons.run(python.toString(), "-m", "pip", "install", "--help");
            if (r.exitCode() == 0 && r.stdout().contains("--break-system-packages")) {
                out.add(python);
            }
        }
        assumeTrue(!out.isEmpty(), "no interpreter with pip 23+ here");
        return out;
    }

    private static void pipInstall(Path python, Map<String, String> env, Path wheel, String... where) {
        List<String> command = new ArrayList<>(List.of(python.toString(), "-m", "pip", "install", "--no-deps",
                "--no-compile", "--break-system-packages"));
        command.addAll(List.of(where));
        command.add(wheel.toString());
        RealPythons.Run r = RealPythons.run(env, null, command.toArray(String[]::new));
        assertThat(r.exitCode()).as(String.join(" ", command) + "\n" + r.stdout() + r.stderr()).isZero();
    }

    private static void assertProbeIn(Scheme scheme, String what) {
        assertThat(scheme.purelib().resolve(ProbeWheel.MODULE)).as(what + " purelib").isRegularFile();
        assertThat(scheme.scripts().resolve(ProbeWheel.SCRIPT)).as(what + " scripts").isRegularFile();
        assertThat(scheme.data().resolve(ProbeWheel.DATA)).as(what + " data").isRegularFile();
        assertThat(scheme.headers().resolve(ProbeWheel.NAME).resolve(ProbeWheel.HEADER)).as(what + " headers")
                .isRegularFile();
    }

    @Test
    void prefixTargetAndUserSchemesAreWherePipInstalls() throws IOException {
        Path wheel = ProbeWheel.write(Files.createDirectories(temp.resolve("wheels")));
        for (Path python : withModernPip()) {
            String tag = python.toString().replaceAll("[^A-Za-z0-9.]", "_");
            Path userBase = temp.resolve("user-" + tag);
            Map<String, String> userEnv = Map.of("PYTHONUSERBASE", userBase.toString());
            PythonInterpreter interpreter = interpreters(userEnv).query(python);

            Path prefix = temp.resolve("prefix-" + tag);
            pipInstall(python, Map.of(), wheel, "--prefix", prefix.toString());
            Environment p = Environment.prefix(interpreter, prefix);
            assertThat(p.kind()).isEqualTo(Environment.Kind.PREFIX);
            assertThat(p.root()).isEqualTo(prefix);
            assertProbeIn(p.scheme(), python + " --prefix");
            assertThat(p.sitePackages()).containsExactly(p.scheme().purelib());

            Path target = temp.resolve("target-" + tag);
            pipInstall(python, Map.of(), wheel, "--target", target.toString());
            Environment t = Environment.target(interpreter, target);
            assertThat(t.scheme().purelib()).isEqualTo(target);
            assertThat(t.scheme().platlib()).isEqualTo(target);
            assertThat(t.scheme().scripts()).isEqualTo(target.resolve("bin"));
            assertThat(t.sitePackages()).containsExactly(target);
            assertProbeIn(t.scheme(), python + " --target");

            pipInstall(python, userEnv, wheel, "--user");
            Environment u = Environment.user(interpreter);
            assertThat(u.kind()).isEqualTo(Environment.Kind.USER);
            assertThat(u.root()).isEqualTo(userBase);
            assertProbeIn(u.scheme(), python + " --user");
            assertThat(u.sitePackages().get(0)).isEqualTo(u.scheme().purelib());
            assertThat(u.sitePackages()).containsAll(interpreter.siteDirectories());
        }
    }

    @Test
    void venvSchemeIsWherePipInstallsInIt() throws IOException {
        Path python = RealPythons.any();
        Interpreters interpreters = interpreters();
        Path dir = temp.resolve("venv");
        Venv.create(interpreters, interpreters.query(python), dir, VenvOptions.defaults());
        Path venvPython = dir.resolve("bin/python");
        RealPythons.Run ensurepip = RealPythons.run(venvPython.toString(), "-m", "ensurepip");
        assertThat(ensurepip.exitCode()).as(ensurepip.stderr()).isZero();
        Environment env = Environment.venv(interpreters, dir);
        assertThat(env.kind()).isEqualTo(Environment.Kind.VENV);
        assertThat(env.root()).isEqualTo(dir);
        assertThat(env.interpreter().executable()).isEqualTo(venvPython);
        pipInstall(venvPython, Map.of(), ProbeWheel.write(temp), new String[0]);
        assertProbeIn(env.scheme(), "venv");
        assertThat(env.scheme().headers())
                .isEqualTo(dir.resolve("include/site/python" + env.interpreter().pythonVersion()));
    }

    @Test
    void schemesMatchSysconfigOfEachInterpreter() throws IOException {
        Interpreters interpreters = interpreters();
        for (Path python : RealPythons.all()) {
            PythonInterpreter interpreter = interpreters.query(python);
            JsonNode own = JSON.readTree(RealPythons.python(python, PATHS));
            assertMatches(Environment.system(interpreter).scheme(), own, python + " default");
            assertThat(interpreter.scheme().headers()).isEqualTo(Path.of(own.get("include").asText()));
            assertThat(Environment.system(interpreter).kind()).isEqualTo(Environment.Kind.SYSTEM);
            assertThat(Environment.system(interpreter).root()).isEqualTo(interpreter.prefix());
            assertThat(Environment.system(interpreter).sitePackages()).startsWith(interpreter.scheme().purelib())
                    .containsAll(interpreter.siteDirectories());

            String userScheme = interpreter.markerEnvironment().value("sys_platform").orElse("").equals("darwin")
                    ? "osx_framework_user" : "posix_user";
            JsonNode user = JSON.readTree(RealPythons.run(python.toString(), "-c", PATHS, userScheme).stdout());
            assertMatches(interpreter.userScheme(), user, python + " user");
            assertThat(interpreter.userScheme().headers()).isEqualTo(Path.of(user.get("include").asText()));
        }
    }

    private static void assertMatches(Scheme scheme, JsonNode paths, String what) {
        assertThat(scheme.purelib()).as(what + " purelib").isEqualTo(Path.of(paths.get("purelib").asText()));
        assertThat(scheme.platlib()).as(what + " platlib").isEqualTo(Path.of(paths.get("platlib").asText()));
        assertThat(scheme.scripts()).as(what + " scripts").isEqualTo(Path.of(paths.get("scripts").asText()));
        assertThat(scheme.data()).as(what + " data").isEqualTo(Path.of(paths.get("data").asText()));
    }

    @Test
    void externallyManagedInstallationsAreRefusedWithTheDistributorsWords() throws IOException {
        Optional<Path> system = RealPythons.system();
        assumeTrue(system.isPresent(), "no /usr/bin/python3 here");
        PythonInterpreter interpreter = interpreters().query(system.get());
        Path marker = interpreter.stdlib().resolve("EXTERNALLY-MANAGED");
        assumeTrue(Files.exists(marker), "/usr/bin/python3 is not externally managed here (no " + marker + ")");
        assertThat(interpreter.externallyManaged()).isPresent();
        String file = Files.readString(marker);
        String firstLine = interpreter.externallyManaged().get().lines().findFirst().orElseThrow();
        assertThat(file).contains(firstLine);

        for (Environment env : List.of(Environment.system(interpreter), Environment.user(interpreter))) {
            assertThatThrownBy(() -> env.checkInstallAllowed(false))
                    .isInstanceOf(ExternallyManagedException.class)
                    .hasMessageContaining("externally managed")
                    .hasMessageContaining(marker.toString())
                    .hasMessageContaining("    " + firstLine)
                    .hasMessageContaining("axle venv")
                    .hasMessageContaining("--break-system-packages");
            assertThatCode(() -> env.checkInstallAllowed(true)).doesNotThrowAnyException();
        }
        assertThatCode(() -> Environment.target(interpreter, temp).checkInstallAllowed(false))
                .doesNotThrowAnyException();
        assertThatCode(() -> Environment.prefix(interpreter, temp).checkInstallAllowed(false))
                .doesNotThrowAnyException();

        // A venv made from it is not managed by the distributor.
        Interpreters interpreters = interpreters();
        Environment venv = Venv.create(interpreters, interpreter, temp.resolve("venv"), VenvOptions.defaults());
        assertThat(venv.interpreter().externallyManaged()).isEmpty();
        assertThatCode(() -> venv.checkInstallAllowed(false)).doesNotThrowAnyException();
        assertThat(Environment.venv(interpreters, temp.resolve("venv")).interpreter().externallyManaged()).isEmpty();
    }

    @Test
    void pyenvInterpretersAreNotExternallyManaged() {
        PythonInterpreter interpreter = interpreters().query(RealPythons.any());
        assumeTrue(!Files.exists(interpreter.stdlib().resolve("EXTERNALLY-MANAGED")), "this one is managed");
        assertThat(interpreter.externallyManaged()).isEmpty();
        assertThatCode(() -> Environment.system(interpreter).checkInstallAllowed(false)).doesNotThrowAnyException();
    }

    @Test
    void userInstallsFromAVenvThatHidesTheUserSiteAreRefused() {
        Interpreters interpreters = interpreters();
        Environment venv = Venv.create(interpreters, interpreters.query(RealPythons.any()), temp.resolve("venv"),
                VenvOptions.defaults());
        assertThatThrownBy(() -> Environment.user(venv.interpreter()).checkInstallAllowed(true))
                .isInstanceOf(EnvironmentException.class)
                .hasMessageContaining("--user")
                .hasMessageContaining("--system-site-packages");
    }

    @Test
    void discoverFindsTheActiveVenvThenTheNearestDotVenv() throws IOException {
        Interpreters interpreters = interpreters();
        PythonInterpreter base = interpreters.query(RealPythons.any());
        Path active = temp.resolve("active");
        Venv.create(interpreters, base, active, VenvOptions.defaults());
        Path project = temp.resolve("project");
        Venv.create(interpreters, base, project.resolve(".venv"), VenvOptions.defaults());
        Path deep = Files.createDirectories(project.resolve("src/pkg/deep"));

        Environment fromVariable = Environment.discover(interpreters, Map.of("VIRTUAL_ENV", active.toString()), deep);
        assertThat(fromVariable.kind()).isEqualTo(Environment.Kind.VENV);
        assertThat(fromVariable.root()).isEqualTo(active);

        Environment nearest = Environment.discover(interpreters, Map.of(), deep);
        assertThat(nearest.root()).isEqualTo(project.resolve(".venv"));
        assertThat(nearest.interpreter().prefix()).isEqualTo(project.resolve(".venv"));

        Path elsewhere = Files.createDirectories(temp.resolve("elsewhere"));
        boolean dotVenvAbove = false;
        for (Path d = temp; d != null; d = d.getParent()) {
            dotVenvAbove |= Files.isDirectory(d.resolve(".venv"));
        }
        assumeTrue(!dotVenvAbove, "a .venv folder above the test's temporary folder");
        assertThatThrownBy(() -> Environment.discover(interpreters, Map.of(), elsewhere))
                .isInstanceOf(NoEnvironmentException.class)
                .hasMessageContaining(elsewhere.toString())
                .hasMessageContaining("axle venv")
                .hasMessageContaining("--python");
    }

    @Test
    void foldersThatAreNotVenvsAreRefusedClearly() throws IOException {
        Interpreters interpreters = interpreters();
        Path plain = Files.createDirectories(temp.resolve("plain"));
        assertThatThrownBy(() -> Environment.venv(interpreters, plain))
                .isInstanceOf(NotAVirtualEnvironmentException.class)
                .hasMessageContaining("no pyvenv.cfg")
                .hasMessageContaining("axle venv " + plain);
        assertThatThrownBy(() -> Environment.venv(interpreters, temp.resolve("missing")))
                .isInstanceOf(NotAVirtualEnvironmentException.class)
                .hasMessageContaining("does not exist");

        Path broken = temp.resolve("broken");
        Venv.create(interpreters, interpreters.query(RealPythons.any()), broken, VenvOptions.defaults());
        Files.delete(broken.resolve("bin/python"));
        Files.createSymbolicLink(broken.resolve("bin/python"), temp.resolve("removed/python3"));
        assertThatThrownBy(() -> Environment.venv(interpreters, broken))
                .isInstanceOf(NotAVirtualEnvironmentException.class)
                .hasMessageContaining("broken")
                .hasMessageContaining(temp.resolve("removed/python3").toString())
                .hasMessageContaining("axle venv --clear " + broken);
    }

    @Test
    void scriptsFolderWarningNamesTheFolderAndTheLine() throws IOException {
        Path home = Files.createDirectories(temp.resolve("home"));
        Interpreters interpreters = interpreters(Map.of("HOME", home.toString()));
        PythonInterpreter interpreter = interpreters.query(RealPythons.any());
        Path scripts = interpreter.userScheme().scripts();
        assertThat(scripts).isEqualTo(home.resolve(".local/bin"));
        Environment user = Environment.user(interpreter);

        assertThat(user.scriptsFolderWarning("/usr/local/bin:/usr/bin", home)).hasValueSatisfying(w -> assertThat(w)
                .contains("The scripts folder " + scripts + " is not on PATH")
                .contains("~/.bashrc")
                .contains("    export PATH=\"$HOME/.local/bin:$PATH\"\n")
                .contains("fish_add_path '" + scripts + "'"));
        assertThat(user.scriptsFolderWarning("/usr/bin:" + scripts, home)).isEmpty();
        assertThat(user.scriptsFolderWarning("/usr/bin:~/.local/bin", home)).isEmpty();
        assertThat(user.scriptsFolderWarning("/usr/bin:" + scripts + "/", home)).isEmpty();

        Path odd = temp.resolve("my \"$dir\"");
        Environment prefix = Environment.prefix(interpreter, odd);
        assertThat(prefix.scriptsFolderWarning("/usr/bin", home)).hasValueSatisfying(w -> assertThat(w)
                .contains("    export PATH=\"" + prefix.scheme().scripts().toString().replace("\"", "\\\"")
                        .replace("$", "\\$") + ":$PATH\"\n"));

        assertThat(Environment.target(interpreter, temp.resolve("t")).scriptsFolderWarning("", home)).isEmpty();
        Environment venv = Venv.create(interpreters, interpreter, temp.resolve("venv"), VenvOptions.defaults());
        assertThat(venv.scriptsFolderWarning("", home)).isEmpty();
        assertThat(Environment.system(interpreter).scriptsFolderWarning("", home)).isEmpty();
    }

    @Test
    void warningLineWorksInBash() throws IOException {
        Path home = Files.createDirectories(temp.resolve("home"));
        PythonInterpreter interpreter = interpreters(Map.of("HOME", home.toString())).query(RealPythons.any());
        Path odd = temp.resolve("odd \"$x\" `y`");
        Environment prefix = Environment.prefix(interpreter, odd);
        String line = prefix.scriptsFolderWarning("/usr/bin", home).orElseThrow().lines()
                .filter(l -> l.startsWith("    export ")).findFirst().orElseThrow().strip();
        RealPythons.Run r = RealPythons.run(Map.of("HOME", home.toString(), "PATH", "/usr/bin:/bin"), null, "bash",
                "-c", line + "; printf '%s' \"${PATH%%:*}\"");
        assertThat(r.stdout()).isEqualTo(prefix.scheme().scripts().toString());
    }
}

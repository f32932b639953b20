package dev.axle.env;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.axle.pep.Tag;
import dev.axle.pep.Version;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Querying, caching and finding real interpreters. */
class InterpretersTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Marker values computed the way packaging's default_environment() computes them, independently of the query script. */
    private static final String MARKERS = """
            import json, os, platform, sys
            def fv(i):
                v = '%d.%d.%d' % (i.major, i.minor, i.micro)
                return v if i.releaselevel == 'final' else v + i.releaselevel[0] + str(i.serial)
            print(json.dumps({
                'implementation_name': sys.implementation.name,
                'implementation_version': fv(sys.implementation.version),
                'os_name': os.name,
                'platform_machine': platform.machine(),
                'platform_release': platform.release(),
                'platform_system': platform.system(),
                'platform_version': platform.version(),
                'python_full_version': platform.python_version(),
                'platform_python_implementation': platform.python_implementation(),
                'python_version': '.'.join(platform.python_version_tuple()[:2]),
                'sys_platform': sys.platform,
            }))
            """;

    private static final String FACTS = """
            import json, os, sys, sysconfig, site
            glibc = os.confstr('CS_GNU_LIBC_VERSION') if hasattr(os, 'confstr') else None
            print(json.dumps({
                'platform': sysconfig.get_platform(),
                'glibc': glibc,
                'nodot': '%d%d' % sys.version_info[:2],
                'prefix': sys.prefix, 'base_prefix': sys.base_prefix,
                'stdlib': sysconfig.get_path('stdlib'),
                'cache_tag': sys.implementation.cache_tag,
                'version': '%d.%d.%d' % sys.version_info[:3],
                'user_base': site.getuserbase(),
            }))
            """;

    @TempDir
    Path temp;

    private Interpreters interpreters() {
        return new Interpreters(temp.resolve("cache"), RealPythons.environment());
    }

    @Test
    void markerEnvironmentIsWhatEachInterpreterComputes() throws IOException {
        Interpreters interpreters = interpreters();
        for (Path python : RealPythons.all()) {
            PythonInterpreter interpreter = interpreters.query(python);
            JsonNode expected = JSON.readTree(RealPythons.python(python, MARKERS));
            Map<String, String> want = new HashMap<>();
            expected.properties().forEach(e -> want.put(e.getKey(), e.getValue().asText()));
            for (Map.Entry<String, String> e : want.entrySet()) {
                assertThat(interpreter.markerEnvironment().value(e.getKey())).as(python + " " + e.getKey())
                        .hasValue(e.getValue());
            }
        }
    }

    @Test
    void factsAndTagsAgreeWithSysconfig() throws IOException {
        Interpreters interpreters = interpreters();
        for (Path python : RealPythons.all()) {
            PythonInterpreter interpreter = interpreters.query(python);
            JsonNode facts = JSON.readTree(RealPythons.python(python, FACTS));
            assertThat(interpreter.executable()).isEqualTo(python);
            assertThat(interpreter.version().toString()).startsWith(facts.get("version").asText());
            assertThat(interpreter.implementationName()).isEqualTo("cpython");
            assertThat(interpreter.prefix()).isEqualTo(Path.of(facts.get("prefix").asText()));
            assertThat(interpreter.basePrefix()).isEqualTo(Path.of(facts.get("base_prefix").asText()));
            assertThat(interpreter.isVirtualEnv()).isFalse();
            assertThat(interpreter.stdlib()).isEqualTo(Path.of(facts.get("stdlib").asText()));
            assertThat(interpreter.cacheTag()).isEqualTo(facts.get("cache_tag").asText());
            assertThat(interpreter.userBase()).isEqualTo(Path.of(facts.get("user_base").asText()));

            List<Tag> tags = interpreter.supportedTags().tags();
            String nodot = facts.get("nodot").asText();
            String platform = facts.get("platform").asText().replace('-', '_').replace('.', '_');
            assertThat(tags.get(0)).as(python.toString())
                    .isEqualTo(new Tag("cp" + nodot, "cp" + nodot + (nodot.equals("37") ? "m" : ""), platform));
            assertThat(tags).contains(new Tag("cp" + nodot, "abi3", platform), new Tag("py3", "none", "any"),
                    new Tag("cp" + nodot, "none", "any"));
            assertThat(tags.get(tags.size() - 1)).isEqualTo(new Tag("py30", "none", "any"));
            if (facts.get("glibc").isTextual() && platform.endsWith("x86_64")) {
                String[] glibc = facts.get("glibc").asText().split(" ")[1].split("\\.");
                assertThat(tags).contains(
                        new Tag("cp" + nodot, "cp" + nodot + (nodot.equals("37") ? "m" : ""),
                                "manylinux_" + glibc[0] + "_" + glibc[1] + "_x86_64"),
                        new Tag("cp" + nodot, "abi3", "manylinux2014_x86_64"),
                        new Tag("cp" + nodot, "abi3", "manylinux1_x86_64"));
            }
        }
    }

    /** pip vendors packaging: every tag its sys_tags() gives is one of ours (older packaging gives fewer). */
    @Test
    void tagsCoverWhatPipsPackagingSays() throws IOException {
        Interpreters interpreters = interpreters();
        int compared = 0;
        for (Path python : RealPythons.byMinor().values()) {
            RealPythons.Run r = RealPythons.run(python.toString(), "-c",
                    "from pip._vendor.packaging import tags; print('\\n'.join(str(t) for t in tags.sys_tags()))");
            if (r.exitCode() != 0) {
                continue;
            }
            Set<Tag> ours = new HashSet<>(interpreters.query(python).supportedTags().tags());
            List<Tag> pips = r.stdout().lines().flatMap(t -> Tag.parse(t).stream()).toList();
            assertThat(ours).as(python.toString()).containsAll(pips);
            compared++;
        }
        assumeTrue(compared > 0, "no interpreter with pip here");
    }

    @Test
    void secondQueryRunsNoProcessAndSurvivesANewFinder() {
        Path python = RealPythons.any();
        Interpreters first = interpreters();
        PythonInterpreter a = first.query(python);
        assertThat(first.queriesRun()).isEqualTo(1);
        PythonInterpreter b = first.query(python);
        assertThat(first.queriesRun()).isEqualTo(1);
        assertThat(b).isEqualTo(a);

        Interpreters second = interpreters();
        assertThat(second.query(python)).isEqualTo(a);
        assertThat(second.queriesRun()).isZero();
    }

    @Test
    void corruptCacheEntryIsIgnoredAndRewritten() throws IOException {
        Path python = RealPythons.any();
        Interpreters interpreters = interpreters();
        PythonInterpreter a = interpreters.query(python);
        List<Path> entries = cacheEntries();
        assertThat(entries).hasSize(1);
        Files.writeString(entries.get(0), "{\"executable\": \"truncated");
        assertThat(interpreters.query(python)).isEqualTo(a);
        assertThat(interpreters.queriesRun()).isEqualTo(2);
        assertThat(JSON.readTree(entries.get(0).toFile()).path("answer").path("result").asText()).isEqualTo("ok");
        assertThat(interpreters.query(python)).isEqualTo(a);
        assertThat(interpreters.queriesRun()).isEqualTo(2);
        try (Stream<Path> files = Files.list(temp.resolve("cache"))) {
            assertThat(files).as("no temporary files left").hasSize(1);
        }
    }

    /**
     * A new venv like one already described (same base interpreter and pyvenv.cfg but for its
     * own command) is described without running Python, exactly as running it describes it; a
     * venv configured otherwise (system site-packages) is run.
     */
    @Test
    void aNewVenvLikeAnotherIsDescribedWithoutRunningPython() throws IOException {
        Path python = RealPythons.any();
        List<Path> venvs = new ArrayList<>();
        for (String name : List.of("first", "second", "system")) {
            Path venv = temp.resolve(name);
            List<String> command = new ArrayList<>(List.of(python.toString(), "-m", "venv", "--without-pip"));
            if (name.equals("system")) {
                command.add("--system-site-packages");
            }
            command.add(venv.toString());
            RealPythons.Run made = RealPythons.run(command.toArray(String[]::new));
            assertThat(made.exitCode()).as(made.stderr()).isZero();
            venvs.add(venv.resolve("bin/python"));
        }
        Interpreters interpreters = interpreters();
        interpreters.query(venvs.get(0));
        assertThat(interpreters.queriesRun()).isEqualTo(1);

        PythonInterpreter second = interpreters.query(venvs.get(1));
        assertThat(interpreters.queriesRun()).as("described from the first venv's answer").isEqualTo(1);
        Interpreters fresh = new Interpreters(temp.resolve("other-cache"), RealPythons.environment());
        assertThat(second).isEqualTo(fresh.query(venvs.get(1)));
        assertThat(second.prefix()).isEqualTo(temp.resolve("second"));
        assertThat(second.sitePackages()).allMatch(p -> p.startsWith(temp.resolve("second")));

        PythonInterpreter system = interpreters.query(venvs.get(2));
        assertThat(interpreters.queriesRun()).as("another configuration is run").isEqualTo(2);
        assertThat(system.siteDirectories()).hasSizeGreaterThan(second.siteDirectories().size());
    }

    @Test
    void changedFilesMakeTheCachedAnswerStale() throws IOException {
        Path python = RealPythons.any();
        Path venv = temp.resolve("venv");
        RealPythons.Run made = RealPythons.run(python.toString(), "-m", "venv", "--without-pip", venv.toString());
        assertThat(made.exitCode()).as(made.stderr()).isZero();
        Path exe = venv.resolve("bin/python");
        Interpreters interpreters = interpreters();
        PythonInterpreter v = interpreters.query(exe);
        assertThat(v.isVirtualEnv()).isTrue();
        assertThat(v.executable()).isEqualTo(exe);
        interpreters.query(exe);
        assertThat(interpreters.queriesRun()).isEqualTo(1);

        // pyvenv.cfg's content: the venv is configured otherwise
        Path cfg = venv.resolve("pyvenv.cfg");
        Files.writeString(cfg, Files.readString(cfg).replace("include-system-site-packages = false",
                "include-system-site-packages = true"));
        assertThat(interpreters.query(exe).siteDirectories()).hasSizeGreaterThan(1);
        assertThat(interpreters.queriesRun()).isEqualTo(2);
        interpreters.query(exe);
        assertThat(interpreters.queriesRun()).isEqualTo(2);

        // the executable itself: a link to another file
        Path copy = temp.resolve("python-copy");
        Files.copy(exe, copy);
        Files.delete(exe);
        Files.createSymbolicLink(exe, copy);
        interpreters.query(exe);
        assertThat(interpreters.queriesRun()).isEqualTo(3);

        // a variable the answer depends on
        Map<String, String> env = new HashMap<>(RealPythons.environment());
        env.put("PYTHONUSERBASE", temp.resolve("userbase").toString());
        Interpreters other = new Interpreters(temp.resolve("cache"), env);
        assertThat(other.query(exe).userBase()).isEqualTo(temp.resolve("userbase"));
        assertThat(other.queriesRun()).isEqualTo(1);
    }

    @Test
    void oldPythonsAreRefusedWithTheirVersion() {
        List<Path> old = RealPythons.unsupported();
        assumeTrue(!old.isEmpty(), "no Python 2 or 3.0-3.6 in pyenv here");
        Interpreters interpreters = interpreters();
        for (Path python : old) {
            String version = python.getParent().getParent().getFileName().toString();
            assertThatThrownBy(() -> interpreters.query(python))
                    .isInstanceOf(UnsupportedInterpreterException.class)
                    .hasMessageContaining("unsupported interpreter")
                    .hasMessageContaining("Python " + version)
                    .hasMessageContaining("3.7");
        }
        long runs = interpreters.queriesRun();
        assertThatThrownBy(() -> interpreters.query(old.get(0))).isInstanceOf(UnsupportedInterpreterException.class);
        assertThat(interpreters.queriesRun()).as("the refusal is cached too").isEqualTo(runs);
    }

    @Test
    void somethingElseIsNotAnInterpreter() throws IOException {
        Path liar = script("python3", "#!/bin/sh\necho 'hello there'\n");
        Path failing = script("python-broken", "#!/bin/sh\necho 'Fatal Python error: no stdlib' >&2\nexit 3\n");
        Interpreters interpreters = interpreters();
        assertThatThrownBy(() -> interpreters.query(liar))
                .isInstanceOf(InterpreterQueryException.class)
                .hasMessageContaining(liar.toString())
                .hasMessageContaining("not a Python interpreter")
                .hasMessageContaining("hello there");
        assertThatThrownBy(() -> interpreters.query(failing))
                .isInstanceOf(InterpreterQueryException.class)
                .hasMessageContaining("exited with code 3")
                .hasMessageContaining("no stdlib");
        assertThatThrownBy(() -> interpreters.query(temp.resolve("missing")))
                .isInstanceOf(InterpreterQueryException.class).hasMessageContaining("no such file");
        assertThatThrownBy(() -> interpreters.query(temp))
                .isInstanceOf(InterpreterQueryException.class).hasMessageContaining("folder");
    }

    @Test
    void findsVersionsSpecifiersNamesPathsAndVenvs() {
        Interpreters interpreters = interpreters();
        Path p311 = RealPythons.require("3.11");
        PythonInterpreter found = interpreters.find(PythonRequest.parse("3.11")).orElseThrow();
        assertThat(found.pythonVersion()).isEqualTo("3.11");

        PythonInterpreter newer = interpreters.find(PythonRequest.parse(">=3.12")).orElseThrow();
        assertThat(newer.version().compareTo(Version.parse("3.12"))).isGreaterThanOrEqualTo(0);
        PythonInterpreter range = interpreters.find(PythonRequest.parse(">=3.9,<3.11")).orElseThrow();
        assertThat(range.pythonVersion()).isIn("3.9", "3.10");

        assertThat(interpreters.find(PythonRequest.parse(p311.toString())).orElseThrow().executable()).isEqualTo(p311);

        Path venv = temp.resolve("venv");
        RealPythons.Run made = RealPythons.run(p311.toString(), "-m", "venv", "--without-pip", venv.toString());
        assertThat(made.exitCode()).as(made.stderr()).isZero();
        PythonInterpreter inVenv = interpreters.find(PythonRequest.parse(venv.toString())).orElseThrow();
        assertThat(inVenv.executable()).isEqualTo(venv.resolve("bin/python3"));
        assertThat(inVenv.isVirtualEnv()).isTrue();
        assertThat(inVenv.prefix()).isEqualTo(venv);

        String name = "python" + newer.pythonVersion();
        PythonInterpreter byName = interpreters.find(PythonRequest.parse(name)).orElseThrow();
        assertThat(byName.executable().getFileName().toString()).isEqualTo(name);
    }

    @Test
    void pathEntriesComeFirstAndStayUnresolved() throws IOException {
        Path python = RealPythons.any();
        Path bin = Files.createDirectories(temp.resolve("my bin"));
        Files.createSymbolicLink(bin.resolve("python3"), python);
        Map<String, String> env = new HashMap<>(RealPythons.environment());
        env.put("PATH", bin + ":/usr/bin");
        Interpreters interpreters = new Interpreters(temp.resolve("cache"), env);
        PythonInterpreter found = interpreters.find(PythonRequest.ANY).orElseThrow();
        assertThat(found.executable()).isEqualTo(bin.resolve("python3"));
    }

    @Test
    void shimsFoldersAreSkipped() throws IOException {
        Path python = RealPythons.any();
        Path shims = Files.createDirectories(temp.resolve("pyenv/shims"));
        Files.createSymbolicLink(shims.resolve("python3"), python);
        Map<String, String> env = new HashMap<>(RealPythons.environment());
        env.put("PATH", shims.toString());
        Interpreters interpreters = new Interpreters(temp.resolve("cache"), env);
        interpreters.findAll().forEach(i -> assertThat(i.executable().startsWith(shims)).isFalse());
        interpreters.find(PythonRequest.ANY).ifPresent(i -> assertThat(i.executable().startsWith(shims)).isFalse());
    }

    @Test
    void notFoundListsTheSearchAndWhatWasSeen() throws IOException {
        Path bin = Files.createDirectories(temp.resolve("bin"));
        List<Path> old = RealPythons.unsupported();
        if (!old.isEmpty()) {
            Files.createSymbolicLink(bin.resolve("python"), old.get(0));
        }
        Map<String, String> env = new HashMap<>(RealPythons.environment());
        env.put("PATH", bin.toString());
        Interpreters interpreters = new Interpreters(temp.resolve("cache"), env);
        PythonRequest request = PythonRequest.parse("3.99");
        assertThat(interpreters.find(request)).isEmpty();
        assertThatThrownBy(() -> interpreters.require(request))
                .isInstanceOf(InterpreterNotFoundException.class)
                .hasMessageContaining("no Python interpreter found for '3.99'")
                .hasMessageContaining("PATH: " + bin)
                .hasMessageContaining("pyenv: ")
                .hasMessageContaining("/usr/bin")
                .hasMessageContaining("--python");
        if (!old.isEmpty()) {
            assertThatThrownBy(() -> interpreters.require(PythonRequest.parse("2")))
                    .hasMessageContaining(bin.resolve("python") + " (Python ")
                    .hasMessageContaining("unsupported");
        }
        assertThatThrownBy(() -> interpreters.require(PythonRequest.parse(temp.resolve("nowhere").toString())))
                .isInstanceOf(InterpreterNotFoundException.class)
                .hasMessageContaining("does not exist");
    }

    @Test
    void findAllListsEachInterpreterOnce() {
        assumeTrue(RealPythons.byMinor().size() >= 2, "fewer than two Pythons here");
        List<PythonInterpreter> all = interpreters().findAll();
        Set<String> versions = new HashSet<>();
        all.forEach(i -> versions.add(i.version() + " " + i.prefix()));
        assertThat(versions).hasSameSizeAs(all);
        assertThat(all.stream().map(PythonInterpreter::pythonVersion)).containsAll(RealPythons.byMinor().keySet());
    }

    private Path script(String name, String text) throws IOException {
        Path p = temp.resolve(name);
        Files.writeString(p, text);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        return p;
    }

    private List<Path> cacheEntries() throws IOException {
        try (Stream<Path> files = Files.list(temp.resolve("cache"))) {
            return files.filter(p -> p.toString().endsWith(".json")).toList();
        }
    }
}

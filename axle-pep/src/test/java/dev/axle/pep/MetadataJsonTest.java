package dev.axle.pep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link MetadataJson} against the {@code metadata} objects of a real pip's installation
 * report, for wheels written here with metadata of every kind. The pip is the newest one found
 * among the Pythons of pyenv, PATH and /usr/bin, or the wheel named by
 * {@code AXLE_TEST_PIP_WHEEL}; the test is skipped when there is none.
 */
class MetadataJsonTest {
    @TempDir
    Path tmp;

    /** Every field pip knows, multi-line values, an unknown field, a UTF-8 body. */
    static final String RICH = """
            Metadata-Version: 2.4
            Name: Rich_Pkg
            Version: 1.2.0
            Dynamic: Requires-Dist
            Dynamic: Summary
            Platform: linux
            Platform: any
            Supported-Platform: manylinux2014_x86_64
            Summary: Everything at once
            Description-Content-Type: text/markdown; charset=UTF-8; variant=GFM
            Keywords: packaging, json ,  metadata,,pip
            Home-page: https://rich.example
            Download-URL: https://rich.example/download
            Author: Ann Author
            Author-email: Ann <ann@example.org>, bob@example.org
            Maintainer: Mo Maintainer
            Maintainer-email: mo@example.org
            License: Permission is granted
                    to anyone, on two lines.
            License-Expression: MIT OR Apache-2.0
            License-File: LICENSE
            License-File: licenses/NOTICE.txt
            Classifier: Programming Language :: Python :: 3
            Classifier: License :: OSI Approved :: MIT License
            Requires-Dist: requests[socks]>=2.20; python_version >= "3.8"
            Requires-Dist: pytest; extra == "test"
            Requires-Dist: tomli>=1.1.0 ; python_version < "3.11"
            Requires-Python: >=3.8
            Requires-External: libxml2 (>=2.9)
            Project-URL: Homepage, https://rich.example
            Project-URL: Bug Tracker, https://rich.example/issues?q=a,b
            Provides-Extra: test
            Provides-Extra: docs
            Provides-Dist: rich_pkg_legacy (1.0)
            Obsoletes-Dist: OldRich (<1.0)
            X-Custom-Field: kept out
            Requires: old_style

            # Rich

            A description over *several* lines, with UTF-8: café, 日本.

                indented code

            The end.
            """;

    /** Old style: the description as a header, keywords apart by spaces, a repeated URL label. */
    static final String OLD = """
            Metadata-Version: 1.2
            Name: old-pkg
            Version: 0.9
            Summary: From another age
            Description: Old style description
                    |over two lines
                    |and a third.
            Keywords: alpha beta\tgamma
            Project-URL: Docs, https://old.example/docs
            Project-URL: Docs, https://old.example/docs2
            Platform: UNKNOWN
            """;

    /** A summary given twice, empty keywords, a description both as a header and as the body. */
    static final String ODD = """
            Metadata-Version: 2.1
            Name: odd.pkg
            Version: 3.0.post1
            Summary: first
            Summary: second
            Keywords:\s
            Description: the header
            License:\s

            The body wins.
            """;

    @Test
    void matchesPipsInstallationReport() throws Exception {
        List<String> pip = pip();
        Path wheels = Files.createDirectories(tmp.resolve("wheels"));
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("rich-pkg", RICH);
        metadata.put("old-pkg", OLD);
        metadata.put("odd-pkg", ODD);
        for (String text : metadata.values()) {
            writeWheel(wheels, text);
        }
        List<String> command = new ArrayList<>(pip);
        command.addAll(List.of("install", "--dry-run", "--report", "-", "--no-index", "--find-links",
                wheels.toString(), "--quiet", "--no-deps", "--ignore-installed"));
        command.addAll(metadata.keySet());
        String output = run(command);
        Map<?, ?> report = new ObjectMapper().readValue(output, Map.class);
        assertThat(report.get("version")).isEqualTo("1");
        Version pipVersion = Version.parse((String) report.get("pip_version"));

        Map<String, Object> pipMetadata = new LinkedHashMap<>();
        for (Object item : (List<?>) report.get("install")) {
            Map<?, ?> m = (Map<?, ?>) ((Map<?, ?>) item).get("metadata");
            pipMetadata.put(ProjectName.canonicalize((String) m.get("name")), m);
        }
        assertThat(pipMetadata).containsOnlyKeys(metadata.keySet());
        for (Map.Entry<String, String> e : metadata.entrySet()) {
            Map<String, Object> ours = new LinkedHashMap<>(
                    MetadataJson.of(RawMetadata.parseEmail(e.getValue().getBytes(StandardCharsets.UTF_8))));
            if (pipVersion.compareTo(Version.parse("25.1")) < 0) {
                // PEP 639's fields came to pip's JSON form in 25.1.
                ours.remove("license_expression");
                ours.remove("license_file");
            }
            assertThat(ours).as("%s with pip %s", e.getKey(), pipVersion).isEqualTo(pipMetadata.get(e.getKey()));
        }
    }

    @Test
    void keysValuesAndOrder() {
        Map<String, Object> json = MetadataJson.of(RawMetadata.parseEmail(RICH));
        assertThat(json.keySet()).containsExactly("metadata_version", "name", "version", "dynamic", "platform",
                "supported_platform", "summary", "description", "description_content_type", "keywords", "home_page", "download_url",
                "author", "author_email", "maintainer", "maintainer_email", "license", "license_expression",
                "license_file", "classifier", "requires_dist", "requires_python", "requires_external", "project_url",
                "provides_extra", "provides_dist", "obsoletes_dist");
        assertThat(json.get("keywords")).isEqualTo(List.of("packaging", "json", "metadata", "", "pip"));
        assertThat(json.get("project_url")).isEqualTo(List.of("Homepage, https://rich.example",
                "Bug Tracker, https://rich.example/issues?q=a,b"));
        assertThat(json.get("license")).isEqualTo("Permission is granted\nto anyone, on two lines.");
        assertThat((String) json.get("description")).startsWith("# Rich\n").endsWith("The end.\n");

        Map<String, Object> old = MetadataJson.of(RawMetadata.parseEmail(OLD));
        assertThat(old.get("keywords")).isEqualTo(List.of("alpha", "beta", "gamma"));
        assertThat(old.get("project_url")).isEqualTo(List.of("Docs, https://old.example/docs",
                "Docs, https://old.example/docs2"));
        assertThat(old.get("description")).isEqualTo("Old style description\n|over two lines\n|and a third.");

        Map<String, Object> odd = MetadataJson.of(RawMetadata.parseEmail(ODD));
        assertThat(odd).containsEntry("summary", "first").containsEntry("keywords", List.of())
                .containsEntry("license", "").containsEntry("description", "The body wins.\n");
    }

    @Test
    void multiLineValuesLoseTheMarginImportlibRemoves() {
        assertThat(MetadataJson.redent("one line")).isEqualTo("one line");
        assertThat(MetadataJson.redent("a\n        b\n          c")).isEqualTo("a\nb\n  c");
        assertThat(MetadataJson.redent("a\n    b")).isEqualTo("    a\nb");
        assertThat(MetadataJson.redent("a\n \t \n\tb")).isEqualTo("        a\n\n\tb");
    }

    @Test
    void metadataBuiltInCodeHasTheSameForm() {
        RawMetadata raw = RawMetadata.builder().set(MetadataField.METADATA_VERSION, "2.1")
                .set(MetadataField.NAME, "built").set(MetadataField.VERSION, "1")
                .set(MetadataField.KEYWORDS, List.of("a", "b"))
                .projectUrls(Map.of("Source", "https://src.example"))
                .set(MetadataField.IMPORT_NAME, List.of("built")).build();
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("metadata_version", "2.1");
        expected.put("name", "built");
        expected.put("version", "1");
        expected.put("keywords", List.of("a", "b"));
        expected.put("project_url", List.of("Source, https://src.example"));
        assertThat(MetadataJson.of(raw)).containsExactlyEntriesOf(expected);
    }

    /** {@code python -m pip} of the newest pip found, or {@code python <AXLE_TEST_PIP_WHEEL>/pip}. */
    private static List<String> pip() throws IOException {
        List<Path> pythons = pythons();
        assumeTrue(!pythons.isEmpty(), "no Python 3 found in ~/.pyenv/versions, on PATH or in /usr/bin");
        String wheel = System.getenv("AXLE_TEST_PIP_WHEEL");
        if (wheel != null && !wheel.isEmpty()) {
            for (Path python : pythons) {
                if (runOrEmpty(List.of(python.toString(), "-c", "import sys; print(sys.version_info >= (3, 11))"))
                        .strip().equals("True")) {
                    return List.of(python.toString(), Path.of(wheel, "pip").toString());
                }
            }
        }
        Optional<Path> best = Optional.empty();
        Version bestVersion = null;
        for (Path python : pythons) {
            String out = runOrEmpty(List.of(python.toString(), "-c",
                    "import sys, pip; print(pip.__version__ if sys.version_info >= (3, 11) else '')")).strip();
            Optional<Version> v = Version.tryParse(out);
            // --dry-run and --report came in pip 22.2; pip reads metadata through importlib.metadata
            // (whose indentation repair MetadataJson follows) on Python 3.11 and later.
            if (v.isPresent() && v.get().compareTo(Version.parse("22.2")) >= 0
                    && (bestVersion == null || v.get().compareTo(bestVersion) > 0)) {
                best = Optional.of(python);
                bestVersion = v.get();
            }
        }
        assumeTrue(best.isPresent(), "no Python 3.11+ with pip 22.2 or later found (pyenv, PATH, /usr/bin)");
        return List.of(best.get().toString(), "-m", "pip");
    }

    private static List<Path> pythons() throws IOException {
        List<Path> out = new ArrayList<>();
        Path pyenv = Path.of(System.getProperty("user.home"), ".pyenv", "versions");
        if (Files.isDirectory(pyenv)) {
            try (Stream<Path> versions = Files.list(pyenv)) {
                versions.sorted(Comparator.reverseOrder()).map(v -> v.resolve("bin/python"))
                        .filter(Files::isExecutable).forEach(out::add);
            }
        }
        List<String> folders = new ArrayList<>(List.of(System.getenv().getOrDefault("PATH", "").split(":")));
        folders.add("/usr/bin");
        for (String folder : folders) {
            Path python = folder.isEmpty() ? null : Path.of(folder, "python3");
            if (python != null && Files.isExecutable(python)) {
                out.add(python);
            }
        }
        return out;
    }

    private static String runOrEmpty(List<String> command) throws IOException {
        Process p = start(command);
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return waitFor(p, command) == 0 ? out : "";
    }

    private static String run(List<String> command) throws IOException {
        Process p = start(command);
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int code = waitFor(p, command);
        assertThat(code).as("%s\n%s", command, out).isZero();
        return out;
    }

    private static Process start(List<String> command) throws IOException {
        ProcessBuilder b = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        b.environment().keySet().removeIf(k -> k.startsWith("PIP_") || k.startsWith("PYTHON") || k.equals("VIRTUAL_ENV"));
        b.environment().put("PIP_CONFIG_FILE", "/dev/null");
        b.environment().put("PIP_NO_INDEX", "1");
        b.environment().put("PIP_DISABLE_PIP_VERSION_CHECK", "1");
        b.environment().put("PYTHONIOENCODING", "utf-8");
        return b.start();
    }

    private static int waitFor(Process p, List<String> command) {
        try {
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("timed out: " + command);
            }
            return p.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** A pure wheel whose METADATA is {@code metadata}, with WHEEL and a RECORD of correct hashes. */
    private static void writeWheel(Path folder, String metadata) throws IOException {
        RawMetadata raw = RawMetadata.parseEmail(metadata);
        String name = ProjectName.parse(ProjectName.canonicalize(raw.string(MetadataField.NAME).orElseThrow())).escaped();
        String version = raw.string(MetadataField.VERSION).orElseThrow();
        String distInfo = name + "-" + version + ".dist-info/";
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(name + ".py", "X = 1\n".getBytes(StandardCharsets.UTF_8));
        files.put(distInfo + "METADATA", metadata.getBytes(StandardCharsets.UTF_8));
        files.put(distInfo + "WHEEL", "Wheel-Version: 1.0\nGenerator: axle-test\nRoot-Is-Purelib: true\nTag: py3-none-any\n"
                .getBytes(StandardCharsets.UTF_8));
        StringBuilder record = new StringBuilder();
        files.forEach((path, content) -> record.append(path).append(",sha256=").append(sha256(content)).append(',')
                .append(content.length).append('\n'));
        record.append(distInfo).append("RECORD,,\n");
        files.put(distInfo + "RECORD", record.toString().getBytes(StandardCharsets.UTF_8));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> e : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        Files.write(folder.resolve(name + "-" + version + "-py3-none-any.whl"), bytes.toByteArray());
    }

    private static String sha256(byte[] content) {
        try {
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}

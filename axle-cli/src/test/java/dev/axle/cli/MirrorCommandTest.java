package dev.axle.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.axle.installer.Pythons;
import dev.axle.server.IndexServer;
import dev.axle.server.Published;
import dev.axle.server.S3Server;
import dev.axle.server.ServerRoot;
import dev.axle.server.TestDists;
import dev.axle.server.TestServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code axle mirror} in-process against a real axle server on loopback. */
class MirrorCommandTest {
    private static final String NL = System.lineSeparator();

    @TempDir
    Path tmp;
    private TestServer upstream;
    private String url;

    @BeforeEach
    void start() throws IOException {
        upstream = TestServer.start(tmp.resolve("upstream"));
        url = upstream.base() + "simple/";
    }

    @AfterEach
    void stop() {
        upstream.close();
    }

    private void publish(String name, String version, String headers) throws IOException {
        String metadata = TestDists.metadata("2.1", name, version, headers, "");
        Path wheel = TestDists.wheel(tmp.resolve("dist").resolve(name + version), name, version, metadata);
        Published.publish(upstream.root(), "main", wheel, name, version, metadata);
    }

    private static Transcript axle(String... args) {
        return Transcript.of(args);
    }

    /** The filenames a folder mirror's JSON page of {@code project} lists. */
    private static List<String> files(Path mirror, String project) throws IOException {
        var page = dev.axle.index.SimpleApi.parseProjectPage(dev.axle.index.SimpleApi.JSON_V1,
                Files.readAllBytes(mirror.resolve("simple/" + project + "/index.v1_json")),
                mirror.resolve("simple/" + project + "/").toUri());
        return page.files().stream().map(dev.axle.index.DistributionFile::filename).toList();
    }

    @Test
    void mirrorsIntoAFolderThenOnlyWhatChanged() throws Exception {
        publish("hello", "1.0", "");
        publish("other", "1.0", "");
        Path mirror = tmp.resolve("mirror");
        Transcript first = axle("mirror", "--upstream", url, "--dest", mirror.toString());
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.err()).isEmpty();
        assertThat(first.out()).matches(Pattern.quote("Mirrored 2 projects into " + mirror + ": 2 synced, 0 unchanged,"
                + " 0 removed; 2 files fetched (0.0 MiB), 0 deleted in ") + "\\S+" + NL);
        assertThat(files(mirror, "hello")).containsExactly("hello-1.0-py3-none-any.whl");

        publish("hello", "2.0", "");
        upstream.root().store().setYanked("main", "other", "1.0", java.util.Optional.empty(), true,
                java.util.Optional.of("gone bad"));
        Transcript second = axle("mirror", "--upstream", url, "--dest", mirror.toString(), "-v");
        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(second.out()).startsWith("Mirrored 2 projects into " + mirror + ": 2 synced, 0 unchanged, 0 removed;"
                + " 1 file fetched");
        assertThat(second.err()).contains("Upstream lists 2 projects to mirror: 2 to sync, 0 to remove")
                .contains("Synced hello: 2 files (1 fetched, 0 deleted)");
        assertThat(Files.readString(mirror.resolve("simple/other/index.html"))).contains("data-yanked=\"gone bad\"");

        Transcript third = axle("mirror", "--upstream", url, "--dest", mirror.toString());
        assertThat(third.out()).startsWith("Mirrored 2 projects into " + mirror + ": 0 synced, 2 unchanged, 0 removed;"
                + " 0 files fetched");
    }

    @Test
    void mirrorsIntoAnS3BucketTheSameTreeAsIntoAFolder() throws Exception {
        publish("hello", "1.0", "");
        publish("other", "1.0", "");
        Path folder = tmp.resolve("mirror");
        assertThat(axle("mirror", "--upstream", url, "--dest", folder.toString()).exitCode()).isZero();
        try (S3Server s3 = S3Server.start()) {
            String bucket = s3.createBucket();
            Path config = Files.writeString(tmp.resolve("s3.toml"), "[storage]\nendpoint = \"" + s3.endpoint()
                    + "\"\npath-style = true\nregion = \"" + S3Server.REGION + "\"\naccess-key-id = \""
                    + S3Server.ACCESS_KEY + "\"\nsecret-access-key = \"" + S3Server.SECRET_KEY + "\"\n");
            String dest = "s3://" + bucket + "/pypi";
            Transcript first = axle("mirror", "--upstream", url, "--dest", dest, "--config", config.toString());
            assertThat(first.exitCode()).as(first.err()).isZero();
            assertThat(first.out()).startsWith("Mirrored 2 projects into " + dest + ": 2 synced");

            // Every file of the folder mirror is an object under the prefix, byte for byte, and no other.
            java.util.Map<String, byte[]> expected = new java.util.TreeMap<>();
            try (Stream<Path> walk = Files.walk(folder)) {
                for (Path p : walk.filter(Files::isRegularFile).toList()) {
                    String key = folder.relativize(p).toString().replace('\\', '/');
                    if (!key.startsWith(".axle-mirror/")) {
                        expected.put("pypi/" + key, Files.readAllBytes(p));
                    }
                }
            }
            var objects = s3.client().listObjectsV2Paginator(b -> b.bucket(bucket)).contents().stream()
                    .map(software.amazon.awssdk.services.s3.model.S3Object::key)
                    .filter(k -> !k.startsWith("pypi/.axle-mirror/")).sorted().toList();
            assertThat(objects).containsExactlyElementsOf(expected.keySet());
            for (var e : expected.entrySet()) {
                if (!e.getKey().endsWith("index.html") && !e.getKey().contains("index.v1_")) {
                    assertThat(s3.client().getObjectAsBytes(b -> b.bucket(bucket).key(e.getKey())).asByteArray())
                            .as(e.getKey()).isEqualTo(e.getValue());
                }
            }
            assertThat(s3.client().getObjectAsBytes(b -> b.bucket(bucket).key("pypi/simple/hello/index.v1_json"))
                    .asUtf8String()).contains("hello-1.0-py3-none-any.whl");

            // Incremental there too: nothing changed, nothing fetched.
            Transcript again = axle("mirror", "--upstream", url, "--dest", dest, "--config", config.toString());
            assertThat(again.out()).startsWith("Mirrored 2 projects into " + dest + ": 0 synced, 2 unchanged");
        }
        Transcript unset = axle("mirror", "--upstream", url, "--dest", "s3://nowhere-bucket/x", "--config",
                tmp.resolve("none.toml").toString());
        assertThat(unset.exitCode()).isNotZero();
        assertThat(unset.err()).contains("no server settings file");
    }

    @Test
    void mirrorsIntoAnAxleIndexThatAxleInstallsFrom() throws Exception {
        publish("hello", "1.0", "");
        publish("hello", "2.0", "");
        Path root = tmp.resolve("served");
        Transcript mirrored = axle("mirror", "--upstream", url, "--dest", "axle:" + root + "#team");
        assertThat(mirrored.exitCode()).as(mirrored.err()).isZero();
        assertThat(mirrored.out()).startsWith("Mirrored 1 project into index 'team' of " + root + ": 1 synced");
        try (ServerRoot served = ServerRoot.open(root); IndexServer server = IndexServer.start(served, "127.0.0.1", 0)) {
            Path cache = tmp.resolve("cache");
            Path venv = tmp.resolve("venv");
            Transcript made = axle("venv", "--cache-dir", cache.toString(), "--python",
                    Pythons.python("3.12", "3.11", "3.13").toString(), venv.toString());
            assertThat(made.exitCode()).as(made.err()).isZero();
            Transcript install = axle("install", "--cache-dir", cache.toString(), "--python", venv.toString(),
                    "--index-url", server.uri() + "team/simple/", "hello");
            assertThat(install.exitCode()).as(install.err()).isZero();
            assertThat(install.out()).contains("+ hello==2.0");
        }
    }

    @Test
    void requirementsMirrorExactlyWhatTheyResolveTo() throws Exception {
        publish("app", "1.0", "");
        publish("app", "2.0", "Requires-Dist: lib>=1.5\n");
        publish("lib", "1.0", "");
        publish("lib", "1.5", "");
        publish("lib", "2.0", "");
        publish("unrelated", "1.0", "");
        publish("extra-one", "1.0", "");
        publish("extra-one", "1.1", "");
        Path requirements = tmp.resolve("requirements.txt");
        Files.writeString(requirements, "app\nlib<2\n");
        Path mirror = tmp.resolve("mirror");
        Transcript t = axle("mirror", "--upstream", url, "--dest", mirror.toString(), "--requirements",
                requirements.toString(), "--allow", "extra-one", "--cache-dir", tmp.resolve("cache").toString());
        assertThat(t.exitCode()).as(t.err()).isZero();
        assertThat(files(mirror, "app")).containsExactly("app-2.0-py3-none-any.whl");
        assertThat(files(mirror, "lib")).containsExactly("lib-1.5-py3-none-any.whl");
        assertThat(files(mirror, "extra-one")).as("--allow: every version")
                .containsExactly("extra_one-1.0-py3-none-any.whl", "extra_one-1.1-py3-none-any.whl");
        assertThat(mirror.resolve("simple/unrelated")).doesNotExist();
        try (Stream<Path> packages = Files.walk(mirror.resolve("packages"))) {
            assertThat(packages.filter(p -> p.toString().endsWith(".whl"))).hasSize(4);
        }
    }

    @Test
    void badInputIsRefusedSayingWhatToDo() throws Exception {
        String dest = tmp.resolve("m").toString();
        Transcript gs = axle("mirror", "--upstream", url, "--dest", "gs://bucket/x");
        assertThat(gs.exitCode()).isEqualTo(1);
        assertThat(gs.err()).isEqualTo("error: --dest 'gs://bucket/x': 'gs' destinations are not supported. Give a"
                + " folder (a static index), s3://BUCKET/PREFIX, or axle:ROOT[#INDEX] (an axle server's folder and"
                + " index)" + NL);
        Path closed = Files.writeString(tmp.resolve("closed.toml"), "[storage]\nendpoint = \"http://127.0.0.1:9\"\n"
                + "path-style = true\nregion = \"us-east-1\"\naccess-key-id = \"k\"\nsecret-access-key = \"s\"\n");
        Transcript s3 = axle("mirror", "--upstream", url, "--dest", "s3://my-bucket/pypi", "--config",
                closed.toString());
        assertThat(s3.exitCode()).isEqualTo(1);
        assertThat(s3.err()).startsWith("error: ").contains("cannot reach S3 endpoint http://127.0.0.1:9");
        Transcript regex = axle("mirror", "--upstream", url, "--dest", dest, "--allow-regex", "django-(");
        assertThat(regex.exitCode()).isEqualTo(1);
        assertThat(regex.err()).startsWith("error: --allow-regex 'django-(' is no regular expression: Unclosed group");
        Transcript size = axle("mirror", "--upstream", url, "--dest", dest, "--max-file-size", "50Q");
        assertThat(size.exitCode()).isEqualTo(1);
        assertThat(size.err()).startsWith("error: '50Q' is no size: write a number of bytes, or one with K, M, G or T");
        Transcript latest = axle("mirror", "--upstream", url, "--dest", dest, "--latest", "0");
        assertThat(latest.err()).startsWith("error: --latest must keep at least 1 release, not 0");
        Transcript name = axle("mirror", "--upstream", url, "--dest", dest, "--deny", "no such");
        assertThat(name.err()).startsWith("error: --deny 'no such' is no valid project name");
        Transcript upstreamUrl = axle("mirror", "--upstream", "ftp://example.com/simple/", "--dest", dest);
        assertThat(upstreamUrl.exitCode()).isEqualTo(1);
        assertThat(upstreamUrl.err()).startsWith("error: --upstream: an index URL must be an absolute http, https or"
                + " file URL");
        Transcript missing = axle("mirror", "--dest", dest);
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).startsWith("Missing required option: '--upstream=URL'");
        assertThat(Path.of(dest)).doesNotExist();
    }
}

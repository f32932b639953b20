package dev.axle.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.axle.server.Http;
import dev.axle.server.IndexServer;
import dev.axle.server.Published;
import dev.axle.server.ServerConfig;
import dev.axle.server.ServerRoot;
import dev.axle.server.ServerSettings;
import dev.axle.server.TestServer;
import dev.axle.server.Postgres;
import dev.axle.server.Publication;
import dev.axle.server.S3Server;
import dev.axle.server.TestDists;
import dev.axle.server.Uploads;
import dev.axle.server.store.PostgresSettings;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Two {@code axle serve} processes on one PostgreSQL database and one S3 bucket (s3proxy in this
 * JVM), each with its own folder, as replicas behind a load balancer; one is killed with -9 in
 * the middle of an upload.
 */
class ServeReplicasTest {
    private static final Pattern URL = Pattern.compile("at (http://127\\.0\\.0\\.1:\\d+/)");
    private static S3Server s3;

    @TempDir
    Path tmp;

    record Replica(Process process, URI url) {}

    @BeforeAll
    static void startS3() throws IOException {
        s3 = S3Server.start();
    }

    @AfterAll
    static void stopS3() throws Exception {
        s3.close();
    }

    /** The settings every replica and command gets, as an operator would set them in the environment. */
    private static Map<String, String> environment() {
        return Map.of("AXLE_S3_ENDPOINT", s3.endpoint().toString(), "AXLE_S3_PATH_STYLE", "true",
                "AXLE_S3_REGION", S3Server.REGION, "AXLE_S3_ACCESS_KEY_ID", S3Server.ACCESS_KEY,
                "AXLE_S3_SECRET_ACCESS_KEY", S3Server.SECRET_KEY);
    }

    private Replica serve(String name, String database, String storage) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(java.toString(), "--enable-native-access=ALL-UNNAMED", "-cp",
                classPath, Main.class.getName(), "serve", "--root", tmp.resolve(name).toString(), "--port", "0",
                "--database", database, "--storage", storage));
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(tmp.resolve(name + ".err").toFile());
        builder.environment().putAll(environment());
        Process process = builder.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        assertThat(line).as("axle serve's first line; stderr: %s", Files.readString(tmp.resolve(name + ".err")))
                .isNotNull();
        Matcher m = URL.matcher(line);
        assertThat(m.find()).as(line).isTrue();
        assertThat(line).contains("database jdbc:postgresql://").contains("files " + storage);
        return new Replica(process, URI.create(m.group(1)));
    }

    private List<String> objects(String bucket) {
        return s3.client().listObjectsV2Paginator(b -> b.bucket(bucket)).contents().stream().map(S3Object::key)
                .sorted().toList();
    }

    @Test
    void replicasShareEverythingAndOneKilledMidUploadLeavesNoTrace() throws Exception {
        PostgresSettings db = Postgres.shared().database(4);
        String database = db.jdbcUrl() + "?user=" + db.user().orElseThrow();
        String bucket = s3.createBucket();
        String storage = "s3://" + bucket + "/pypi";

        Replica one = serve("one", database, storage);
        Replica two = serve("two", database, storage);
        Replica again = null;
        try {
            // The admin commands read the same settings from a file (the replicas from the environment).
            Path config = Files.writeString(tmp.resolve("serve.toml"), "[database]\nurl = \"" + database
                    + "\"\n[storage]\nurl = \"" + storage + "\"\nendpoint = \"" + s3.endpoint() + "\"\npath-style = true\n"
                    + "region = \"" + S3Server.REGION + "\"\naccess-key-id = \"" + S3Server.ACCESS_KEY + "\"\n"
                    + "secret-access-key = \"" + S3Server.SECRET_KEY + "\"\n");
            String admin = tmp.resolve("admin").toString();
            Transcript created = Transcript.of("token", "create", "--root", admin, "--config", config.toString(),
                    "--name", "ci");
            assertThat(created.exitCode()).as(created.err()).isZero();
            String token = created.out().strip();

            Path wheel = TestDists.wheel(tmp.resolve("dist"), "shared", "1.0");
            assertThat(Uploads.upload(one.url().resolve("/main/"), token, wheel, "shared", "1.0").statusCode())
                    .isEqualTo(200);
            JsonNode page = Http.json(two.url(), "/simple/shared/");
            assertThat(Http.bytes(two.url(), page.at("/files/0/url").asText()).body())
                    .isEqualTo(Files.readAllBytes(wheel));
            List<String> before = objects(bucket);
            assertThat(before).contains("pypi/" + Publication.blobKey(page.at("/files/0/hashes/sha256").asText(),
                    "shared-1.0-py3-none-any.whl"));

            // Kill one (SIGKILL) with half of an upload received.
            Path heavyFolder = Files.createDirectories(tmp.resolve("heavy"));
            byte[] noise = new byte[6 << 20];
            new java.util.Random(7).nextBytes(noise);
            Path heavy = TestDists.wheel(heavyFolder, "heavy", "1.0", TestDists.metadata("2.1", "heavy", "1.0", "",
                    Base64.getEncoder().encodeToString(noise)));
            byte[] file = Files.readAllBytes(heavy);
            String boundary = "replica-kill-boundary";
            byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\":action\"\r\n\r\n"
                    + "file_upload\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"content\";"
                    + " filename=\"" + heavy.getFileName() + "\"\r\n\r\n").getBytes(StandardCharsets.UTF_8);
            try (Socket socket = new Socket(one.url().getHost(), one.url().getPort())) {
                OutputStream out = socket.getOutputStream();
                out.write(("POST /main/ HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: multipart/form-data; boundary="
                        + boundary + "\r\nAuthorization: Basic " + Base64.getEncoder().encodeToString(("__token__:"
                        + token).getBytes(StandardCharsets.UTF_8)) + "\r\nContent-Length: " + (head.length
                        + file.length + 64) + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
                out.write(head);
                out.write(file, 0, file.length / 2);
                out.flush();
                waitForPartialUpload(tmp.resolve("one").resolve("tmp"));
                one.process().destroyForcibly();
                assertThat(one.process().waitFor(20, TimeUnit.SECONDS)).isTrue();
            }
            // Nothing of it shows through the other replica, and nothing of it is in the bucket.
            assertThat(Http.get(two.url(), "/simple/heavy/").statusCode()).isEqualTo(404);
            assertThat(objects(bucket)).isEqualTo(before);
            assertThat(Http.get(two.url(), "/health/ready").statusCode()).isEqualTo(200);

            // Restarted on its folder, it sweeps what it left there, and the upload goes through.
            again = serve("one", database, storage);
            try (Stream<Path> left = Files.list(tmp.resolve("one").resolve("tmp"))) {
                assertThat(left).as("temporary files swept at start").isEmpty();
            }
            assertThat(Uploads.upload(again.url().resolve("/main/"), token, heavy, "heavy", "1.0").statusCode())
                    .isEqualTo(200);
            assertThat(Http.json(two.url(), "/simple/heavy/").at("/files/0/size").asLong()).isEqualTo(file.length);

            // A replica killed between storing a file and recording it leaves an orphan: swept.
            String orphan = "pypi/" + Publication.blobKey("ab".repeat(32), "orphan-1.0.tar.gz");
            s3.client().putObject(b -> b.bucket(bucket).key(orphan), RequestBody.fromString("orphan"));
            List<String> listed = objects(bucket).stream().filter(k -> !k.equals(orphan)).toList();
            Transcript kept = Transcript.of("index", "sweep", "--root", admin, "--config", config.toString());
            assertThat(kept.out()).contains("deleted 0 ").contains("kept " + (listed.size() + 1) + " too recent");
            Transcript swept = Transcript.of("index", "sweep", "--root", admin, "--config", config.toString(),
                    "--grace", "0");
            assertThat(swept.exitCode()).as(swept.err()).isZero();
            assertThat(swept.out()).contains("deleted 1 no index lists (6 bytes)");
            assertThat(objects(bucket)).isEqualTo(listed);
        } finally {
            for (Replica r : new Replica[] {one, two, again}) {
                if (r != null) {
                    r.process().destroy();
                    r.process().waitFor(20, TimeUnit.SECONDS);
                }
            }
        }
    }

    @Test
    void aMirrorIntoAnIndexOnTheSharedDatabaseAndBucketServesFromAnyReplica() throws Exception {
        PostgresSettings db = Postgres.shared().database(2);
        String bucket = s3.createBucket();
        Path config = Files.writeString(tmp.resolve("serve.toml"), "[database]\nurl = \"" + db.jdbcUrl() + "?user="
                + db.user().orElseThrow() + "\"\n[storage]\nurl = \"s3://" + bucket + "/pypi\"\nendpoint = \""
                + s3.endpoint() + "\"\npath-style = true\nregion = \"" + S3Server.REGION + "\"\naccess-key-id = \""
                + S3Server.ACCESS_KEY + "\"\nsecret-access-key = \"" + S3Server.SECRET_KEY + "\"\n");
        try (TestServer upstream = TestServer.start(tmp.resolve("upstream"))) {
            Path wheel = TestDists.wheel(tmp.resolve("dist"), "mirrored", "1.0");
            assertThat(Uploads.upload(upstream.base().resolve("/main/"), upstream.token(), wheel, "mirrored", "1.0")
                    .statusCode()).isEqualTo(200);
            Transcript mirrored = Transcript.of("mirror", "--upstream", upstream.base() + "simple/", "--dest", "axle:"
                    + tmp.resolve("mirror-admin") + "#team", "--config", config.toString());
            assertThat(mirrored.exitCode()).as(mirrored.err()).isZero();
            assertThat(mirrored.out()).contains("1 synced");

            // Any server on the same database and bucket serves what the mirror imported.
            ServerConfig replica = ServerConfig.of(tmp.resolve("replica"), new ServerSettings().file(config));
            try (ServerRoot root = ServerRoot.open(replica);
                    IndexServer server = IndexServer.start(root, "127.0.0.1", 0)) {
                JsonNode page = Http.json(server.uri(), "/team/simple/mirrored/");
                assertThat(page.at("/files/0/filename").asText()).isEqualTo("mirrored-1.0-py3-none-any.whl");
                assertThat(Http.bytes(server.uri(), page.at("/files/0/url").asText()).body())
                        .isEqualTo(Files.readAllBytes(wheel));
            }
            assertThat(objects(bucket)).contains("pypi/" + Publication.blobKey(Published.hex("SHA-256",
                    Files.readAllBytes(wheel)), "mirrored-1.0-py3-none-any.whl"));
        }
    }

    @Test
    void aSharedDatabaseWithFilesInTheFolderIsWarnedAbout() throws Exception {
        PostgresSettings db = Postgres.shared().database(2);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("surefire.test.class.path",
                System.getProperty("java.class.path")), Main.class.getName(), "serve", "--root", tmp.resolve("alone")
                .toString(), "--port", "0", "--database", db.jdbcUrl() + "?user=" + db.user().orElseThrow()));
        Process process = new ProcessBuilder(command).redirectError(tmp.resolve("alone.err").toFile()).start();
        try {
            String line = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))
                    .readLine();
            assertThat(line).as(Files.readString(tmp.resolve("alone.err"))).contains("files " + tmp.resolve("alone")
                    .resolve("files"));
            assertThat(Files.readString(tmp.resolve("alone.err"))).contains("axle serve: warning: files are kept in "
                    + tmp.resolve("alone").resolve("files") + ", which other servers on the same database cannot send;"
                    + " give --storage s3://... to run replicas");
        } finally {
            process.destroy();
            process.waitFor(20, TimeUnit.SECONDS);
        }
    }

    private static void waitForPartialUpload(Path folder) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            if (Files.isDirectory(folder)) {
                try (Stream<Path> files = Files.list(folder)) {
                    if (files.anyMatch(p -> p.toFile().length() > 0)) {
                        return;
                    }
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no partial upload in " + folder + " after 20 s");
    }
}

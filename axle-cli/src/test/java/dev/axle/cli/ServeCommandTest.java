package dev.axle.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.axle.installer.Pythons;
import dev.axle.server.Http;
import dev.axle.server.TestDists;
import dev.axle.server.Uploads;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code axle serve} in a child JVM (so it can be stopped by SIGTERM or killed with -9), with
 * {@code axle token}, {@code axle yank} and {@code axle install} run in-process against it.
 */
class ServeCommandTest {
    private static final Pattern URL = Pattern.compile("at (http://127\\.0\\.0\\.1:\\d+/)");

    @TempDir
    Path tmp;

    /** A running {@code axle serve} and the URL it printed. */
    record Served(Process process, URI url) {}

    private Served serve(Path root, String... jvmOptions) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        // Surefire's full test class path (java.class.path may name only its booter jar).
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(java.toString(), "--enable-native-access=ALL-UNNAMED"));
        command.addAll(List.of(jvmOptions));
        command.addAll(List.of("-cp", classPath, Main.class.getName(), "serve", "--root", root.toString(),
                "--port", "0"));
        Process process = new ProcessBuilder(command).redirectError(tmp.resolve("serve.err").toFile()).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        assertThat(line).as("axle serve's first line; stderr: %s", Files.readString(tmp.resolve("serve.err")))
                .isNotNull();
        Matcher m = URL.matcher(line);
        assertThat(m.find()).as(line).isTrue();
        return new Served(process, URI.create(m.group(1)));
    }

    private Transcript axle(String... args) {
        return Transcript.of(args);
    }

    private Path venv(String name, Path cache) {
        Path dir = tmp.resolve(name);
        Transcript made = axle("venv", "--cache-dir", cache.toString(), "--python",
                Pythons.python("3.12", "3.11", "3.13").toString(), dir.toString());
        assertThat(made.exitCode()).as(made.err()).isZero();
        return dir;
    }

    @Test
    void servesUploadsInstallsYanksAndStopsOnSigterm() throws Exception {
        Path root = tmp.resolve("index");
        Served served = serve(root);
        try {
            Transcript created = axle("token", "create", "--root", root.toString(), "--name", "ci");
            assertThat(created.exitCode()).as(created.err()).isZero();
            String token = created.out().strip();
            assertThat(token).startsWith("axle-").hasSizeGreaterThan(40);
            assertThat(axle("token", "list", "--root", root.toString()).out()).startsWith("ci\t");

            for (String version : List.of("1.0", "2.0")) {
                Path wheel = TestDists.wheel(tmp.resolve("dist"), "hello-axle", version);
                assertThat(Uploads.upload(served.url().resolve("/main/"), token, wheel, "hello-axle", version)
                        .statusCode()).isEqualTo(200);
            }
            Path cache = tmp.resolve("cache");
            Path venv = venv("v1", cache);
            Transcript install = axle("install", "--cache-dir", cache.toString(), "--python", venv.toString(),
                    "--index-url", served.url() + "simple/", "hello-axle");
            assertThat(install.exitCode()).as(install.err()).isZero();
            assertThat(install.out()).contains("+ hello-axle==2.0");

            Transcript yank = axle("yank", "--root", root.toString(), "Hello_Axle", "2.0", "--reason", "broken");
            assertThat(yank.exitCode()).as(yank.err()).isZero();
            assertThat(yank.out()).isEqualTo("Yanked 1 file of hello-axle 2.0 on index 'main'" + System.lineSeparator());
            // The server sees a change another process made within SqliteDatabase.SERIAL_FRESH_NANOS.
            assertThat(eventually(() -> Http.json(served.url(), "/simple/hello-axle/").at("/files/1/yanked").asText(),
                    "broken")).isEqualTo("broken");
            // Another cache: the first install's copy of the page is fresh for its max-age still.
            Path cache2 = tmp.resolve("cache2");
            Path again = venv("v2", cache2);
            Transcript second = axle("install", "--cache-dir", cache2.toString(), "--python", again.toString(),
                    "--index-url", served.url() + "simple/", "hello-axle");
            assertThat(second.exitCode()).as(second.err()).isZero();
            assertThat(second.out()).contains("+ hello-axle==1.0");

            assertThat(axle("unyank", "--root", root.toString(), "hello-axle", "2.0").exitCode()).isZero();
            Transcript deleted = axle("delete", "--root", root.toString(), "hello-axle", "1.0");
            assertThat(deleted.out()).startsWith("Deleted 1 file of hello-axle 1.0");
            assertThat(eventually(() -> Http.json(served.url(), "/simple/hello-axle/").get("versions").toString(),
                    "[\"2.0\"]")).isEqualTo("[\"2.0\"]");
            Transcript missing = axle("yank", "--root", root.toString(), "hello-axle", "7.0");
            assertThat(missing.exitCode()).isEqualTo(1);
            assertThat(missing.err()).contains("has no file of hello-axle 7.0");

            assertThat(axle("token", "revoke", "--root", root.toString(), "--name", "ci").exitCode()).isZero();
            Path wheel = TestDists.wheel(tmp.resolve("dist"), "hello-axle", "3.0");
            assertThat(Uploads.upload(served.url().resolve("/main/"), token, wheel, "hello-axle", "3.0").statusCode())
                    .isEqualTo(403);
        } finally {
            served.process().destroy(); // SIGTERM
        }
        assertThat(served.process().waitFor(20, TimeUnit.SECONDS)).as("stopped after SIGTERM").isTrue();
        try (Socket s = new Socket(served.url().getHost(), served.url().getPort())) {
            throw new AssertionError("still listening on " + served.url());
        } catch (ConnectException expected) {
            // closed
        }
    }

    @Test
    void indexCommandsConfigureBasesAndProxies() {
        String root = tmp.resolve("index").toString();
        assertThat(axle("index", "create", "--root", root, "mirror", "--upstream", "https://pypi.org/simple/",
                "--allow", "requests", "--allow", "django-*").exitCode()).isZero();
        Transcript team = axle("index", "create", "--root", root, "team", "--base", "main", "--base", "mirror");
        assertThat(team.out()).isEqualTo("Index 'team': bases main, mirror" + System.lineSeparator());
        assertThat(axle("index", "list", "--root", root).out().lines()).containsExactly("main",
                "mirror: proxy of https://pypi.org/simple/, allowing requests, django-*", "team: bases main, mirror");
        Transcript reserved = axle("index", "create", "--root", root, "simple");
        assertThat(reserved.exitCode()).isEqualTo(1);
        assertThat(reserved.err()).contains("'simple' cannot name an index");
        assertThat(axle("index", "create", "--root", root, "x", "--base", "nowhere").err())
                .contains("there is no index 'nowhere'");
    }

    @Test
    void killedMidUploadTheIndexStaysConsistentAndTheFileUploadsAgain() throws Exception {
        Path root = tmp.resolve("index");
        Transcript created = axle("token", "create", "--root", root.toString(), "--name", "ci");
        String token = created.out().strip();
        // A wheel with 8 MiB of incompressible data, so the upload is mid-way when the server dies.
        Path heavy = storedWheel(tmp.resolve("heavy"), "heavy", "1.0", 8 << 20);

        Served first = serve(root);
        String boundary = "kill-test-boundary";
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\":action\"\r\n\r\nfile_upload\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"content\"; filename=\""
                + heavy.getFileName() + "\"\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] file = Files.readAllBytes(heavy);
        try (Socket socket = new Socket(first.url().getHost(), first.url().getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /main/ HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: multipart/form-data; boundary="
                    + boundary + "\r\nAuthorization: Basic " + java.util.Base64.getEncoder().encodeToString(
                    ("__token__:" + token).getBytes(StandardCharsets.UTF_8)) + "\r\nContent-Length: "
                    + (head.length + file.length + 64) + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.write(head);
            out.write(file, 0, file.length / 2);
            out.flush();
            waitForPartialUpload(root.resolve("tmp"));
            first.process().destroyForcibly(); // SIGKILL, mid-upload
            assertThat(first.process().waitFor(20, TimeUnit.SECONDS)).isTrue();
        }

        Served second = serve(root);
        try {
            try (Stream<Path> left = Files.list(root.resolve("tmp"))) {
                assertThat(left).as("temporary files swept at start").isEmpty();
            }
            assertThat(Http.get(second.url(), "/simple/heavy/").statusCode()).isEqualTo(404);
            assertThat(Uploads.upload(second.url().resolve("/main/"), token, heavy, "heavy", "1.0").statusCode())
                    .isEqualTo(200);
            var page = Http.json(second.url(), "/simple/heavy/");
            assertThat(page.at("/files/0/size").asLong()).isEqualTo(file.length);
            byte[] served = Http.bytes(second.url(), page.at("/files/0/url").asText()).body();
            assertThat(served).isEqualTo(file);
        } finally {
            second.process().destroy();
            second.process().waitFor(20, TimeUnit.SECONDS);
        }
    }

    @Test
    void anUploadLargerThanTheServersHeapStreamsToDisk() throws Exception {
        Path root = tmp.resolve("index");
        String token = axle("token", "create", "--root", root.toString(), "--name", "ci").out().strip();
        long payload = 320L << 20;
        Path wheel = storedWheel(tmp.resolve("big"), "bulky", "1.0", payload);
        Served served = serve(root, "-Xmx64m");
        try {
            Map<String, String> form = Uploads.form(wheel, "bulky", "1.0");
            String boundary = "big-upload-boundary";
            StringBuilder head = new StringBuilder();
            form.forEach((k, v) -> head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"")
                    .append(k).append("\"\r\n\r\n").append(v).append("\r\n"));
            head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"content\"; filename=\"")
                    .append(wheel.getFileName()).append("\"\r\n\r\n");
            HttpRequest request = HttpRequest.newBuilder(served.url().resolve("/main/"))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                            ("__token__:" + token).getBytes(StandardCharsets.UTF_8)))
                    .POST(HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofString(head.toString()),
                            HttpRequest.BodyPublishers.ofFile(wheel),
                            HttpRequest.BodyPublishers.ofString("\r\n--" + boundary + "--\r\n")))
                    .build();
            HttpResponse<String> response;
            try (HttpClient client = HttpClient.newHttpClient()) {
                response = client.send(request, HttpResponse.BodyHandlers.ofString());
            }
            assertThat(response.statusCode()).as(response.body() + Files.readString(tmp.resolve("serve.err")))
                    .isEqualTo(200);
            var page = Http.json(served.url(), "/simple/bulky/");
            assertThat(page.at("/files/0/size").asLong()).isEqualTo(Files.size(wheel));
            assertThat(page.at("/files/0/hashes/sha256").asText()).isEqualTo(form.get("sha256_digest"));
        } finally {
            served.process().destroy();
            served.process().waitFor(20, TimeUnit.SECONDS);
        }
    }

    /** A wheel with one stored (uncompressed) entry of {@code size} seeded random bytes, written without holding them. */
    private static Path storedWheel(Path folder, String name, String version, long size) throws IOException {
        Path small = TestDists.wheel(folder.resolve("small"), name, version);
        Path out = folder.resolve(small.getFileName());
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        byte[] chunk = new byte[1 << 20];
        java.util.Random random = new java.util.Random(11);
        for (long done = 0; done < size; done += chunk.length) {
            random.nextBytes(chunk);
            crc.update(chunk, 0, (int) Math.min(chunk.length, size - done));
        }
        try (var in = new java.util.zip.ZipInputStream(Files.newInputStream(small));
                var zip = new java.util.zip.ZipOutputStream(new java.io.BufferedOutputStream(Files.newOutputStream(out)))) {
            java.util.zip.ZipEntry data = new java.util.zip.ZipEntry("bulky_data.bin");
            data.setMethod(java.util.zip.ZipEntry.STORED);
            data.setSize(size);
            data.setCompressedSize(size);
            data.setCrc(crc.getValue());
            zip.putNextEntry(data);
            random = new java.util.Random(11);
            for (long done = 0; done < size; done += chunk.length) {
                random.nextBytes(chunk);
                zip.write(chunk, 0, (int) Math.min(chunk.length, size - done));
            }
            zip.closeEntry();
            for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                zip.putNextEntry(new java.util.zip.ZipEntry(e.getName()));
                in.transferTo(zip);
                zip.closeEntry();
            }
        }
        return out;
    }

    /** Waits until the server has spilled part of the upload to its tmp folder. */
    private static void waitForPartialUpload(Path tmp) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            try (Stream<Path> files = Files.list(tmp)) {
                if (files.anyMatch(p -> {
                    try {
                        return Files.size(p) > 0;
                    } catch (IOException e) {
                        return false;
                    }
                })) {
                    return;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the server never started writing the upload to " + tmp);
    }

    /** What {@code read} answers once it answers {@code wanted}, or after a second, whatever it answers then. */
    private static String eventually(java.util.concurrent.Callable<String> read, String wanted) throws Exception {
        long deadline = System.nanoTime() + 1_000_000_000L;
        String got = read.call();
        while (!got.equals(wanted) && System.nanoTime() < deadline) {
            Thread.sleep(20);
            got = read.call();
        }
        return got;
    }
}

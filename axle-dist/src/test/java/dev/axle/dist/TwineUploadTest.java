package dev.axle.dist;

import static dev.axle.dist.Archives.metadata;
import static dev.axle.dist.Archives.sdistEntries;
import static dev.axle.dist.Archives.tarGz;
import static dev.axle.dist.Archives.wheelEntries;
import static dev.axle.dist.Archives.zip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.File;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Uploads with the real twine (Debian's package) to a loopback HTTP server that records the
 * multipart body, then checks what twine sent: the form fields UploadForm expects, and a
 * file that Distribution.inspect and UploadCheck accept. Skipped when twine is not installed.
 */
class TwineUploadTest {
    private static final Pattern DISPOSITION =
            Pattern.compile("(?i)content-disposition:\\s*form-data;\\s*name=\"([^\"]*)\"(?:;\\s*filename=\"([^\"]*)\")?");

    @TempDir
    Path dir;

    /** One multipart part: field name, the filename for the file part, and the bytes. */
    record Part(String name, String filename, byte[] data) {}

    @Test
    void twineUploadsAreAccepted() throws Exception {
        Optional<Path> twine = twine();
        assumeTrue(twine.isPresent(), "twine is not installed (apt-get install twine)");
        String meta = metadata("Foo_Bar", "1.0", "Requires-Dist: requests>=2", "Requires-Dist: idna>=3",
                "Classifier: Private :: Do Not Upload");
        Path wheel = zip(dir.resolve("foo_bar-1.0-py3-none-any.whl"), wheelEntries("foo_bar-1.0.dist-info", meta));
        Path sdist = tarGz(dir.resolve("foo_bar-1.0.tar.gz"), sdistEntries("foo_bar-1.0", meta));

        List<byte[]> bodies = new CopyOnWriteArrayList<>();
        List<String> contentTypes = new CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            contentTypes.add(exchange.getRequestHeaders().getFirst("Content-Type"));
            bodies.add(exchange.getRequestBody().readAllBytes());
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        try {
            Path home = Files.createDirectories(dir.resolve("home"));
            ProcessBuilder pb = new ProcessBuilder(twine.get().toString(), "upload", "--non-interactive",
                    "--disable-progress-bar", "--repository-url",
                    "http://127.0.0.1:" + server.getAddress().getPort() + "/legacy/", "-u", "__token__", "-p",
                    "pypi-test-token", wheel.toString(), sdist.toString())
                    .redirectErrorStream(true);
            pb.environment().keySet().removeIf(k -> k.startsWith("TWINE_"));
            pb.environment().put("HOME", home.toString());
            pb.environment().put("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring");
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(out).isZero();
        } finally {
            server.stop(0);
        }

        assertThat(bodies).hasSize(2);
        List<Distribution> uploaded = new ArrayList<>();
        for (int i = 0; i < bodies.size(); i++) {
            List<Part> parts = parse(bodies.get(i), contentTypes.get(i));
            Map<String, List<String>> fields = new LinkedHashMap<>();
            Part content = null;
            for (Part part : parts) {
                if (part.name().equals("content")) {
                    content = part;
                } else {
                    fields.computeIfAbsent(part.name(), k -> new ArrayList<>())
                            .add(new String(part.data(), StandardCharsets.UTF_8));
                }
            }
            assertThat(content).as("content part").isNotNull();
            UploadForm form = new UploadForm(fields);
            assertThat(fields).containsKeys(":action", "protocol_version", "metadata_version", "name", "version",
                    "filetype", "pyversion", "sha256_digest", "md5_digest", "blake2_256_digest", "requires_dist");
            assertThat(form.all("requires_dist")).containsExactly("requests>=2", "idna>=3");

            Path received = Files.write(dir.resolve("upload-" + i + ".tmp"), content.data());
            Distribution d = Distribution.inspect(received, content.filename());
            UploadCheck.check(form, d);
            uploaded.add(d);

            // What axle publish sends is what twine sent, but for the BLAKE2 digest (no BLAKE2 in the JDK)
            // and an sdist's pyversion.
            Map<String, List<String>> sent = new LinkedHashMap<>();
            fields.forEach((k, v) -> {
                List<String> values = v.stream().filter(x -> !x.isEmpty()).toList();
                if (!values.isEmpty() && !k.equals("blake2_256_digest")) {
                    sent.put(k, values);
                }
            });
            if (d.kind() == DistributionKind.SDIST) {
                sent.putIfAbsent("pyversion", List.of("source")); // twine 4 leaves it empty; Warehouse takes either
            }
            assertThat(UploadForm.of(d).fields()).as(d.filename()).isEqualTo(sent);
        }
        assertThat(uploaded).extracting(Distribution::kind)
                .containsExactlyInAnyOrder(DistributionKind.WHEEL, DistributionKind.SDIST);
    }

    private static Optional<Path> twine() {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .filter(s -> !s.isEmpty()).map(s -> Path.of(s, "twine")).filter(Files::isExecutable).findFirst();
    }

    /** A small multipart/form-data reader: bytes are carried as Latin-1 text, one char per byte. */
    private static List<Part> parse(byte[] body, String contentType) {
        Matcher m = Pattern.compile("boundary=\"?([^\";]+)\"?").matcher(contentType);
        assertThat(m.find()).as(contentType).isTrue();
        String delimiter = "--" + m.group(1);
        String text = new String(body, StandardCharsets.ISO_8859_1);
        List<Part> parts = new ArrayList<>();
        int at = text.indexOf(delimiter);
        while (at >= 0) {
            int start = at + delimiter.length();
            if (text.startsWith("--", start)) {
                break;
            }
            int next = text.indexOf("\r\n" + delimiter, start);
            String part = text.substring(start + 2, next);
            int headersEnd = part.indexOf("\r\n\r\n");
            Matcher d = DISPOSITION.matcher(part.substring(0, headersEnd));
            assertThat(d.find()).as(part.substring(0, headersEnd)).isTrue();
            parts.add(new Part(d.group(1), d.group(2),
                    part.substring(headersEnd + 4).getBytes(StandardCharsets.ISO_8859_1)));
            at = next + 2;
        }
        return parts;
    }
}

package dev.axle.index;

import static dev.axle.index.LoopbackServer.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.axle.pep.ProjectName;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** https against the JDK's HttpsServer on loopback with a self-signed certificate made by keytool. */
class TlsTest {
    private static final ProjectName HOLYGRAIL = ProjectName.parse("holygrail");
    private static final String PAGE = """
            {"meta": {"api-version": "1.1"}, "name": "holygrail", "files": []}""";
    private static final char[] PASSWORD = "changeit".toCharArray();

    /** The keys, made once for all tests: keytool takes a second or two to start. */
    @TempDir
    static Path keys;

    private static Path keystore;
    private static Path pem;
    private static Path otherPem;

    @TempDir
    Path tmp;

    private LoopbackServer server;
    private String hostPort;
    private final List<Index> indexes = new ArrayList<>();

    @BeforeAll
    static void makeCertificates() throws Exception {
        keystore = keys.resolve("server.p12");
        pem = keys.resolve("server.pem");
        certificate(keystore, pem, "CN=axle test index", "SAN=ip:127.0.0.1,dns:localhost");
        otherPem = keys.resolve("other.pem");
        certificate(keys.resolve("other.p12"), otherPem, "CN=other", "SAN=dns:other.example");
    }

    /** A self-signed certificate and its key in {@code keystore}, and the certificate alone in {@code pem}. */
    private static void certificate(Path keystore, Path pem, String name, String san) throws Exception {
        keytool("-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", name, "-ext", san, "-validity", "2",
                "-keystore", keystore.toString(), "-storetype", "PKCS12", "-storepass", "changeit");
        keytool("-exportcert", "-rfc", "-alias", "server", "-keystore", keystore.toString(),
                "-storepass", "changeit", "-file", pem.toString());
    }

    @BeforeEach
    void serve() throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, PASSWORD);
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(store, PASSWORD);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(kmf.getKeyManagers(), null, null);
        server = new LoopbackServer(tls).on("/simple/", x -> send(x, 200, SimpleApi.JSON_V1, PAGE));
        hostPort = server.url("/").getAuthority();
    }

    private static void keytool(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("keytool %s: %s", args[0], output).isZero();
    }

    @AfterEach
    void stop() {
        indexes.forEach(Index::close);
        server.close();
    }

    private Index index(IndexOptions options) {
        return index(server.url("/simple/"), options);
    }

    private Index index(URI url, IndexOptions options) {
        Index index = Index.of(url, options);
        indexes.add(index);
        return index;
    }

    @Test
    void unknownCertificateFailsAtOnceNamingTheHostAndTheWayOut() {
        var e = Thrown.by(IndexUnavailableException.class, () -> index(HttpIndexTest.FAST).projectPage(HOLYGRAIL));

        assertThat(e.getMessage()).contains("TLS", hostPort, "--cert FILE", "--trusted-host " + hostPort);
        assertThat(e.attempts()).isEqualTo(1); // not a failure that passes: not retried
        assertThat(server.requests).isEmpty();
    }

    @Test
    void certBundleIsTrusted() throws Exception {
        Path bundle = Files.writeString(tmp.resolve("bundle.pem"), "# the test index's own certificate\n"
                + Files.readString(pem) + "\ntrailing text\n");

        assertThat(index(HttpIndexTest.FAST.withCert(bundle)).projectPage(HOLYGRAIL)).isPresent();
        assertThat(server.requests).hasSize(1);
    }

    @Test
    void bundleReplacesTheJdkTrustStore() {
        // Another certificate only: the server's is then not trusted.
        assertThatThrownBy(() -> index(HttpIndexTest.FAST.withCert(otherPem)).projectPage(HOLYGRAIL))
                .isInstanceOf(IndexUnavailableException.class).hasMessageContaining("--cert");
    }

    @Test
    void trustedHostIsNotVerifiedOnItsPortOnly() throws Exception {
        assertThat(index(HttpIndexTest.FAST.withTrustedHosts(List.of(hostPort))).projectPage(HOLYGRAIL)).isPresent();
        assertThat(index(HttpIndexTest.FAST.withTrustedHosts(List.of("127.0.0.1"))).projectPage(HOLYGRAIL)).isPresent();

        Index otherPort = index(HttpIndexTest.FAST.withTrustedHosts(List.of("127.0.0.1:1")));
        assertThat(Thrown.by(IndexUnavailableException.class, () -> otherPort.projectPage(HOLYGRAIL)).getMessage())
                .contains("TLS", "--trusted-host " + hostPort);
    }

    @Test
    void httpsThroughATunnellingProxy() throws Exception {
        try (var proxy = new TunnelProxy(false)) {
            IndexOptions options = HttpIndexTest.FAST.withCert(pem)
                    .withEnvironment(Map.of("https_proxy", "http://carol:pr0xy@127.0.0.1:" + proxy.port()));

            assertThat(index(options).projectPage(HOLYGRAIL)).isPresent();

            // The certificate was checked for the index, not the proxy, through the tunnel.
            assertThat(proxy.connects).singleElement().satisfies(c -> {
                assertThat(c.requestLine()).isEqualTo("CONNECT " + hostPort + " HTTP/1.1");
                // The JDK's default jdk.http.auth.tunneling.disabledSchemes=Basic keeps the proxy's
                // credentials out of CONNECT (documented on EnvironmentProxies#authorization).
                assertThat(c.headers()).doesNotContainKey("proxy-authorization");
            });
        }
    }

    @Test
    void proxyRefusingTheTunnelIsExplained() throws Exception {
        try (var proxy = new TunnelProxy(true)) {
            IndexOptions options = HttpIndexTest.FAST.withCert(pem)
                    .withEnvironment(Map.of("HTTPS_PROXY", "http://carol:pr0xy@127.0.0.1:" + proxy.port()));

            var e = Thrown.by(IndexUnavailableException.class, () -> index(options).projectPage(HOLYGRAIL));

            assertThat(e.getMessage()).contains("HTTP 407", hostPort, "jdk.http.auth.tunneling.disabledSchemes")
                    .doesNotContain("pr0xy");
            assertThat(e.attempts()).isEqualTo(1);
        }
    }

    @Test
    void bundleWithoutCertificatesIsRejected() throws Exception {
        Path empty = Files.writeString(tmp.resolve("empty.pem"), "nothing here\n");

        assertThatThrownBy(() -> index(HttpIndexTest.FAST.withCert(empty)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(empty.toString(), "--cert", "no PEM certificate");
    }

    @Test
    void plainHttpOnlyToLoopbackAndTrustedHosts() throws Exception {
        Index untrusted = index(URI.create("http://pypi.example/simple/"), HttpIndexTest.FAST);

        var e = Thrown.by(IndexUnavailableException.class, () -> untrusted.projectPage(HOLYGRAIL));

        assertThat(e.getMessage()).contains("plain http", "--trusted-host pypi.example");
        assertThat(e.attempts()).isZero();
        // Trusted, it is tried (and fails only because pypi.example does not exist).
        Index trusted = index(URI.create("http://pypi.example/simple/"),
                HttpIndexTest.FAST.withRetries(0, Duration.ZERO, Duration.ZERO)
                        .withTrustedHosts(List.of("PYPI.example")));
        assertThat(Thrown.by(IndexUnavailableException.class, () -> trusted.projectPage(HOLYGRAIL)).getMessage())
                .doesNotContain("plain http");
    }
}

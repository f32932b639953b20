package dev.axle.index;

import static dev.axle.index.LoopbackServer.redirect;
import static dev.axle.index.LoopbackServer.send;
import static org.assertj.core.api.Assertions.assertThat;

import dev.axle.pep.ProjectName;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Credentials from a netrc file and from the keyring command, after a 401, on loopback. */
class CredentialLookupTest {
    private static final ProjectName HOLYGRAIL = ProjectName.parse("holygrail");
    private static final String PAGE = """
            {"meta": {"api-version": "1.1"}, "name": "holygrail", "files": []}""";

    private final LoopbackServer server = start();
    private final List<Index> indexes = new ArrayList<>();

    @TempDir
    Path tmp;

    private static LoopbackServer start() {
        try {
            return new LoopbackServer();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @BeforeEach
    void requireAlice() {
        String expected = basic("alice", "s3cret");
        server.on("/simple/", x -> {
            if (expected.equals(x.getRequestHeaders().getFirst("Authorization"))) {
                send(x, 200, SimpleApi.JSON_V1, PAGE);
            } else {
                x.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"index\"");
                send(x, 401, "text/plain", "who are you?");
            }
        });
    }

    @AfterEach
    void stop() {
        indexes.forEach(Index::close);
        server.close();
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private Index index(URI url, IndexOptions options) {
        Index index = Index.of(url, options);
        indexes.add(index);
        return index;
    }

    private Path netrc(String text) throws IOException {
        return Files.writeString(tmp.resolve("netrc"), text);
    }

    private IndexOptions withNetrc(String text) throws IOException {
        return HttpIndexTest.FAST.withNetrc(netrc(text));
    }

    @Test
    void netrcCredentialsAfterA401ThenSentAtOnce() throws Exception {
        Index index = index(server.url("/simple/"), withNetrc("machine 127.0.0.1 login alice password s3cret\n"));

        assertThat(index.projectPage(HOLYGRAIL)).isPresent();
        assertThat(index.projectPage(ProjectName.parse("spam"))).isPresent();

        assertThat(server.requests).extracting(LoopbackServer.Request::authorization)
                .containsExactly(null, basic("alice", "s3cret"), basic("alice", "s3cret"));
    }

    @Test
    void netrcDefaultEntryAndTheNetrcVariable() throws Exception {
        Path file = netrc("machine elsewhere login bob password x\ndefault login alice password s3cret\n");
        Index index = index(server.url("/simple/"),
                HttpIndexTest.FAST.withEnvironment(Map.of("NETRC", file.toString())));

        assertThat(index.projectPage(HOLYGRAIL)).isPresent();
    }

    @Test
    void refusedNetrcCredentialsAreNamedNotShown() throws Exception {
        Index index = index(server.url("/simple/"), withNetrc("machine 127.0.0.1 login alice password wr0ng\n"));

        var e = Thrown.by(IndexUnavailableException.class, () -> index.projectPage(HOLYGRAIL));

        assertThat(server.requests).hasSize(2);
        assertThat(e.getMessage()).contains("HTTP 401", "refused the credentials from " + tmp.resolve("netrc"))
                .doesNotContain("wr0ng");
    }

    @Test
    void netrcCredentialsStayWithTheirOrigin() throws Exception {
        try (var other = new LoopbackServer()) {
            other.on("/pages/", x -> send(x, 200, SimpleApi.JSON_V1, PAGE));
            String elsewhere = other.url("/pages/holygrail/").toString().replace("127.0.0.1", "localhost");
            server.on("/simple/holygrail/", x -> {
                if (x.getRequestHeaders().getFirst("Authorization") == null) {
                    send(x, 401, "text/plain", "who are you?");
                } else {
                    redirect(x, 302, elsewhere);
                }
            });
            Index index = index(server.url("/simple/"),
                    withNetrc("default login alice password s3cret\n"));

            assertThat(index.projectPage(HOLYGRAIL)).isPresent();

            assertThat(server.requests).extracting(LoopbackServer.Request::authorization)
                    .containsExactly(null, basic("alice", "s3cret"));
            assertThat(other.requests).singleElement().satisfies(r -> assertThat(r.authorization()).isNull());
        }
    }

    @Test
    void noCredentialsAnywhere() throws Exception {
        Index index = index(server.url("/simple/"), withNetrc("machine elsewhere login alice password s3cret\n"));

        var e = Thrown.by(IndexUnavailableException.class, () -> index.projectPage(HOLYGRAIL));

        assertThat(server.requests).hasSize(1);
        assertThat(e.getMessage()).contains("HTTP 401", "requires credentials", tmp.resolve("netrc").toString());
    }

    /** A keyring command that knows alice's password for one service and logs how it was asked. */
    private Path keyring(String service) throws IOException {
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Path script = bin.resolve("keyring");
        Files.writeString(script, """
                #!/bin/sh
                echo "$@" >> "%s"
                if [ "$1" = get ] && [ "$2" = "%s" ] && [ "$3" = alice ]; then echo s3cret; exit 0; fi
                exit 1
                """.formatted(tmp.resolve("keyring.log"), service));
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return bin;
    }

    private IndexOptions keyringOn(Path bin) {
        return HttpIndexTest.FAST.withNetrc(tmp.resolve("no-netrc")).withKeyring(true)
                .withEnvironment(Map.of("PATH", bin.toString()));
    }

    private URI asAlice() {
        return URI.create(server.url("/simple/").toString().replace("//", "//alice@"));
    }

    @Test
    void keyringAskedForTheIndexUrlWithTheUserInIt() throws Exception {
        String indexUrl = server.url("/simple/").toString();
        Index index = index(asAlice(), keyringOn(keyring(indexUrl)));

        assertThat(index.projectPage(HOLYGRAIL)).isPresent();

        assertThat(Files.readAllLines(tmp.resolve("keyring.log"))).containsExactly("get " + indexUrl + " alice");
        assertThat(server.requests).extracting(LoopbackServer.Request::authorization)
                .containsExactly(basic("alice", ""), basic("alice", "s3cret"));
        assertThat(index.toString()).doesNotContain("s3cret");
    }

    @Test
    void keyringAskedForTheHostNext() throws Exception {
        String host = server.url("/").getAuthority();
        Index index = index(asAlice(), keyringOn(keyring(host)));

        assertThat(index.projectPage(HOLYGRAIL)).isPresent();

        assertThat(Files.readAllLines(tmp.resolve("keyring.log")))
                .containsExactly("get " + server.url("/simple/") + " alice", "get " + host + " alice");
    }

    @Test
    void keyringOffOrAbsentIsSkippedSilently() throws Exception {
        Path bin = keyring(server.url("/simple/").toString());
        Index off = index(asAlice(), keyringOn(bin).withKeyring(false));
        Index absent = index(asAlice(), keyringOn(Files.createDirectories(tmp.resolve("empty"))));

        var e = Thrown.by(IndexUnavailableException.class, () -> off.projectPage(HOLYGRAIL));
        assertThat(e.getMessage()).contains("HTTP 401");
        assertThat(Thrown.by(IndexUnavailableException.class, () -> absent.projectPage(HOLYGRAIL)).getMessage())
                .contains("HTTP 401", "keyring");
        assertThat(tmp.resolve("keyring.log")).doesNotExist();
    }
}

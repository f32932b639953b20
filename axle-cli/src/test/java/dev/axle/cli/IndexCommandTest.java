package dev.axle.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.axle.server.ServerRoot;
import dev.axle.server.store.IndexConfig;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code axle index create|list}: bases, proxies with their TTL and allow-list, refusals. */
class IndexCommandTest {
    @TempDir
    Path tmp;

    @Test
    void createsAProxyIndexAndAPrivateOneInFrontOfIt() throws Exception {
        String root = tmp.resolve("root").toString();
        Transcript proxy = Transcript.of("index", "create", "--root", root, "mirror", "--upstream",
                "https://user:secret@pypi.example/simple/", "--ttl", "60", "--allow", "Acme_*", "--allow", "requests");
        assertThat(proxy.exitCode()).as(proxy.err()).isZero();
        assertThat(proxy.out()).contains("Index 'mirror': proxy of https://****@pypi.example/simple/, allowing"
                + " acme-*, requests, listings kept 60 s");
        Transcript company = Transcript.of("index", "create", "--root", root, "company", "--bases", "main,mirror",
                "--merge");
        assertThat(company.exitCode()).as(company.err()).isZero();
        try (ServerRoot opened = ServerRoot.open(Path.of(root))) {
            assertThat(opened.store().index("mirror")).hasValue(new IndexConfig("mirror", List.of(), false,
                    Optional.of(URI.create("https://user:secret@pypi.example/simple/")), List.of("acme-*", "requests"),
                    Optional.of(Duration.ofSeconds(60))));
            assertThat(opened.store().index("company").orElseThrow().bases()).containsExactly("main", "mirror");
        }
        Transcript list = Transcript.of("index", "list", "--root", root);
        assertThat(list.out().lines()).containsExactly("company: bases main, mirror (merged)", "main",
                "mirror: proxy of https://****@pypi.example/simple/, allowing acme-*, requests, listings kept 60 s");
    }

    @Test
    void refusesProxySettingsWithoutAnUpstreamAndBadPatterns() {
        String root = tmp.resolve("root").toString();
        Transcript noUpstream = Transcript.of("index", "create", "--root", root, "x", "--ttl", "5");
        assertThat(noUpstream.exitCode()).isNotZero();
        assertThat(noUpstream.err()).contains("--ttl and --allow configure a proxy index: give its --upstream URL");
        Transcript pattern = Transcript.of("index", "create", "--root", root, "x", "--upstream",
                "https://pypi.org/simple/", "--allow", "a/b");
        assertThat(pattern.exitCode()).isNotZero();
        assertThat(pattern.err()).contains("'a/b' is not an allow pattern");
        Transcript scheme = Transcript.of("index", "create", "--root", root, "x", "--upstream", "ftp://host/simple/");
        assertThat(scheme.err()).contains("--upstream ftp://host/simple/ is not an http(s) URL");
    }
}

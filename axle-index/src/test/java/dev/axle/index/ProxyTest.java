package dev.axle.index;

import static dev.axle.index.LoopbackServer.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.axle.pep.ProjectName;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Proxies from the environment map: which URLs go through which, and a real proxy on loopback. */
class ProxyTest {
    private static final ProjectName HOLYGRAIL = ProjectName.parse("holygrail");
    private static final String PAGE = """
            {"meta": {"api-version": "1.1"}, "name": "holygrail", "files": []}""";

    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    private static Optional<String> proxyFor(EnvironmentProxies proxies, String url) {
        return proxies.proxyFor(URI.create(url)).map(URI::toString);
    }

    @Test
    void schemesLowerCaseFirstAndNoProxy() {
        var proxies = EnvironmentProxies.of(Map.of(
                "HTTPS_PROXY", "http://secure-proxy:3128",
                "http_proxy", "http://plain-proxy:8080",
                "HTTP_PROXY", "http://upper-case-loses:1",
                "NO_PROXY", "example.org, .internal,10.0.0.1:8443,[::1]"));

        assertThat(proxyFor(proxies, "https://pypi.org/simple/")).hasValue("http://secure-proxy:3128");
        assertThat(proxyFor(proxies, "http://pypi.org/simple/")).hasValue("http://plain-proxy:8080");
        assertThat(proxyFor(proxies, "https://example.org/")).isEmpty();
        assertThat(proxyFor(proxies, "https://files.EXAMPLE.org/")).isEmpty();
        assertThat(proxyFor(proxies, "https://notexample.org/")).isPresent();
        assertThat(proxyFor(proxies, "https://pypi.internal/")).isEmpty();
        assertThat(proxyFor(proxies, "https://10.0.0.1:8443/")).isEmpty();
        assertThat(proxyFor(proxies, "https://10.0.0.1/")).isPresent();
        assertThat(proxyFor(proxies, "http://[::1]:8080/")).isEmpty();
    }

    @Test
    void allProxyBareHostAndStar() {
        var all = EnvironmentProxies.of(Map.of("ALL_PROXY", "proxy.corp:3128"));
        assertThat(proxyFor(all, "https://pypi.org/")).hasValue("http://proxy.corp:3128");
        assertThat(proxyFor(all, "http://pypi.org/")).hasValue("http://proxy.corp:3128");

        var none = EnvironmentProxies.of(Map.of("https_proxy", "http://proxy:1", "no_proxy", "*"));
        assertThat(proxyFor(none, "https://pypi.org/")).isEmpty();
        assertThat(EnvironmentProxies.of(Map.of()).any()).isFalse();
    }

    @Test
    void unusableProxyVariableIsRejectedWithoutItsPassword() {
        assertThatThrownBy(() -> EnvironmentProxies.of(Map.of("HTTPS_PROXY", "socks5://carol:pr0xy@proxy:1080")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("https_proxy", "socks5://****@proxy:1080")
                .hasMessageNotContaining("pr0xy");
        assertThatThrownBy(() -> EnvironmentProxies.of(Map.of("http_proxy", "https://proxy:443")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("https and SOCKS");
    }

    private LoopbackServer server() throws Exception {
        var server = new LoopbackServer();
        open.add(server);
        return server;
    }

    private Index index(URI url, IndexOptions options) {
        Index index = Index.of(url, options);
        open.add(index);
        return index;
    }

    @Test
    void plainHttpThroughAProxyThatRequiresCredentials() throws Exception {
        String expected = "Basic " + Base64.getEncoder().encodeToString("carol:pr0xy".getBytes(StandardCharsets.UTF_8));
        var proxy = server().on("/", x -> {
            if (x.getRequestURI().getPath().startsWith("/private/")) {
                // The index behind the proxy asks for its own credentials: not the proxy's.
                x.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"index\"");
                send(x, 401, "text/plain", "who are you?");
            } else if (expected.equals(x.getRequestHeaders().getFirst("Proxy-Authorization"))) {
                send(x, 200, SimpleApi.JSON_V1, PAGE);
            } else {
                x.getResponseHeaders().set("Proxy-Authenticate", "Basic realm=\"proxy\"");
                send(x, 407, "text/plain", "who are you?");
            }
        });
        String proxyUrl = "http://carol:pr0xy@127.0.0.1:" + proxy.url("/").getPort();
        // pypi.example does not resolve: only the proxy can reach it. Plain http needs it trusted.
        IndexOptions options = HttpIndexTest.FAST.withEnvironment(Map.of("HTTP_PROXY", proxyUrl))
                .withTrustedHosts(List.of("pypi.example"));

        assertThat(index(URI.create("http://pypi.example/simple/"), options).projectPage(HOLYGRAIL)).isPresent();

        assertThat(proxy.requests).extracting(LoopbackServer.Request::target).allSatisfy(target ->
                assertThat(target).hasToString("http://pypi.example/simple/holygrail/"));
        assertThat(proxy.requests).extracting(r -> r.header("Proxy-Authorization")).containsExactly(expected);
        assertThat(proxy.requests).allSatisfy(r -> assertThat(r.authorization()).isNull());

        var privateIndex = Thrown.by(IndexUnavailableException.class,
                () -> index(URI.create("http://pypi.example/private/"), options).projectPage(HOLYGRAIL));
        assertThat(privateIndex.getMessage()).contains("HTTP 401", "requires credentials");
        assertThat(proxy.requests.get(proxy.requests.size() - 1).authorization()).isNull();

        Index refused = index(URI.create("http://pypi.example/simple/"), options.withEnvironment(
                Map.of("HTTP_PROXY", proxyUrl.replace("carol:pr0xy@", ""))));
        var e = Thrown.by(IndexUnavailableException.class, () -> refused.projectPage(HOLYGRAIL));
        assertThat(e.getMessage()).contains("HTTP 407", "proxy URL");
    }

    @Test
    void noProxyHostsAreReachedDirectly() throws Exception {
        var server = server().on("/simple/", x -> send(x, 200, SimpleApi.JSON_V1, PAGE));
        IndexOptions options = HttpIndexTest.FAST.withEnvironment(Map.of(
                "http_proxy", "http://127.0.0.1:1", "no_proxy", "localhost,127.0.0.1"));

        assertThat(index(server.url("/simple/"), options).projectPage(HOLYGRAIL)).isPresent();

        // Without the exception, the dead proxy is tried.
        Index proxied = index(server.url("/simple/"), options.withEnvironment(Map.of("http_proxy", "http://127.0.0.1:1")));
        assertThat(Thrown.by(IndexUnavailableException.class, () -> proxied.projectPage(HOLYGRAIL)).status()).isEmpty();
        assertThat(server.requests).hasSize(1);
    }
}

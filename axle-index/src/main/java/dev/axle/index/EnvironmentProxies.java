package dev.axle.index;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The proxies the environment names, as curl and Python's urllib read them: {@code https_proxy}
 * for https URLs, {@code http_proxy} for http ones, {@code all_proxy} for both when those are
 * unset; the lower-case name wins over the upper-case one. {@code no_proxy} lists hosts to reach
 * directly: a comma-separated list of host names (also matching their subdomains; a leading dot
 * is allowed), IP addresses, optionally with {@code :PORT}, or {@code *} for all hosts. (CIDR
 * ranges are not understood.)
 *
 * <p>A proxy URL's credentials ({@code http://user:pass@proxy:3128}) are given to the JDK as
 * Proxy-Authorization; see {@link #authorization(URI)} for the JDK's limits.
 */
final class EnvironmentProxies extends ProxySelector {
    private final Optional<URI> http;
    private final Optional<URI> https;
    private final List<String> noProxy;

    private EnvironmentProxies(Optional<URI> http, Optional<URI> https, List<String> noProxy) {
        this.http = http;
        this.https = https;
        this.noProxy = noProxy;
    }

    /**
     * @throws IllegalArgumentException if a proxy variable is not a URL (or {@code host:port})
     */
    static EnvironmentProxies of(Map<String, String> environment) {
        Optional<URI> all = proxy(environment, "all_proxy");
        List<String> noProxy = new ArrayList<>();
        for (String entry : variable(environment, "no_proxy").orElse("").split(",")) {
            if (!entry.isBlank()) {
                noProxy.add(entry.strip().toLowerCase(Locale.ROOT));
            }
        }
        return new EnvironmentProxies(proxy(environment, "http_proxy").or(() -> all),
                proxy(environment, "https_proxy").or(() -> all), List.copyOf(noProxy));
    }

    /** Whether any proxy is configured. */
    boolean any() {
        return http.isPresent() || https.isPresent();
    }

    /** The proxy's URL for {@code url}, if it is not reached directly. */
    Optional<URI> proxyFor(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        Optional<URI> proxy = scheme.equals("https") ? https : scheme.equals("http") ? http : Optional.empty();
        return proxy.filter(p -> url.getHost() == null || !bypassed(url.getHost(), Fetcher.port(url)));
    }

    @Override
    public List<Proxy> select(URI url) {
        return proxyFor(url)
                .map(p -> List.of(new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(p.getHost(),
                        proxyPort(p)))))
                .orElse(List.of(Proxy.NO_PROXY));
    }

    private static int proxyPort(URI proxy) {
        return proxy.getPort() >= 0 ? proxy.getPort() : 80;
    }

    @Override
    public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {
        // Nothing to fall back to: the failure is reported by the request.
    }

    private boolean bypassed(String host, int port) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[")) {
            h = h.substring(1, h.length() - 1);
        }
        for (String entry : noProxy) {
            if (entry.equals("*")) {
                return true;
            }
            String name = entry;
            int entryPort = -1;
            int colon = entry.lastIndexOf(':');
            if (colon > 0 && entry.indexOf(':') == colon) {
                name = entry.substring(0, colon);
                try {
                    entryPort = Integer.parseInt(entry.substring(colon + 1));
                } catch (NumberFormatException e) {
                    continue;
                }
            }
            name = name.startsWith("[") && name.endsWith("]") ? name.substring(1, name.length() - 1) : name;
            name = name.startsWith(".") ? name.substring(1) : name;
            boolean hostMatches = h.equals(name) || h.endsWith("." + name);
            if (hostMatches && (entryPort < 0 || entryPort == port)) {
                return true;
            }
        }
        return false;
    }

    private static Optional<String> variable(Map<String, String> environment, String lowerName) {
        return Optional.ofNullable(environment.get(lowerName))
                .or(() -> Optional.ofNullable(environment.get(lowerName.toUpperCase(Locale.ROOT))))
                .filter(v -> !v.isBlank())
                .map(String::strip);
    }

    private static Optional<URI> proxy(Map<String, String> environment, String name) {
        return variable(environment, name).map(v -> {
            // curl and urllib accept a bare host:port, meaning an http proxy.
            URI uri;
            try {
                uri = URI.create(v.contains("://") ? v : "http://" + v);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(name + " is not a proxy URL: " + redactedValue(v), e);
            }
            // The JDK's HTTP client speaks to a proxy in plain HTTP only: no TLS to it, no SOCKS.
            if (uri.getHost() == null || !"http".equalsIgnoreCase(uri.getScheme())) {
                throw new IllegalArgumentException(name + " must be an http proxy URL such as"
                        + " http://proxy.example:3128 (https and SOCKS proxies are not supported): "
                        + redactedValue(v));
            }
            return uri;
        });
    }

    private static String redactedValue(String v) {
        int at = v.lastIndexOf('@');
        int start = v.contains("://") ? v.indexOf("://") + 3 : 0;
        return at > start ? v.substring(0, start) + "****" + v.substring(at) : v;
    }

    /**
     * The Proxy-Authorization header for {@code url}'s proxy, if its proxy URL has credentials.
     * Sent with every request rather than through a {@link java.net.Authenticator}: with one
     * installed, the JDK turns an index's own 401 into an exception, which would hide it from the
     * netrc and keyring lookup.
     *
     * <p>The JDK's limits: for plain http URLs the header reaches the proxy as set. For https
     * URLs, tunnelled through CONNECT, the JDK copies it into the CONNECT request only if Basic is
     * not in {@code jdk.http.auth.tunneling.disabledSchemes}, and by default it is: the JVM must be
     * started with {@code -Djdk.http.auth.tunneling.disabledSchemes=} (empty) for an https index
     * behind a proxy that requires credentials.
     */
    Optional<String> authorization(URI url) {
        return proxyFor(url).flatMap(Credentials::of).map(Credentials::basicAuthorization);
    }
}

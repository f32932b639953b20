package dev.axle.index;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * A user name and password taken from a URL's user information ({@code https://user:pass@host/}),
 * sent as HTTP Basic authentication and never printed: every URL axle shows goes through
 * {@link #redact(URI)}.
 */
record Credentials(String user, String password) {

    /** The credentials in {@code url}'s user information, decoded; empty if it has none. */
    static Optional<Credentials> of(URI url) {
        String info = url.getUserInfo();
        if (info == null || info.isEmpty()) {
            return Optional.empty();
        }
        int colon = info.indexOf(':');
        // A lone user part is usually a token (as pip reads it): a user with an empty password.
        return Optional.of(colon < 0 ? new Credentials(info, "")
                : new Credentials(info.substring(0, colon), info.substring(colon + 1)));
    }

    /** The Authorization header value. */
    String basicAuthorization() {
        String pair = user + ":" + password;
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * {@code url} as it may be shown: a password replaced by {@code ****}, and a user part without
     * a password (often a token) replaced entirely.
     */
    static String redact(URI url) {
        String info = url.getRawUserInfo();
        if (info == null) {
            return url.toString();
        }
        int colon = info.indexOf(':');
        String shown = colon < 0 ? "****" : info.substring(0, colon) + ":****";
        return withUserInfo(url, shown).toString();
    }

    /** {@code url} without user information: what is requested, parsed against and kept. */
    static URI strip(URI url) {
        return url.getRawUserInfo() == null ? url : withUserInfo(url, null);
    }

    private static URI withUserInfo(URI url, String rawUserInfo) {
        StringBuilder s = new StringBuilder(url.getScheme() == null ? "" : url.getScheme() + ":").append("//");
        if (rawUserInfo != null) {
            s.append(rawUserInfo).append('@');
        }
        s.append(url.getRawAuthority().substring(url.getRawAuthority().lastIndexOf('@') + 1));
        if (url.getRawPath() != null) {
            s.append(url.getRawPath());
        }
        if (url.getRawQuery() != null) {
            s.append('?').append(url.getRawQuery());
        }
        if (url.getRawFragment() != null) {
            s.append('#').append(url.getRawFragment());
        }
        try {
            return new URI(s.toString());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("a URL that cannot be rebuilt without its credentials", e);
        }
    }

    /** Never shows the password. */
    @Override
    public String toString() {
        return "Credentials[user=" + user + ", password=****]";
    }
}

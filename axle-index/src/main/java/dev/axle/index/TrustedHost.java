package dev.axle.index;

import java.util.Locale;

/** A {@code --trusted-host} entry: a host, and a port if given (then only that port is trusted). */
record TrustedHost(String host, int port) {

    /**
     * Parses {@code HOST}, {@code HOST:PORT}, {@code [IPv6]} or {@code [IPv6]:PORT}.
     *
     * @throws IllegalArgumentException if it is none of these
     */
    static TrustedHost parse(String s) {
        String text = s.strip().toLowerCase(Locale.ROOT);
        String host = text;
        String port = null;
        if (text.startsWith("[")) {
            int close = text.indexOf(']');
            if (close < 0 || close + 1 < text.length() && text.charAt(close + 1) != ':') {
                throw invalid(s);
            }
            host = text.substring(1, close);
            port = close + 1 < text.length() ? text.substring(close + 2) : null;
        } else if (text.indexOf(':') >= 0 && text.indexOf(':') == text.lastIndexOf(':')) {
            host = text.substring(0, text.indexOf(':'));
            port = text.substring(text.indexOf(':') + 1);
        } // else a bare IPv6 address, or a host without a port
        if (host.isEmpty() || host.contains("/") || host.contains("@") || host.chars().anyMatch(Character::isWhitespace)
                || port != null && (port.isEmpty() || port.length() > 5 || !port.chars().allMatch(c -> c >= '0' && c <= '9'))) {
            throw invalid(s);
        }
        return new TrustedHost(host, port == null ? -1 : Integer.parseInt(port));
    }

    boolean matches(String host, int port) {
        String h = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        return this.host.equals(h.toLowerCase(Locale.ROOT)) && (this.port < 0 || this.port == port);
    }

    private static IllegalArgumentException invalid(String s) {
        return new IllegalArgumentException("a trusted host must be HOST or HOST:PORT, such as"
                + " pypi.example.com or 10.0.0.5:8443: " + s);
    }
}

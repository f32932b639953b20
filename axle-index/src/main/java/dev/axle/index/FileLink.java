package dev.axle.index;

import dev.axle.pep.PercentEncoding;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A link to a file as a page gives it: resolved to an absolute URL, with a
 * {@code #<hashname>=<hexdigest>} fragment (PEP 503) taken off and kept as a hash.
 *
 * @param url    absolute, without a hash fragment
 * @param hashes the fragment's hash, if it was one
 */
record FileLink(URI url, Map<String, String> hashes) {

    /**
     * The hash names a fragment may use: those Python's {@code hashlib} guarantees, which is
     * what the specification tells indexes to choose from. Anything else after {@code #} is
     * some other fragment and stays on the URL.
     */
    static final Set<String> HASH_NAMES = Set.of("md5", "sha1", "sha224", "sha256", "sha384", "sha512",
            "sha3_224", "sha3_256", "sha3_384", "sha3_512", "blake2b", "blake2s");

    /** {@code href} resolved against {@code base}, or empty if it is no URL even after escaping. */
    static Optional<FileLink> resolve(URI base, String href) {
        String target = href.strip();
        int hash = target.indexOf('#');
        Optional<Map.Entry<String, String>> fragmentHash =
                hash < 0 ? Optional.empty() : hash(PercentEncoding.decode(target.substring(hash + 1)));
        if (fragmentHash.isPresent()) {
            target = target.substring(0, hash);
        }
        Optional<URI> url = resolveUrl(base, target);
        return url.map(u -> new FileLink(u, fragmentHash.map(e -> Map.of(e.getKey(), e.getValue())).orElse(Map.of())));
    }

    /** {@code href} against {@code base}, escaping what a browser would escape (spaces, non-ASCII). */
    static Optional<URI> resolveUrl(URI base, String href) {
        try {
            return Optional.of(aboveRootDropped(base.resolve(new URI(escape(href)))));
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * RFC 3986 drops {@code ..} segments that would climb above the root (as browsers and
     * Python's {@code urljoin} do); java.net.URI keeps them, giving {@code https://host/../x}.
     */
    private static URI aboveRootDropped(URI url) throws URISyntaxException {
        String path = url.getRawPath();
        if (path == null || !path.startsWith("/../") || url.isOpaque()) {
            return url;
        }
        while (path.startsWith("/../")) {
            path = path.substring(3);
        }
        StringBuilder b = new StringBuilder(url.getScheme()).append(':');
        if (url.getRawAuthority() != null) {
            b.append("//").append(url.getRawAuthority());
        }
        b.append(path);
        if (url.getRawQuery() != null) {
            b.append('?').append(url.getRawQuery());
        }
        if (url.getRawFragment() != null) {
            b.append('#').append(url.getRawFragment());
        }
        return new URI(b.toString());
    }

    /** {@code name=hexdigest} with a known hash name, as (lower-case name, lower-case digest). */
    static Optional<Map.Entry<String, String>> hash(String text) {
        int eq = text.indexOf('=');
        if (eq <= 0) {
            return Optional.empty();
        }
        String name = text.substring(0, eq).strip().toLowerCase(Locale.ROOT);
        String digest = text.substring(eq + 1).strip().toLowerCase(Locale.ROOT);
        boolean hex = !digest.isEmpty() && digest.chars().allMatch(c -> "0123456789abcdef".indexOf(c) >= 0);
        return HASH_NAMES.contains(name) && hex ? Optional.of(Map.entry(name, digest)) : Optional.empty();
    }

    /**
     * The file name a URL names: its last path segment, percent-decoded, as pip and uv take it
     * (the anchor text SHOULD be the same, but the URL is what gets downloaded). Empty if the
     * path ends with {@code /}.
     */
    static String filename(URI url) {
        String path = url.getRawPath();
        if (path == null) {
            return "";
        }
        return PercentEncoding.decode(path.substring(path.lastIndexOf('/') + 1));
    }


    /** Percent-encodes the characters java.net.URI refuses, leaving existing escapes alone. */
    private static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (byte x : s.getBytes(StandardCharsets.UTF_8)) {
            int c = x & 0xff;
            if (c > 0x20 && c < 0x7f && "\"<>\\^`{|}".indexOf(c) < 0) {
                b.append((char) c);
            } else {
                b.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return b.toString();
    }
}

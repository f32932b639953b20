package dev.axle.index;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A stored response: the URL it finally came from (after redirects, without credentials), when
 * it was received, the headers that matter to caching and parsing, and its body.
 *
 * <p>Stored as a small text head ({@code url}, {@code time}, then one {@code name: value} line
 * per header), an empty line, and the body's bytes.
 */
record CacheEntry(URI url, long receivedMillis, Map<String, String> headers, byte[] body) {
    private static final String MAGIC = "axle-http-cache 1";
    private static final List<String> KEPT = List.of("content-type", "cache-control", "etag", "last-modified", "age");

    static CacheEntry of(URI url, HttpHeaders headers, long receivedMillis, byte[] body) {
        return new CacheEntry(Credentials.strip(url), receivedMillis, kept(Map.of(), headers), body);
    }

    /** Whether a response with these headers may be stored at all. */
    static boolean storable(HttpHeaders headers) {
        return !control(headers.firstValue("cache-control")).noStore();
    }

    CacheControl control() {
        return control(Optional.ofNullable(headers.get("cache-control")));
    }

    private static CacheControl control(Optional<String> header) {
        return header.map(CacheControl::parse).orElse(CacheControl.NONE);
    }

    /**
     * Whether it may be used at {@code nowMillis} without asking the server: within its max-age
     * (counting the Age it had when received), and not marked no-cache. A response without
     * max-age is never fresh: it is revalidated (or refetched) each time.
     */
    boolean fresh(long nowMillis) {
        CacheControl c = control();
        if (c.noCache() || c.maxAge().isEmpty()) {
            return false;
        }
        long ageMillis = Math.max(0, nowMillis - receivedMillis) + 1000 * age();
        return ageMillis < 1000 * c.maxAge().getAsLong();
    }

    /** Whether it may stand in for a response when the server cannot be reached. */
    boolean usableWhenDisconnected() {
        CacheControl c = control();
        return !c.noCache() && !c.mustRevalidate();
    }

    private long age() {
        String age = headers.getOrDefault("age", "").strip();
        return !age.isEmpty() && age.length() < 12 && age.chars().allMatch(c -> c >= '0' && c <= '9')
                ? Long.parseLong(age) : 0;
    }

    /** The headers that make a request conditional on the stored response having changed. */
    Map<String, String> validators() {
        Map<String, String> v = new LinkedHashMap<>();
        Optional.ofNullable(headers.get("etag")).ifPresent(e -> v.put("If-None-Match", e));
        Optional.ofNullable(headers.get("last-modified")).ifPresent(m -> v.put("If-Modified-Since", m));
        return v;
    }

    /** This entry brought up to date by a 304 response's headers, received at {@code nowMillis}. */
    CacheEntry refreshed(HttpHeaders notModified, long nowMillis) {
        Map<String, String> updated = kept(headers, notModified);
        if (notModified.firstValue("age").isEmpty()) {
            updated.remove("age");
        }
        return new CacheEntry(url, nowMillis, updated, body);
    }

    private static Map<String, String> kept(Map<String, String> old, HttpHeaders headers) {
        Map<String, String> kept = new LinkedHashMap<>(old);
        for (String name : KEPT) {
            headers.firstValue(name).ifPresent(v -> kept.put(name, v));
        }
        return kept;
    }

    ResponseBody.Head head() {
        return new ResponseBody.Head(url, Optional.ofNullable(headers.get("content-type")),
                OptionalLong.of(body.length));
    }

    /** Gives the stored response to {@code target} as if it had just been received. */
    ResponseBody.Head replay(ResponseBody target) throws IOException {
        ResponseBody.Head head = head();
        target.start(head);
        target.accept(ByteBuffer.wrap(body).asReadOnlyBuffer());
        return head;
    }

    byte[] encode() {
        StringBuilder head = new StringBuilder(MAGIC).append('\n')
                .append("url ").append(url).append('\n')
                .append("time ").append(receivedMillis).append('\n');
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append('\n'));
        head.append('\n');
        var out = new ByteArrayOutputStream();
        out.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
        out.writeBytes(body);
        return out.toByteArray();
    }

    /** The entry in {@code bytes}; empty if they are not one (a foreign or damaged file). */
    static Optional<CacheEntry> decode(byte[] bytes) {
        int end = -1;
        for (int i = 0; i + 1 < bytes.length; i++) {
            if (bytes[i] == '\n' && bytes[i + 1] == '\n') {
                end = i;
                break;
            }
        }
        if (end < 0) {
            return Optional.empty();
        }
        String[] lines = new String(bytes, 0, end, StandardCharsets.UTF_8).split("\n");
        if (lines.length < 3 || !lines[0].equals(MAGIC) || !lines[1].startsWith("url ") || !lines[2].startsWith("time ")) {
            return Optional.empty();
        }
        try {
            URI url = URI.create(lines[1].substring(4));
            long time = Long.parseLong(lines[2].substring(5));
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 3; i < lines.length; i++) {
                int colon = lines[i].indexOf(": ");
                if (colon < 0) {
                    return Optional.empty();
                }
                headers.put(lines[i].substring(0, colon), lines[i].substring(colon + 2));
            }
            byte[] body = new byte[bytes.length - end - 2];
            System.arraycopy(bytes, end + 2, body, 0, body.length);
            return Optional.of(new CacheEntry(url, time, headers, body));
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }
}

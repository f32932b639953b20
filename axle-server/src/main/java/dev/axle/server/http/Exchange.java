package dev.axle.server.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

/** One request and its response, with the few ways this server answers. */
final class Exchange {
    static final String PAGE_CACHE = "max-age=60, public";
    static final String FILE_CACHE = "max-age=31536000, public, immutable";

    final Request request;
    final Response response;
    final Callback callback;
    /** The route name counted in the metrics (set by the router). */
    String route = "other";
    /** The store's serial as this request first read it ({@link PageCache#serial()}). */
    long serial = -1;

    Exchange(Request request, Response response, Callback callback) {
        this.request = request;
        this.response = response;
        this.callback = callback;
    }

    String method() {
        return request.getMethod();
    }

    boolean isHead() {
        return "HEAD".equals(request.getMethod());
    }

    String header(HttpHeader header) {
        return request.getHeaders().get(header);
    }

    /** The query parameter {@code name}, or null. */
    String query(String name) {
        Fields fields = Request.extractQueryParameters(request);
        return fields.getValue(name);
    }

    HttpFields.Mutable headers() {
        return response.getHeaders();
    }

    /** Sends {@code body} (leaving it out for HEAD) with a Content-Length. */
    void send(int status, String contentType, byte[] body) {
        response.setStatus(status);
        if (contentType != null) {
            headers().put(HttpHeader.CONTENT_TYPE, contentType);
        }
        headers().put(HttpHeader.CONTENT_LENGTH, body.length);
        if (isHead() || body.length == 0) {
            response.write(true, null, callback);
        } else {
            response.write(true, ByteBuffer.wrap(body), callback);
        }
    }

    /**
     * Sends a page with a strong ETag of its bytes, or 304 when the client's If-None-Match
     * names it. Pages vary by Accept.
     */
    void sendPage(String contentType, byte[] body) {
        sendPage(contentType, body, etag(body));
    }

    /** A page's strong entity tag: the first half of its sha256, quoted. */
    static String etag(byte[] body) {
        return '"' + sha256(body).substring(0, 32) + '"';
    }

    /** A page whose entity tag is known: 304 when the client has it, else the page. */
    void sendPage(String contentType, byte[] body, String etag) {
        headers().put(HttpHeader.ETAG, etag);
        headers().put(HttpHeader.CACHE_CONTROL, PAGE_CACHE);
        headers().put(HttpHeader.VARY, "Accept");
        if (matches(header(HttpHeader.IF_NONE_MATCH), etag)) {
            response.setStatus(304);
            response.write(true, null, callback);
            return;
        }
        send(200, contentType, body);
    }

    /** If-None-Match's weak comparison: any listed tag (or *) equal to {@code etag} apart from W/. */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String tag : ifNoneMatch.split(",")) {
            String t = tag.trim();
            if (t.equals("*") || (t.startsWith("W/") ? t.substring(2) : t).equals(etag)) {
                return true;
            }
        }
        return false;
    }

    /** A plain-text answer, for errors and short messages. */
    void text(int status, String message) {
        send(status, "text/plain; charset=utf-8", (message + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /** A permanent redirect to {@code location}, keeping the query string. */
    void redirect(String location) {
        String query = request.getHttpURI().getQuery();
        headers().put(HttpHeader.LOCATION, query == null ? location : location + "?" + query);
        text(301, "Moved to " + location);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package dev.axle.server;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** The JDK's HTTP client against the server under test; redirects are not followed. */
public final class Http {
    public static final String SIMPLE_JSON = "application/vnd.pypi.simple.v1+json";
    public static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private Http() {}

    public static HttpResponse<String> get(URI base, String path, String... headers) throws IOException, InterruptedException {
        return send(base, "GET", path, HttpRequest.BodyPublishers.noBody(), headers);
    }

    public static HttpResponse<String> send(URI base, String method, String path, HttpRequest.BodyPublisher body,
            String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).method(method, body);
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** A JSON document: the simple API's when the server negotiates. */
    public static com.fasterxml.jackson.databind.JsonNode json(URI base, String path) throws IOException, InterruptedException {
        return JSON.readTree(get(base, path, "Accept", SIMPLE_JSON).body());
    }

    public static HttpResponse<byte[]> bytes(URI base, String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}

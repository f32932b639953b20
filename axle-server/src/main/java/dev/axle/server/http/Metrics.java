package dev.axle.server.http;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** The counters {@code /metrics} shows in Prometheus' text format. */
final class Metrics {
    private final Map<String, LongAdder> requests = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> uploads = new ConcurrentHashMap<>();
    private final LongAdder bytesServed = new LongAdder();

    void request(String route, int status) {
        requests.computeIfAbsent("route=\"" + route + "\",status=\"" + status + "\"", k -> new LongAdder())
                .increment();
    }

    void upload(String index, String outcome) {
        uploads.computeIfAbsent("index=\"" + index + "\",outcome=\"" + outcome + "\"", k -> new LongAdder())
                .increment();
    }

    void served(long bytes) {
        bytesServed.add(bytes);
    }

    byte[] render() {
        StringBuilder out = new StringBuilder();
        out.append("# HELP axle_http_requests_total HTTP requests answered, by route and status.\n")
                .append("# TYPE axle_http_requests_total counter\n");
        new TreeMap<>(requests).forEach((labels, n) ->
                out.append("axle_http_requests_total{").append(labels).append("} ").append(n.sum()).append('\n'));
        out.append("# HELP axle_uploads_total Uploads, by index and outcome.\n")
                .append("# TYPE axle_uploads_total counter\n");
        new TreeMap<>(uploads).forEach((labels, n) ->
                out.append("axle_uploads_total{").append(labels).append("} ").append(n.sum()).append('\n'));
        out.append("# HELP axle_file_bytes_served_total Bytes of distribution and metadata files sent.\n")
                .append("# TYPE axle_file_bytes_served_total counter\n")
                .append("axle_file_bytes_served_total ").append(bytesServed.sum()).append('\n');
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }
}

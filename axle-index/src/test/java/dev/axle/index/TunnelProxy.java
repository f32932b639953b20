package dev.axle.index;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An HTTP proxy on loopback that only tunnels (CONNECT), as proxies do for https. Records each
 * request line and its headers (names in lower case).
 */
final class TunnelProxy implements AutoCloseable {
    record Connect(String requestLine, Map<String, String> headers) {}

    final List<Connect> connects = new CopyOnWriteArrayList<>();
    private final ServerSocket socket;
    private final ExecutorService threads = Executors.newCachedThreadPool();

    private final boolean requireCredentials;

    /** A proxy that tunnels for anyone, or only for requests with Proxy-Authorization. */
    TunnelProxy(boolean requireCredentials) throws IOException {
        this.requireCredentials = requireCredentials;
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        threads.execute(() -> {
            while (!socket.isClosed()) {
                try {
                    Socket client = socket.accept();
                    threads.execute(() -> tunnel(client));
                } catch (IOException closed) {
                    return;
                }
            }
        });
    }

    int port() {
        return socket.getLocalPort();
    }

    private void tunnel(Socket client) {
        try (client) {
            InputStream in = client.getInputStream();
            OutputStream out = client.getOutputStream();
            String requestLine = line(in);
            Map<String, String> headers = new LinkedHashMap<>();
            for (String h = line(in); !h.isEmpty(); h = line(in)) {
                int colon = h.indexOf(':');
                headers.put(h.substring(0, colon).strip().toLowerCase(Locale.ROOT), h.substring(colon + 1).strip());
            }
            connects.add(new Connect(requestLine, headers));
            String[] parts = requestLine.split(" ");
            if (!parts[0].equals("CONNECT")) {
                out.write("HTTP/1.1 405 Method Not Allowed\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                return;
            }
            if (requireCredentials && !headers.containsKey("proxy-authorization")) {
                out.write(("HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"proxy\"\r\n"
                        + "Content-Length: 0\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                return;
            }
            int colon = parts[1].lastIndexOf(':');
            try (Socket upstream = new Socket(parts[1].substring(0, colon), Integer.parseInt(parts[1].substring(colon + 1)))) {
                out.write("HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                threads.execute(() -> {
                    try {
                        in.transferTo(upstream.getOutputStream());
                        upstream.shutdownOutput();
                    } catch (IOException ended) {
                        // either side closed
                    }
                });
                upstream.getInputStream().transferTo(out);
            }
        } catch (IOException | RuntimeException ended) {
            // a client that went away: nothing to tunnel
        }
    }

    private static String line(InputStream in) throws IOException {
        var bytes = new ByteArrayOutputStream();
        for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) {
            bytes.write(b);
        }
        return bytes.toString(StandardCharsets.US_ASCII).strip();
    }

    @Override
    public void close() throws IOException {
        socket.close();
        threads.shutdownNow();
    }
}

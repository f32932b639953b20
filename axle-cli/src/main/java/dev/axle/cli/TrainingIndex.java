package dev.axle.cli;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.SimpleFileServer;
import dev.axle.installer.wheel.WheelArchive;
import dev.axle.pep.WheelFilename;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * A package index of the training wheels on loopback, so that the class cache also holds what
 * resolving from an index loads (HTTP client, page parsers, resolver): a PEP 503 tree with
 * sha256 fragments and PEP 658 metadata files, served by the JDK's file server.
 */
final class TrainingIndex implements AutoCloseable {
    private final HttpServer server;

    private TrainingIndex(HttpServer server) {
        this.server = server;
    }

    /** Writes the tree for {@code wheels} into {@code root} and serves it on a free loopback port. */
    static TrainingIndex serve(Path root, List<Path> wheels) throws IOException {
        Path files = Files.createDirectories(root.resolve("files"));
        StringBuilder list = new StringBuilder("<!DOCTYPE html><html><body>\n");
        for (Path wheel : wheels) {
            String filename = wheel.getFileName().toString();
            String project = WheelFilename.parse(filename).name();
            byte[] bytes = Files.readAllBytes(wheel);
            byte[] metadata;
            try (WheelArchive archive = WheelArchive.open(wheel)) {
                metadata = archive.metadata();
            }
            Files.write(files.resolve(filename), bytes);
            Files.write(files.resolve(filename + ".metadata"), metadata);
            Path page = Files.createDirectories(root.resolve("simple").resolve(project)).resolve("index.html");
            String sha = "sha256=" + sha256(metadata);
            Files.writeString(page, "<!DOCTYPE html><html><body>\n<a href=\"../../files/" + filename + "#sha256="
                    + sha256(bytes) + "\" data-requires-python=\"&gt;=3\" data-dist-info-metadata=\"" + sha
                    + "\" data-core-metadata=\"" + sha + "\">" + filename + "</a>\n</body></html>\n");
            list.append("<a href=\"").append(project).append("/\">").append(project).append("</a>\n");
        }
        Files.writeString(root.resolve("simple").resolve("index.html"), list + "</body></html>\n");
        HttpServer server = SimpleFileServer.createFileServer(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), root, SimpleFileServer.OutputLevel.NONE);
        server.start();
        return new TrainingIndex(server);
    }

    /** The index URL: {@code http://127.0.0.1:PORT/simple/}. */
    String url() {
        return "http://" + server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort()
                + "/simple/";
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

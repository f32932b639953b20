package dev.axle.mirror;

import dev.axle.server.Publication;
import dev.axle.server.Published;
import dev.axle.server.ServerRoot;
import dev.axle.server.TestDists;
import dev.axle.server.TestServer;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/** A real axle server on loopback as the upstream, with releases published, yanked and deleted by the tests. */
final class UpstreamIndex implements AutoCloseable {
    private final TestServer server;
    private final Path dist;

    private UpstreamIndex(TestServer server, Path dist) {
        this.server = server;
        this.dist = dist;
    }

    static UpstreamIndex start(Path folder) throws IOException {
        return new UpstreamIndex(TestServer.start(folder.resolve("upstream")), folder.resolve("dist"));
    }

    URI simple() {
        return server.base().resolve("/simple/");
    }

    ServerRoot root() {
        return server.root();
    }

    /** A pure wheel whose module {@code <name>_mod} has {@code VALUE = '<version>'}; {@code headers} end in newlines. */
    Path wheel(String name, String version, String headers) throws IOException {
        String metadata = TestDists.metadata("2.1", name, version, headers, "");
        Path wheel = TestDists.wheel(dist.resolve(name + "-" + version), name, version, metadata);
        check(Published.publish(server.root(), "main", wheel, name, version, metadata));
        return wheel;
    }

    Path wheel(String name, String version) throws IOException {
        return wheel(name, version, "");
    }

    Path sdist(String name, String version) throws IOException {
        String metadata = TestDists.metadata("2.1", name, version, "", "");
        Path sdist = TestDists.sdist(dist.resolve(name + "-" + version), name, version, metadata);
        check(Published.publish(server.root(), "main", sdist, name, version, metadata));
        return sdist;
    }

    /** A wheel's bytes published under another filename (other tags), {@code padding} bytes larger. */
    void publishAs(String filename, String name, String version, int padding) throws IOException {
        Path wheel = TestDists.wheel(dist.resolve("as-" + filename), name, version);
        Path named = wheel.resolveSibling(filename);
        Files.move(wheel, named, StandardCopyOption.REPLACE_EXISTING);
        if (padding > 0) {
            byte[] extra = new byte[padding];
            new java.util.Random(padding).nextBytes(extra);
            Files.write(named, extra, java.nio.file.StandardOpenOption.APPEND);
        }
        check(Published.publish(server.root(), "main", named, name, version,
                TestDists.metadata("2.1", name, version, "", "")));
    }

    void yank(String project, String version, String reason) {
        server.root().store().setYanked("main", project, version, Optional.empty(), true, Optional.ofNullable(reason));
    }

    void unyank(String project, String version) {
        server.root().store().setYanked("main", project, version, Optional.empty(), false, Optional.empty());
    }

    void delete(String project, String version) throws IOException {
        new Publication(server.root().store(), server.root().blobs()).delete("main", project, version, Optional.empty());
    }

    private static void check(Publication.Outcome outcome) {
        if (outcome != Publication.Outcome.ADDED) {
            throw new IllegalStateException("not published: " + outcome);
        }
    }

    @Override
    public void close() {
        server.close();
    }
}

package dev.axle.index;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code python3 -m http.server} serving a folder on loopback: the simplest static PEP 503 index.
 * It does not honour Range requests (it answers them with the whole file, 200).
 */
public final class StaticHttpServer implements AutoCloseable {
    private final Process process;
    private final int port;

    private StaticHttpServer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Serves {@code root}; skips the test if no Python 3 can be found. */
    public static StaticHttpServer serve(Path root) throws IOException, InterruptedException {
        Path python = python3();
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Process p = new ProcessBuilder(python.toString(), "-m", "http.server", "--bind", "127.0.0.1",
                String.valueOf(port), "--directory", root.toString())
                .redirectErrorStream(true)
                .redirectOutput(root.resolveSibling(root.getFileName() + ".log").toFile())
                .start();
        var server = new StaticHttpServer(p, port);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new IllegalStateException("python3 -m http.server exited with " + p.exitValue());
            }
            try (Socket probe = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return server;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        server.close();
        throw new IllegalStateException("python3 -m http.server did not listen on port " + port + " within 20 s");
    }

    public URI url(String path) {
        return URI.create("http://127.0.0.1:" + port + "/" + path);
    }

    /** The first Python 3 that runs: on PATH, then Debian's, then pyenv's. */
    private static Path python3() throws InterruptedException {
        List<Path> candidates = new ArrayList<>();
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty()) {
                candidates.add(Path.of(dir, "python3"));
            }
        }
        candidates.add(Path.of("/usr/bin/python3"));
        Path pyenv = Path.of(System.getProperty("user.home"), ".pyenv", "versions");
        if (Files.isDirectory(pyenv)) {
            try (var versions = Files.list(pyenv)) {
                versions.sorted().forEach(v -> candidates.add(v.resolve("bin/python3")));
            } catch (IOException ignored) {
                // no pyenv versions to try
            }
        }
        for (Path c : candidates) {
            if (Files.isExecutable(c) && runs(c)) {
                return c;
            }
        }
        assumeTrue(false, "no python3 found on PATH, in /usr/bin or ~/.pyenv/versions:"
                + " the static index tests need one");
        throw new AssertionError("unreachable");
    }

    private static boolean runs(Path python) throws InterruptedException {
        try {
            Process p = new ProcessBuilder(python.toString(), "-c", "import http.server")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}

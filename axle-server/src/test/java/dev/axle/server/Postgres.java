package dev.axle.server;

import dev.axle.server.store.PostgresSettings;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A real PostgreSQL server for tests: Debian's binaries ({@code initdb}, {@code pg_ctl}), one
 * cluster per test JVM in a temporary folder on a free loopback port, stopped when the JVM ends;
 * each test asks for a {@link #database new database}. Run as root, the cluster belongs to the
 * {@code postgres} user (PostgreSQL refuses to run as root). {@code AXLE_TEST_POSTGRES_URL} (a
 * {@code jdbc:postgresql://} URL of a user that may create databases) uses a server already
 * running instead. Without either, the tests that need one are skipped.
 */
public final class Postgres {
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static Postgres shared;

    private final String adminUrl;
    private final String user;

    private Postgres(String adminUrl, String user) {
        this.adminUrl = adminUrl;
        this.user = user;
    }

    /** The server this JVM's tests share, started on first use; skips the test when there is none. */
    public static synchronized Postgres shared() {
        if (shared == null) {
            String url = System.getenv("AXLE_TEST_POSTGRES_URL");
            if (url != null && !url.isBlank()) {
                shared = new Postgres(url, null);
            } else {
                Optional<Path> bin = binaries();
                Assumptions.assumeTrue(bin.isPresent(), "no PostgreSQL binaries (initdb, pg_ctl): apt install"
                        + " postgresql, or set AXLE_TEST_POSTGRES_URL");
                try {
                    shared = start(bin.get());
                } catch (IOException e) {
                    throw new IllegalStateException("cannot start PostgreSQL from " + bin.get() + ": " + e.getMessage(),
                            e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }
        return shared;
    }

    /** A new empty database on the server, and how to reach it. */
    public PostgresSettings database() {
        return database(PostgresSettings.DEFAULT_POOL_SIZE);
    }

    /** A new empty database on the server, with servers keeping up to {@code poolSize} connections. */
    public PostgresSettings database(int poolSize) {
        String name = "axle_test_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        try (Connection c = user == null ? DriverManager.getConnection(adminUrl)
                : DriverManager.getConnection(adminUrl, user, "");
                Statement s = c.createStatement()) {
            s.executeUpdate("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name + " on " + adminUrl + ": "
                    + e.getMessage(), e);
        }
        String base = adminUrl.substring(0, adminUrl.lastIndexOf('/') + 1) + name;
        int query = adminUrl.indexOf('?');
        if (query > 0) {
            base = adminUrl.substring(0, adminUrl.lastIndexOf('/', query) + 1) + name + adminUrl.substring(query);
        }
        return new PostgresSettings(base, Optional.ofNullable(user), Optional.empty(), poolSize);
    }

    /** The folder holding initdb and pg_ctl: on PATH, or Debian's newest under /usr/lib/postgresql. */
    private static Optional<Path> binaries() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "initdb")) && Files.isExecutable(Path.of(dir,
                    "pg_ctl"))) {
                return Optional.of(Path.of(dir));
            }
        }
        Path debian = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(debian)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(debian)) {
            return versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
                    .max((a, b) -> Integer.compare(major(a), major(b)));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static int major(Path bin) {
        try {
            return Integer.parseInt(bin.getParent().getFileName().toString());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static Postgres start(Path bin) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("axle-postgres-");
        Path data = dir.resolve("data");
        boolean root = "root".equals(System.getProperty("user.name"));
        if (root) {
            UserPrincipal postgres = dir.getFileSystem().getUserPrincipalLookupService()
                    .lookupPrincipalByName("postgres");
            Files.setOwner(dir, postgres);
        }
        run(root, bin.resolve("initdb").toString(), "-D", data.toString(), "-U", "axle", "-A", "trust", "-E", "UTF8",
                "--no-locale", "--no-sync");
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        run(root, bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", dir.resolve("log").toString(), "-w",
                "-o", "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off"
                        + " -c synchronous_commit=off -c full_page_writes=off -c max_connections=300",
                "start");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                run(root, bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "stop");
            } catch (IOException | InterruptedException e) {
                // the JVM is ending; the temporary folder's server dies with the machine's next boot
            }
        }));
        return new Postgres("jdbc:postgresql://127.0.0.1:" + port + "/postgres", "axle");
    }

    private static void run(boolean asPostgres, String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>();
        if (asPostgres) {
            line.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        line.addAll(List.of(command));
        Process p = new ProcessBuilder(line).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", line) + " failed: " + new String(out));
        }
    }
}

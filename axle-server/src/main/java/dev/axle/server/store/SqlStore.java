package dev.axle.server.store;

import dev.axle.pep.Version;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The {@link Store} in SQL: one SQLite file ({@link #sqlite}) for a server on one machine, or a
 * PostgreSQL database ({@link #postgres}) that any number of servers share. The SQL is what both
 * accept; where they differ (connections, how writers are kept apart) is the {@link Database}'s.
 * The schema is brought up to date when a store opens ({@link #MIGRATIONS}), by whichever server
 * gets there first.
 */
public final class SqlStore implements Store {
    private static final String INDEX_COLUMNS = "name, bases, merge_bases, upstream, allow_names, ttl_seconds";
    private static final String FILE_COLUMNS = "index_name, project, version, filename, package_type, blob_key,"
            + " sha256, md5, size, upload_time, requires_python, yanked, yanked_reason, metadata_sha256, upstream_url";

    /**
     * The schema, one migration per element, applied in order once each ({@code schema_migrations}
     * records which). Never edit one that has shipped: add the next.
     */
    static final List<List<String>> MIGRATIONS = List.of(List.of(
            "CREATE TABLE IF NOT EXISTS indexes (name VARCHAR(64) PRIMARY KEY,"
                    + " bases TEXT NOT NULL, merge_bases INTEGER NOT NULL, upstream TEXT,"
                    + " allow_names TEXT NOT NULL, ttl_seconds BIGINT)",
            "CREATE TABLE IF NOT EXISTS serial (id INTEGER PRIMARY KEY, value BIGINT NOT NULL)",
            "CREATE TABLE IF NOT EXISTS projects (index_name VARCHAR(64) NOT NULL,"
                    + " name TEXT NOT NULL, display_name TEXT NOT NULL, last_serial BIGINT NOT NULL,"
                    + " PRIMARY KEY (index_name, name))",
            "CREATE TABLE IF NOT EXISTS releases (index_name VARCHAR(64) NOT NULL,"
                    + " project TEXT NOT NULL, version TEXT NOT NULL, metadata TEXT NOT NULL,"
                    + " created BIGINT NOT NULL, PRIMARY KEY (index_name, project, version))",
            "CREATE TABLE IF NOT EXISTS files (index_name VARCHAR(64) NOT NULL,"
                    + " project TEXT NOT NULL, version TEXT NOT NULL, filename TEXT NOT NULL,"
                    + " package_type TEXT NOT NULL, blob_key TEXT NOT NULL, sha256 TEXT NOT NULL,"
                    + " md5 TEXT NOT NULL, size BIGINT NOT NULL, upload_time BIGINT NOT NULL,"
                    + " requires_python TEXT, yanked INTEGER NOT NULL, yanked_reason TEXT,"
                    + " metadata_sha256 TEXT, upstream_url TEXT, PRIMARY KEY (index_name, filename))",
            "CREATE TABLE IF NOT EXISTS proxied (index_name VARCHAR(64) NOT NULL,"
                    + " project TEXT NOT NULL, fetched BIGINT NOT NULL, PRIMARY KEY (index_name, project))",
            "CREATE INDEX IF NOT EXISTS files_by_project ON files (index_name, project)",
            "CREATE INDEX IF NOT EXISTS files_by_blob ON files (blob_key)",
            "CREATE TABLE IF NOT EXISTS tokens (index_name VARCHAR(64) NOT NULL,"
                    + " name TEXT NOT NULL, secret_hash TEXT NOT NULL UNIQUE, created BIGINT NOT NULL,"
                    + " PRIMARY KEY (index_name, name))",
            "INSERT INTO serial (id, value) VALUES (1, 0) ON CONFLICT DO NOTHING"),
            // 2: the projects changed since a serial, for mirrors asking what moved.
            List.of("CREATE INDEX IF NOT EXISTS projects_by_serial ON projects (last_serial)"));

    private final Database db;
    private final AtomicLong writes = new AtomicLong();
    private volatile long knownSerial = -1;
    private volatile long knownAt;

    /** The serial's reads, shared by the requests that ask at once (a database other servers change). */
    private final FreshReads sharedSerial;

    private SqlStore(Database db) {
        this.db = db;
        this.sharedSerial = new FreshReads(this::serialNow);
    }

    /**
     * Opens (creating when missing) the SQLite database at {@code file}, and the index {@code main}
     * when there is no index yet.
     */
    public static SqlStore sqlite(Path file) {
        Database db;
        try {
            db = new SqliteDatabase(file);
        } catch (SQLException e) {
            throw new StoreException("cannot open the index database " + file + ": " + e.getMessage(), e);
        }
        return open(db);
    }

    /**
     * Connects to a PostgreSQL database, bringing its schema up to date (under a lock, so
     * servers starting together migrate once), and creates the index {@code main} when there is
     * no index yet.
     */
    public static SqlStore postgres(PostgresSettings settings) {
        Database db;
        try {
            db = new PostgresDatabase(settings);
        } catch (RuntimeException e) { // the pool's, when its first connection fails
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new StoreException("cannot connect to PostgreSQL at " + PostgresSettings.redacted(
                    settings.jdbcUrl()) + ": " + cause.getMessage() + " (is the server running, and the user,"
                    + " password and database right?)", e);
        }
        return open(db);
    }

    private static SqlStore open(Database db) {
        SqlStore store = new SqlStore(db);
        try {
            store.migrate();
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
        return store;
    }

    /** Applies the migrations this database has not had, in one transaction. */
    private void migrate() {
        write(true, "bring the schema up to date", c -> {
            try (Statement s = c.createStatement()) {
                s.executeUpdate("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY,"
                        + " applied BIGINT NOT NULL)");
            }
            int current = first(c, "SELECT MAX(version) FROM schema_migrations", r -> r.getInt(1)).orElse(0);
            if (current > MIGRATIONS.size()) {
                throw new StoreException("the database " + db.describe() + " has schema version " + current
                        + ", newer than this axle knows (" + MIGRATIONS.size() + "): run a newer axle", null);
            }
            for (int version = current + 1; version <= MIGRATIONS.size(); version++) {
                try (Statement s = c.createStatement()) {
                    for (String sql : MIGRATIONS.get(version - 1)) {
                        s.executeUpdate(sql);
                    }
                }
                update(c, "INSERT INTO schema_migrations (version, applied) VALUES (?, ?)", version,
                        micros(Instant.now()));
            }
            if (first(c, "SELECT name FROM indexes", r -> r.getString(1)).isEmpty()) {
                saveIndex(c, IndexConfig.of("main"));
            }
            return null;
        });
    }

    /** The schema version the database is at. */
    int schemaVersion() {
        return read("read the schema version", c -> first(c, "SELECT MAX(version) FROM schema_migrations",
                r -> r.getInt(1)).orElse(0));
    }

    @Override
    public List<IndexConfig> indexes() {
        return read("list the indexes", c -> all(c, "SELECT " + INDEX_COLUMNS + " FROM indexes ORDER BY name",
                SqlStore::indexConfig));
    }

    @Override
    public Optional<IndexConfig> index(String name) {
        return read("read index " + name, c -> first(c, "SELECT " + INDEX_COLUMNS + " FROM indexes WHERE name = ?",
                SqlStore::indexConfig, name));
    }

    private static IndexConfig indexConfig(ResultSet r) throws SQLException {
        String upstream = r.getString(4);
        return new IndexConfig(r.getString(1), names(r.getString(2)), r.getInt(3) != 0,
                Optional.ofNullable(upstream).map(URI::create), names(r.getString(5)), seconds(r, 6));
    }

    private static Optional<Duration> seconds(ResultSet r, int column) throws SQLException {
        long seconds = r.getLong(column);
        return r.wasNull() ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
    }

    private static List<String> names(String commaSeparated) {
        return commaSeparated.isEmpty() ? List.of() : Arrays.asList(commaSeparated.split(","));
    }

    @Override
    public void saveIndex(IndexConfig config) {
        write("save index " + config.name(), c -> {
            saveIndex(c, config);
            bumpSerial(c);
            return null;
        });
    }

    private void saveIndex(Connection c, IndexConfig config) throws SQLException {
        update(c, "INSERT INTO indexes (" + INDEX_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT (name) DO UPDATE SET bases = excluded.bases, merge_bases = excluded.merge_bases,"
                + " upstream = excluded.upstream, allow_names = excluded.allow_names,"
                + " ttl_seconds = excluded.ttl_seconds",
                config.name(), String.join(",", config.bases()), config.merge() ? 1 : 0,
                config.upstream().map(URI::toString).orElse(null), String.join(",", config.allow()),
                config.ttl().map(Duration::toSeconds).orElse(null));
    }

    /**
     * The serial. Servers ask for it on every page request; SQLite takes file locks for each
     * read, so there it is read from the database at most every {@link Database#serialFreshNanos}:
     * a change made through this store is seen at once, one made by another process on the same
     * folder ({@code axle yank} while the server runs) within that time. PostgreSQL is asked
     * for every call, as other servers change it, though calls at once share a read begun after
     * each of them ({@link FreshReads}): every change committed before a call shows.
     */
    @Override
    public long serial() {
        if (db.serialFreshNanos() == 0) {
            return sharedSerial.get();
        }
        long now = System.nanoTime();
        long known = knownSerial;
        if (known >= 0 && now - knownAt < db.serialFreshNanos()) {
            return known;
        }
        long generation = writes.get();
        long serial = read("read the serial", this::serial);
        synchronized (writes) {
            if (writes.get() == generation) { // no change of ours committed meanwhile: still current
                knownSerial = serial;
                knownAt = now;
            }
        }
        return serial;
    }

    @Override
    public long serialNow() {
        return read("read the serial", this::serial);
    }

    private long serial(Connection c) throws SQLException {
        return first(c, "SELECT value FROM serial WHERE id = 1", r -> r.getLong(1)).orElseThrow();
    }

    private long bumpSerial(Connection c) throws SQLException {
        update(c, "UPDATE serial SET value = value + 1 WHERE id = 1");
        return serial(c);
    }

    @Override
    public List<Project> projects(String index) {
        return read("list the projects of " + index, c -> all(c, "SELECT index_name, name, display_name,"
                + " last_serial FROM projects WHERE index_name = ? ORDER BY name", SqlStore::project, index));
    }

    @Override
    public Optional<Project> project(String index, String name) {
        return read("read project " + name + " on " + index, c -> first(c, "SELECT index_name, name, display_name,"
                + " last_serial FROM projects WHERE index_name = ? AND name = ?", SqlStore::project, index, name));
    }

    private static Project project(ResultSet r) throws SQLException {
        return new Project(r.getString(1), r.getString(2), r.getString(3), r.getLong(4));
    }

    @Override
    public List<StoredFile> files(String index, String project) {
        return read("list the files of " + project + " on " + index, c -> files(c, index, project));
    }

    private List<StoredFile> files(Connection c, String index, String project) throws SQLException {
        List<StoredFile> files = new ArrayList<>(all(c, "SELECT " + FILE_COLUMNS
                + " FROM files WHERE index_name = ? AND project = ? ORDER BY filename", SqlStore::storedFile,
                index, project));
        files.sort((a, b) -> Version.parse(a.version()).compareTo(Version.parse(b.version())));
        return files;
    }

    @Override
    public Optional<StoredFile> file(String index, String filename) {
        return read("read file " + filename + " on " + index, c -> file(c, index, filename));
    }

    private Optional<StoredFile> file(Connection c, String index, String filename) throws SQLException {
        return first(c, "SELECT " + FILE_COLUMNS + " FROM files WHERE index_name = ? AND filename = ?",
                SqlStore::storedFile, index, filename);
    }

    private static StoredFile storedFile(ResultSet r) throws SQLException {
        return new StoredFile(r.getString(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5),
                r.getString(6), r.getString(7), r.getString(8), r.getLong(9), instant(r.getLong(10)),
                Optional.ofNullable(r.getString(11)), r.getInt(12) != 0, Optional.ofNullable(r.getString(13)),
                Optional.ofNullable(r.getString(14)), Optional.ofNullable(r.getString(15)).map(URI::create));
    }

    @Override
    public List<Release> releases(String index, String project) {
        return read("list the releases of " + project + " on " + index, c -> all(c, "SELECT index_name, project,"
                + " version, metadata, created FROM releases WHERE index_name = ? AND project = ?"
                + " ORDER BY created, version", r -> new Release(r.getString(1), r.getString(2), r.getString(3),
                        r.getString(4), instant(r.getLong(5))), index, project));
    }

    @Override
    public AddResult addFile(StoredFile file, String displayName, String metadata) {
        return write("add " + file.filename() + " to " + file.index(), c -> {
            Optional<StoredFile> existing = file(c, file.index(), file.filename());
            if (existing.isPresent()) {
                return new AddResult.Exists(existing.get());
            }
            insertFile(c, file);
            update(c, "INSERT INTO releases (index_name, project, version, metadata, created) VALUES (?, ?, ?, ?, ?)"
                    + " ON CONFLICT DO NOTHING", file.index(), file.project(), file.version(), metadata,
                    micros(file.uploadTime()));
            long serial = bumpSerial(c);
            update(c, "INSERT INTO projects (index_name, name, display_name, last_serial) VALUES (?, ?, ?, ?)"
                    + " ON CONFLICT DO NOTHING", file.index(), file.project(), displayName, serial);
            touchProject(c, file.index(), file.project(), serial);
            return new AddResult.Added(serial);
        });
    }

    private void insertFile(Connection c, StoredFile file) throws SQLException {
        update(c, "INSERT INTO files (" + FILE_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                file.index(), file.project(), file.version(), file.filename(), file.packageType(),
                file.blobKey(), file.sha256(), file.md5(), file.size(), micros(file.uploadTime()),
                file.requiresPython().orElse(null), file.yanked() ? 1 : 0, file.yankedReason().orElse(null),
                file.metadataSha256().orElse(null), file.upstream().map(URI::toString).orElse(null));
    }

    @Override
    public Optional<Instant> proxiedAt(String index, String project) {
        return read("read when " + project + " was fetched for " + index, c -> first(c, "SELECT fetched FROM proxied"
                + " WHERE index_name = ? AND project = ?", r -> instant(r.getLong(1)), index, project));
    }

    @Override
    public void replaceProxied(String index, String project, String displayName, List<StoredFile> files,
            Instant fetched) {
        write("record the upstream's " + project + " for " + index, c -> {
            update(c, "INSERT INTO proxied (index_name, project, fetched) VALUES (?, ?, ?) ON CONFLICT (index_name,"
                    + " project) DO UPDATE SET fetched = excluded.fetched", index, project, micros(fetched));
            List<StoredFile> old = files(c, index, project);
            if (sameListing(old, files)) {
                return null;
            }
            update(c, "DELETE FROM files WHERE index_name = ? AND project = ?", index, project);
            update(c, "DELETE FROM releases WHERE index_name = ? AND project = ?", index, project);
            update(c, "DELETE FROM projects WHERE index_name = ? AND name = ?", index, project);
            if (files.isEmpty()) {
                bumpSerial(c);
                return null;
            }
            for (StoredFile f : files) {
                insertFile(c, f);
                update(c, "INSERT INTO releases (index_name, project, version, metadata, created) VALUES (?, ?, ?, ?, ?)"
                        + " ON CONFLICT DO NOTHING", index, project, f.version(), "", micros(f.uploadTime()));
            }
            update(c, "INSERT INTO projects (index_name, name, display_name, last_serial) VALUES (?, ?, ?, ?)",
                    index, project, displayName, bumpSerial(c));
            return null;
        });
    }

    @Override
    public void setMetadataSha256(String index, String filename, String sha256) {
        write("record the metadata file of " + filename + " on " + index, c -> {
            Optional<StoredFile> file = file(c, index, filename);
            if (file.isPresent()) {
                update(c, "UPDATE files SET metadata_sha256 = ? WHERE index_name = ? AND filename = ?", sha256, index,
                        filename);
                touchProject(c, index, file.get().project(), bumpSerial(c));
            }
            return null;
        });
    }

    /** Whether two listings show the same (a refetch that changed nothing leaves the serial alone). */
    private static boolean sameListing(List<StoredFile> a, List<StoredFile> b) {
        java.util.function.Function<StoredFile, List<Object>> shown = f -> List.of(f.filename(), f.sha256(),
                f.yanked(), f.yankedReason(), f.requiresPython(), f.metadataSha256(), f.size(), f.upstream());
        return a.stream().map(shown).collect(java.util.stream.Collectors.toSet())
                .equals(b.stream().map(shown).collect(java.util.stream.Collectors.toSet())) && a.size() == b.size();
    }

    private void touchProject(Connection c, String index, String project, long serial) throws SQLException {
        update(c, "UPDATE projects SET last_serial = ? WHERE index_name = ? AND name = ?", serial, index, project);
    }

    /** The files of a release (versions compared as PEP 440 versions), or the one named {@code filename}. */
    private List<StoredFile> releaseFiles(Connection c, String index, String project, String version,
            Optional<String> filename) throws SQLException {
        Version wanted = Version.parse(version);
        return files(c, index, project).stream()
                .filter(f -> Version.parse(f.version()).equals(wanted))
                .filter(f -> filename.isEmpty() || filename.get().equals(f.filename()))
                .toList();
    }

    @Override
    public int setYanked(String index, String project, String version, Optional<String> filename, boolean yanked,
            Optional<String> reason) {
        return write((yanked ? "yank " : "unyank ") + project + " " + version + " on " + index, c -> {
            List<StoredFile> files = releaseFiles(c, index, project, version, filename);
            for (StoredFile f : files) {
                update(c, "UPDATE files SET yanked = ?, yanked_reason = ? WHERE index_name = ? AND filename = ?",
                        yanked ? 1 : 0, yanked ? reason.orElse(null) : null, index, f.filename());
            }
            if (!files.isEmpty()) {
                touchProject(c, index, project, bumpSerial(c));
            }
            return files.size();
        });
    }

    @Override
    public List<StoredFile> delete(String index, String project, String version, Optional<String> filename) {
        return write("delete " + project + " " + version + " on " + index, c -> {
            List<StoredFile> files = releaseFiles(c, index, project, version, filename);
            if (files.isEmpty()) {
                return files;
            }
            for (StoredFile f : files) {
                update(c, "DELETE FROM files WHERE index_name = ? AND filename = ?", index, f.filename());
            }
            update(c, "DELETE FROM releases WHERE index_name = ? AND project = ? AND NOT EXISTS (SELECT 1 FROM files f"
                    + " WHERE f.index_name = releases.index_name AND f.project = releases.project"
                    + " AND f.version = releases.version)", index, project);
            update(c, "DELETE FROM projects WHERE index_name = ? AND name = ? AND NOT EXISTS (SELECT 1 FROM files f"
                    + " WHERE f.index_name = projects.index_name AND f.project = projects.name)", index, project);
            touchProject(c, index, project, bumpSerial(c));
            return files;
        });
    }

    @Override
    public boolean blobReferenced(String blobKey) {
        return read("look up blob " + blobKey,
                c -> first(c, "SELECT 1 FROM files WHERE blob_key = ?", r -> true, blobKey).isPresent());
    }

    @Override
    public void addToken(String index, String name, String secretHash) {
        write("add token " + name + " to " + index, c -> update(c, "INSERT INTO tokens (index_name, name,"
                + " secret_hash, created) VALUES (?, ?, ?, ?)", index, name, secretHash, micros(Instant.now())));
    }

    @Override
    public Optional<Token> tokenByHash(String secretHash) {
        return read("look up a token", c -> first(c, "SELECT index_name, name, created FROM tokens"
                + " WHERE secret_hash = ?", SqlStore::token, secretHash));
    }

    @Override
    public List<Token> tokens(String index) {
        return read("list the tokens of " + index, c -> all(c, "SELECT index_name, name, created FROM tokens"
                + " WHERE index_name = ? ORDER BY name", SqlStore::token, index));
    }

    private static Token token(ResultSet r) throws SQLException {
        return new Token(r.getString(1), r.getString(2), instant(r.getLong(3)));
    }

    @Override
    public boolean revokeToken(String index, String name) {
        return write("revoke token " + name + " of " + index,
                c -> update(c, "DELETE FROM tokens WHERE index_name = ? AND name = ?", index, name) > 0);
    }

    @Override
    public void close() {
        db.close();
    }

    private interface Row<T> {
        T of(ResultSet r) throws SQLException;
    }

    private <T> T read(String what, Database.Work<T> work) {
        try {
            return db.read(work);
        } catch (SQLException e) {
            throw new StoreException("cannot " + what + " in " + db.describe() + ": " + e.getMessage(), e);
        }
    }

    private <T> T write(String what, Database.Work<T> work) {
        return write(false, what, work);
    }

    private <T> T write(boolean migrating, String what, Database.Work<T> work) {
        try {
            T result = db.write(migrating, work);
            synchronized (writes) {
                writes.incrementAndGet();
                knownSerial = -1;
            }
            return result;
        } catch (SQLException e) {
            throw new StoreException("cannot " + what + " in " + db.describe() + ": " + e.getMessage(), e);
        }
    }

    private <T> List<T> all(Connection c, String sql, Row<T> row, Object... parameters) throws SQLException {
        PreparedStatement s = prepare(c, sql, parameters);
        try (ResultSet r = s.executeQuery()) {
            List<T> rows = new ArrayList<>();
            while (r.next()) {
                rows.add(row.of(r));
            }
            return rows;
        } finally {
            db.done(s);
        }
    }

    private <T> Optional<T> first(Connection c, String sql, Row<T> row, Object... parameters)
            throws SQLException {
        PreparedStatement s = prepare(c, sql, parameters);
        try (ResultSet r = s.executeQuery()) {
            return r.next() ? Optional.of(row.of(r)) : Optional.empty();
        } finally {
            db.done(s);
        }
    }

    private int update(Connection c, String sql, Object... parameters) throws SQLException {
        PreparedStatement s = prepare(c, sql, parameters);
        try {
            return s.executeUpdate();
        } finally {
            db.done(s);
        }
    }

    /** The statement for {@code sql} on {@code c} with the parameters set; hand it back to the database. */
    private PreparedStatement prepare(Connection c, String sql, Object... parameters) throws SQLException {
        PreparedStatement s = db.prepare(c, sql);
        for (int i = 0; i < parameters.length; i++) {
            s.setObject(i + 1, parameters[i]);
        }
        return s;
    }

    private static long micros(Instant instant) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
    }

    private static Instant instant(long micros) {
        return Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
    }
}

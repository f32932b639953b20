package dev.axle.server.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The server's database: indexes, projects, releases, files, tokens and a global serial that
 * every change increments. Every method is one transaction; failures are {@link StoreException}s.
 * Implementations are safe for concurrent use.
 */
public interface Store extends AutoCloseable {
    /** Every index, by name. */
    List<IndexConfig> indexes();

    Optional<IndexConfig> index(String name);

    /** Creates or replaces an index's configuration. */
    void saveIndex(IndexConfig config);

    /** The serial of the last change anywhere (0 before the first). */
    long serial();

    /** The serial as the database has it now, never a copy kept from an earlier read (a health check). */
    default long serialNow() {
        return serial();
    }

    /** The projects of one index (not of its bases), by normalized name. */
    List<Project> projects(String index);

    Optional<Project> project(String index, String name);

    /** The files of a project on one index, by version then filename. */
    List<StoredFile> files(String index, String project);

    Optional<StoredFile> file(String index, String filename);

    /** The releases of a project on one index, in the order they were created. */
    List<Release> releases(String index, String project);

    /**
     * Records a file, its release (with {@code metadata} if the release is new) and its project
     * (spelled {@code displayName} if new), bumping the serial, unless a file of that name is
     * already on the index: then nothing changes and the existing file is returned. Exactly one
     * of several concurrent callers with one filename gets {@link AddResult.Added}.
     */
    AddResult addFile(StoredFile file, String displayName, String metadata);

    /**
     * Yanks (or unyanks) the files of a release, or the one named {@code filename} when given,
     * and returns how many changed.
     */
    int setYanked(String index, String project, String version, Optional<String> filename, boolean yanked,
            Optional<String> reason);

    /**
     * Deletes the files of a release, or the one named {@code filename}, dropping a release and
     * a project left without files. Returns the deleted files; their blobs are the caller's to
     * remove when {@link #blobReferenced} says no other file uses them.
     */
    List<StoredFile> delete(String index, String project, String version, Optional<String> filename);

    /** When the upstream's listing of {@code project} was last recorded for the proxy index {@code index}. */
    Optional<Instant> proxiedAt(String index, String project);

    /**
     * Records a proxy index's copy of its upstream's listing of a project (no files: the
     * upstream has no such project), fetched at {@code fetched}; the serial moves only when the
     * listing changed.
     */
    void replaceProxied(String index, String project, String displayName, List<StoredFile> files, Instant fetched);

    /**
     * Records that a file's core metadata file is now served, with this sha256 (a proxied
     * wheel's, read from the wheel once it was fetched), bumping the serial.
     */
    void setMetadataSha256(String index, String filename, String sha256);

    /** Whether any file on any index is stored under {@code blobKey}. */
    boolean blobReferenced(String blobKey);

    /** Records a token allowing uploads to {@code index}, by the SHA-256 (hex) of its secret. */
    void addToken(String index, String name, String secretHash);

    /** The token whose secret hashes to {@code secretHash}. */
    Optional<Token> tokenByHash(String secretHash);

    /** The tokens of one index, by name. */
    List<Token> tokens(String index);

    /** Removes a token; false when there was none of that name. */
    boolean revokeToken(String index, String name);

    @Override
    void close();
}

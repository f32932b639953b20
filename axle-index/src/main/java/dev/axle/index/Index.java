package dev.axle.index;

import dev.axle.pep.ProjectName;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One package index's simple API ({@code https://pypi.org/simple/}, a private index, or a
 * {@code file:} folder laid out the same way): its project pages, the core metadata files they
 * offer, and downloads of the files they list.
 *
 * <p>Credentials in the index URL ({@code https://user:password@host/simple/}) are sent as HTTP
 * Basic authentication to the index's host only (also for files it serves), and every URL in a
 * message or {@link #toString()} shows them redacted ({@code user:****}). Credentials from
 * {@code ~/.netrc} and from the {@code keyring} command are not read yet.
 *
 * <p>Failures that may pass (connection errors, timeouts, HTTP 5xx and 429) are retried with
 * exponential backoff as {@link IndexOptions} says (longer if the server asks with Retry-After,
 * up to the longest backoff). Thread-safe; close it to release the HTTP client's connections.
 */
public final class Index implements AutoCloseable {
    private final URI url;
    private final String shown;
    private final Fetcher fetcher;

    private Index(URI url, IndexOptions options) {
        this.url = url;
        this.shown = Credentials.redact(url);
        this.fetcher = new Fetcher(url, options);
    }

    /**
     * The index at {@code url} (its simple API root; a missing final {@code /} is added).
     *
     * @throws IllegalArgumentException if {@code url} is not an absolute http, https or file URL,
     *                                  a proxy variable in the options' environment is not an http
     *                                  proxy URL, or the options' {@code cert} bundle is unusable
     */
    public static Index of(URI url, IndexOptions options) {
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(url, "url");
        boolean file = "file".equalsIgnoreCase(url.getScheme()) && !url.isOpaque();
        if (!file && !Fetcher.isHttp(url)) {
            throw new IllegalArgumentException("an index URL must be an absolute http, https or file URL, such as"
                    + " https://pypi.org/simple/: " + Credentials.redact(url));
        }
        String s = url.toString();
        return new Index(s.endsWith("/") ? url : URI.create(s + "/"), options);
    }

    /** {@link #of(URI, IndexOptions)} with {@link IndexOptions#defaults()}. */
    public static Index of(URI url) {
        return of(url, IndexOptions.defaults());
    }

    /** The index URL without its credentials. */
    public URI url() {
        return Credentials.strip(url);
    }

    /**
     * The project's page, {@code <index>/<normalized name>/}, requested in the forms
     * {@link SimpleApi#ACCEPT} names and parsed in the one the server chose; a {@code file:}
     * index's page is the {@code index.html} in the project's folder.
     *
     * @return the page; empty if the index has no such project (HTTP 404, or no folder)
     * @throws InvalidIndexPageException if the page cannot be read as the simple API
     * @throws IndexUnavailableException if the index could not be reached or answered an error
     */
    public Optional<ProjectPage> projectPage(ProjectName project) throws IOException {
        URI page = url.resolve(project + "/");
        boolean file = "file".equalsIgnoreCase(url.getScheme());
        Optional<Fetched> fetched = fetch(file ? page.resolve("index.html") : page, SimpleApi.ACCEPT);
        if (fetched.isEmpty()) {
            return Optional.empty();
        }
        // A file index is a folder of HTML pages, as pip reads it; links resolve against the folder.
        URI base = file ? page : fetched.get().head().url();
        String contentType = file ? SimpleApi.TEXT_HTML : fetched.get().head().contentType().orElse(null);
        return Optional.of(SimpleApi.parseProjectPage(contentType, fetched.get().body(), base)
                .withSerialIfAbsent(fetched.get().head().lastSerial()));
    }

    /**
     * The index's project list, {@code <index>/}, requested and parsed as {@link #projectPage}
     * does (a {@code file:} index's is its {@code index.html}). In the JSON form, each project's
     * {@code _last-serial} is read where the index gives it, as PyPI does.
     *
     * @throws InvalidIndexPageException if the list cannot be read as the simple API
     * @throws IndexUnavailableException if the index could not be reached, answered an error, or has no list
     */
    public ProjectList projectList() throws IOException {
        boolean file = "file".equalsIgnoreCase(url.getScheme());
        URI list = file ? url.resolve("index.html") : url;
        Fetched fetched = fetch(list, SimpleApi.ACCEPT).orElseThrow(() -> fetcher.missing(list));
        String contentType = file ? SimpleApi.TEXT_HTML : fetched.head().contentType().orElse(null);
        return SimpleApi.parseProjectList(contentType, fetched.body(), file ? url : fetched.head().url());
    }

    /** A page and its response's head. */
    record Fetched(ResponseBody.Head head, byte[] body) {}

    /** The page at {@code url}, in memory; empty if there is none (HTTP 404, no such file). */
    Optional<Fetched> fetch(URI url, String accept) throws IOException {
        var collected = new Collected(Map.of());
        return fetcher.getCached(url, accept, collected).map(head -> new Fetched(head, collected.bytes()));
    }

    /** The error for a page or file that should exist but does not. */
    IndexUnavailableException missing(URI url) {
        return fetcher.missing(url);
    }

    /**
     * The file's core metadata (its {@code METADATA}) from the index's metadata file
     * (PEP 658/714), verified against the hashes the page gives for it. One with a sha256 is
     * not put in the HTTP cache: it is immutable, and callers keep it by that hash (the finder does).
     *
     * @return the metadata file's bytes; empty if the page offers none (read the distribution instead)
     * @throws HashMismatchException     if they do not match the page's hashes
     * @throws IndexUnavailableException if the index could not be reached or answered an error,
     *                                   including a 404 for a metadata file the page promised
     */
    public Optional<byte[]> coreMetadata(DistributionFile file) throws IOException {
        if (!file.coreMetadata().available()) {
            return Optional.empty();
        }
        URI metadata = file.coreMetadataUrl();
        var collected = new Collected(file.coreMetadata().hashes());
        // A metadata file with a sha256 is immutable, and kept by that hash by whoever reads it
        // (the finder does): the HTTP cache would only keep a second copy.
        found(file.coreMetadata().hashes().containsKey("sha256")
                ? fetcher.get(metadata, "*/*", collected, "this metadata file is not kept in axle's cache yet")
                : fetcher.getCached(metadata, "*/*", collected), metadata);
        collected.hashes.verify(Credentials.redact(metadata));
        return Optional.of(collected.bytes());
    }

    /**
     * Downloads {@code file} to {@code target}, verifying its hashes as it streams: into a temporary
     * file beside the target, moved into place only once complete and verified, so that
     * {@code target} is never left partly written. The target's folder must exist. (No fsync: it
     * would cost more than it saves for files that can be fetched again.)
     *
     * @throws HashMismatchException     if the file does not match its page's hashes (nothing is kept)
     * @throws IndexUnavailableException if the index could not be reached or answered an error
     */
    public void download(DistributionFile file, Path target, DownloadListener listener) throws IOException {
        Path folder = target.toAbsolutePath().getParent();
        Path temporary = Files.createTempFile(folder, "." + target.getFileName(), ".part");
        try (FileChannel out = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
            var streamed = new Streamed(file, out, listener);
            found(fetcher.get(file.url(), "*/*", streamed), file.url());
            streamed.verify(Credentials.redact(file.url()));
            out.close();
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /**
     * A wheel's core metadata read from the wheel, for when the index offers no metadata file
     * ({@link #coreMetadata} is empty). A {@code file:} wheel is read in place. Over http(s) only
     * the zip's end, its central directory and the {@code METADATA} entry are requested, with HTTP
     * range requests, usually one or two: those parts cannot be verified against the page's
     * hashes, which cover the whole file, so a wheel read this way must still be verified when it
     * is downloaded to be installed. A server that refuses ranges (or answers them with the whole
     * file) has the whole wheel downloaded to a temporary file instead, verified against the
     * page's hashes, read and deleted.
     *
     * @param wheel    a wheel ({@code .whl}) this index lists
     * @param listener told about the download if the whole wheel is downloaded
     * @return the {@code METADATA} bytes, and how they were read
     * @throws IllegalArgumentException  if {@code wheel}'s filename is no wheel filename
     * @throws InvalidWheelException     if the file is no zip, or has no single {@code .dist-info}
     *                                   folder of the wheel's project holding a {@code METADATA}
     * @throws HashMismatchException     if the whole wheel was downloaded and does not match its hashes
     * @throws IndexUnavailableException if the index could not be reached or answered an error
     */
    public WheelMetadata wheelMetadata(DistributionFile wheel, DownloadListener listener) throws IOException {
        DistInfo.filename(wheel);
        if ("file".equalsIgnoreCase(wheel.url().getScheme())) {
            Path path = Path.of(wheel.url());
            if (!Files.isRegularFile(path)) {
                throw fetcher.missing(wheel.url());
            }
            try (FileChannel in = FileChannel.open(path)) {
                return new WheelMetadata(DistInfo.metadata(ZipBytes.of(in), wheel, wheel.url().toString()),
                        WheelMetadata.Via.LOCAL_FILE);
            }
        }
        try (RemoteWheel remote = new RemoteWheel(fetcher, wheel, listener)) {
            return remote.metadata();
        }
    }

    /** {@link #wheelMetadata(DistributionFile, DownloadListener)} without progress reports. */
    public WheelMetadata wheelMetadata(DistributionFile wheel) throws IOException {
        return wheelMetadata(wheel, DownloadListener.NONE);
    }

    /** A file the page lists is expected to exist: its absence is an error. */
    private void found(Optional<ResponseBody.Head> head, URI url) throws IOException {
        if (head.isEmpty()) {
            throw fetcher.missing(url);
        }
    }

    /** A body kept in memory: pages and metadata files, both small. */
    private static final class Collected implements ResponseBody {
        private final Map<String, String> expected;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private HashCheck hashes;

        Collected(Map<String, String> expected) {
            this.expected = expected;
            this.hashes = new HashCheck(expected);
        }

        @Override
        public void start(Head head) {
            bytes.reset();
            hashes = new HashCheck(expected);
        }

        @Override
        public void accept(ByteBuffer b) {
            hashes.update(b);
            byte[] piece = new byte[b.remaining()];
            b.get(piece);
            bytes.writeBytes(piece);
        }

        byte[] bytes() {
            return bytes.toByteArray();
        }
    }

    /** A body streamed to a file, hashed and reported on the way. */
    static final class Streamed implements ResponseBody {
        private final DistributionFile file;
        private final FileChannel out;
        private final DownloadListener listener;
        private HashCheck hashes;
        private long total;
        private long downloaded;

        Streamed(DistributionFile file, FileChannel out, DownloadListener listener) {
            this.file = file;
            this.out = out;
            this.listener = listener;
            this.hashes = new HashCheck(file.hashes());
        }

        @Override
        public void start(Head head) throws IOException {
            out.truncate(0).position(0);
            hashes = new HashCheck(file.hashes());
            total = head.length().orElse(-1);
            downloaded = 0;
            listener.progress(file, 0, total);
        }

        @Override
        public void accept(ByteBuffer b) throws IOException {
            hashes.update(b);
            while (b.hasRemaining()) {
                downloaded += out.write(b);
            }
            listener.progress(file, downloaded, total);
        }

        /** @param url the URL as shown, credentials redacted */
        void verify(String url) throws HashMismatchException {
            hashes.verify(url);
        }
    }

    /** The index URL with its credentials redacted. */
    @Override
    public String toString() {
        return "Index[" + shown + "]";
    }

    @Override
    public void close() {
        fetcher.close();
    }
}

package dev.axle.sync;

import dev.axle.index.DistributionFile;
import dev.axle.index.DownloadCache;
import dev.axle.index.DownloadListener;
import dev.axle.index.FindLinks;
import dev.axle.index.HashCheck;
import dev.axle.index.HashMismatchException;
import dev.axle.index.Index;
import dev.axle.index.IndexOptions;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * The files of locked wheels, each from the first place that has it: the lock's {@code path},
 * the download cache (by sha256, the layout the finder keeps:
 * {@code <downloads>/<sha[0:2]>/<sha>/<filename>}), a find-links location (by file name), or
 * a download of the lock's {@code url} into the cache. Every file is checked against every
 * hash the lock gives that the JDK computes before it is handed out: downloads as they stream,
 * local files by reading them. A file the download cache keeps under the lock's sha256 was
 * checked against it when it was stored and is not read again (as pip and uv trust their
 * caches): hashing 190 MB again cost a warm sync of 167 packages two seconds.
 */
public final class LockedFiles implements AutoCloseable {
    /**
     * Where files may come from.
     *
     * @param lockFolder the lock file's folder, against which its relative paths resolve
     * @param downloads  the download cache folder, shared with the finder
     * @param findLinks  find-links locations, asked in order
     * @param lockUrls   whether the lock's URLs may be downloaded (not with {@code --no-index})
     * @param options    how to download; {@link IndexOptions.CacheMode#OFFLINE} opens no connection at all
     */
    public record Sources(Path lockFolder, Path downloads, List<FindLinks> findLinks, boolean lockUrls,
            IndexOptions options) {
        public Sources {
            Objects.requireNonNull(lockFolder, "lockFolder");
            Objects.requireNonNull(downloads, "downloads");
            findLinks = List.copyOf(findLinks);
            Objects.requireNonNull(options, "options");
        }

        boolean offline() {
            return options.cacheMode() == IndexOptions.CacheMode.OFFLINE;
        }
    }

    /** Where a wheel's file was found, or how it will be had. */
    /**
     * Where a wheel is: on disk ({@code verified} when it is the download cache's file for the
     * lock's own sha256, checked when it was stored), or to be downloaded.
     */
    private record Found(Optional<Path> local, Optional<Download> download, boolean verified) {
        Found(Optional<Path> local, Optional<Download> download) {
            this(local, download, false);
        }
    }

    private record Download(DistributionFile file, Optional<FindLinks> via) {}

    private final Sources sources;
    private final ExecutorService pool = Executors.newFixedThreadPool(8,
            Thread.ofPlatform().daemon().name("axle-sync-", 0).factory());
    private final Map<URI, Index> origins = new ConcurrentHashMap<>();
    private List<Map.Entry<FindLinks, DistributionFile>> linked;

    public LockedFiles(Sources sources) {
        this.sources = sources;
    }

    /**
     * Checks that every wheel can be had: on disk (a path, the cache, a find-links folder) or
     * by a download allowed. Opens no connection beyond listing remote find-links pages.
     *
     * @throws MissingFilesException naming every file that cannot be had, and how to get it
     */
    public void checkAvailable(List<LockedWheel> wheels) throws IOException {
        find(wheels);
    }

    /**
     * The wheels' files, in the order given, every one verified.
     *
     * @throws MissingFilesException   naming every file that cannot be had, and how to get it
     * @throws HashMismatchesException naming every file that does not match its hashes
     * @throws SyncException           if the lock gives a wheel no hash the JDK computes
     */
    public List<Path> fetch(List<LockedWheel> wheels, DownloadListener listener) throws IOException {
        return fetch(wheels, listener, file -> {});
    }

    /**
     * {@link #fetch(List, DownloadListener)}, handing each file to {@code each} (on a pool
     * thread) as soon as it is there and verified, so that work on it (unpacking it into a
     * cache) can start while others download.
     */
    public List<Path> fetch(List<LockedWheel> wheels, DownloadListener listener, Consumer<Path> each)
            throws IOException {
        List<String> unverifiable = new ArrayList<>();
        for (LockedWheel w : wheels) {
            if (new HashCheck(w.hashes()).algorithms().isEmpty()) {
                unverifiable.add(w + " (" + w.filename() + "): " + String.join(", ", w.hashes().keySet()));
            }
        }
        if (!unverifiable.isEmpty()) {
            throw new SyncException("the lock gives these wheels only hashes axle cannot compute, so they cannot be"
                    + " verified; nothing was changed:\n  " + String.join("\n  ", unverifiable)
                    + "\nlock them again with sha256 hashes");
        }
        List<Found> found = find(wheels);
        List<CompletableFuture<Path>> work = new ArrayList<>();
        List<String> mismatches = new ArrayList<>();
        for (int i = 0; i < wheels.size(); i++) {
            LockedWheel w = wheels.get(i);
            Found f = found.get(i);
            work.add(CompletableFuture.supplyAsync(() -> {
                try {
                    Path file = get(w, f, listener, mismatches);
                    if (file != null) {
                        each.accept(file);
                    }
                    return file;
                } catch (IOException e) {
                    throw new CompletionException(e);
                }
            }, pool));
        }
        List<Path> files = new ArrayList<>();
        for (CompletableFuture<Path> f : work) {
            try {
                files.add(f.join());
            } catch (CompletionException e) {
                if (e.getCause() instanceof IOException io) {
                    throw io;
                }
                throw e;
            }
        }
        if (!mismatches.isEmpty()) {
            throw new HashMismatchesException(mismatches.stream().sorted().toList());
        }
        return files;
    }

    /** The file, verified; null after adding a mismatch to {@code mismatches}. */
    private Path get(LockedWheel w, Found f, DownloadListener listener, List<String> mismatches) throws IOException {
        if (f.local().isPresent() && f.verified()) {
            return f.local().get();
        }
        if (f.local().isPresent()) {
            Optional<String> mismatch = FileHashes.mismatch(f.local().get(), w.hashes());
            if (mismatch.isPresent()) {
                synchronized (mismatches) {
                    mismatches.add(w + ": " + f.local().get() + ": " + mismatch.get());
                }
                return null;
            }
            return f.local().get();
        }
        Download d = f.download().orElseThrow();
        Path target = cached(w).orElseThrow();
        Files.createDirectories(target.getParent());
        try {
            if (d.via().isPresent()) {
                d.via().get().download(d.file(), target, listener);
            } else {
                origin(d.file().url()).download(d.file(), target, listener);
            }
        } catch (HashMismatchException e) {
            synchronized (mismatches) {
                mismatches.add(w + ": " + e.url() + ": " + FileHashes.describe(e));
            }
            return null;
        }
        return target;
    }

    private List<Found> find(List<LockedWheel> wheels) throws IOException {
        List<Found> found = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (LockedWheel w : wheels) {
            Found f = find(w);
            found.add(f);
            if (f.local().isEmpty() && f.download().isEmpty()) {
                missing.add(missingLine(w));
            }
        }
        if (!missing.isEmpty()) {
            throw new MissingFilesException(missing, howToGet());
        }
        return found;
    }

    /** Where the wheel is on disk, else how to download it, else neither. */
    private Found find(LockedWheel w) throws IOException {
        if (w.path().isPresent()) {
            Path local = sources.lockFolder().resolve(w.path().get()).normalize();
            if (Files.isRegularFile(local)) {
                return new Found(Optional.of(local), Optional.empty());
            }
        }
        if (w.url().filter(u -> u.regionMatches(true, 0, "file:", 0, 5)).isPresent()) {
            Path local = Path.of(URI.create(w.url().get()));
            if (Files.isRegularFile(local)) {
                return new Found(Optional.of(local), Optional.empty());
            }
        }
        Optional<Path> cached = cached(w);
        if (cached.isPresent() && Files.isRegularFile(cached.get())) {
            // Kept by its sha256 (the index's or the lock's), which was checked as it was stored:
            // when the lock gives that sha256, the file is the one the lock names.
            return new Found(cached, Optional.empty(), w.sha256().isPresent());
        }
        for (Map.Entry<FindLinks, DistributionFile> link : linkedFiles()) {
            DistributionFile file = link.getValue();
            if (!file.filename().equals(w.filename())) {
                continue;
            }
            if ("file".equalsIgnoreCase(file.url().getScheme())) {
                return new Found(Optional.of(Path.of(file.url())), Optional.empty());
            }
            if (!sources.offline() && cached.isPresent()) {
                return new Found(Optional.empty(), Optional.of(new Download(
                        DistributionFile.of(w.filename(), file.url(), w.hashes()), Optional.of(link.getKey()))));
            }
        }
        if (w.url().isPresent() && sources.lockUrls() && !sources.offline() && cached.isPresent()) {
            return new Found(Optional.empty(), Optional.of(new Download(
                    DistributionFile.of(w.filename(), URI.create(w.url().get()), w.hashes()), Optional.empty())));
        }
        return new Found(Optional.empty(), Optional.empty());
    }

    /** The wheel's place in the download cache: by its sha256, else by its URL's; none for a path-only wheel without sha256. */
    private Optional<Path> cached(LockedWheel w) {
        if (w.sha256().isEmpty() && w.url().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new DownloadCache(sources.downloads()).file(w.sha256(), w.url().orElse(""), w.filename()));
    }

    private List<Map.Entry<FindLinks, DistributionFile>> linkedFiles() throws IOException {
        synchronized (this) {
            if (linked == null) {
                List<Map.Entry<FindLinks, DistributionFile>> all = new ArrayList<>();
                for (FindLinks links : sources.findLinks()) {
                    links.files().forEach(f -> all.add(Map.entry(links, f)));
                }
                linked = List.copyOf(all);
            }
            return linked;
        }
    }

    private Index origin(URI url) {
        return origins.computeIfAbsent(url.resolve("."), parent -> Index.of(parent, sources.options()));
    }

    private String missingLine(LockedWheel w) {
        List<String> where = new ArrayList<>();
        w.path().ifPresent(p -> where.add("no file " + sources.lockFolder().resolve(p).normalize()));
        where.add("not in the download cache");
        if (!sources.findLinks().isEmpty()) {
            where.add("not in --find-links");
        }
        if (w.url().isPresent()) {
            where.add((sources.offline() ? "not downloaded (--offline): " : !sources.lockUrls()
                    ? "not downloaded (--no-index): " : "") + w.url().get());
        } else if (w.path().isEmpty()) {
            where.add("the lock gives no url");
        }
        return w + ": " + w.filename() + " (" + String.join("; ", where) + ")";
    }

    private String howToGet() {
        if (sources.offline()) {
            return "--offline uses only the lock's local paths, axle's download cache and --find-links folders:"
                    + " sync once without --offline to fill the cache, or copy the files into a folder (axle download"
                    + " -d FOLDER) and pass it with --find-links FOLDER";
        }
        if (!sources.lockUrls()) {
            return "with --no-index the files come only from the lock's paths, the cache and --find-links: pass the"
                    + " folder that holds them with --find-links, or drop --no-index to download them from the lock's URLs";
        }
        return "the lock gives no URL for them: put them where its paths say, or pass a folder that holds them with"
                + " --find-links";
    }

    @Override
    public void close() {
        pool.shutdownNow();
        origins.values().forEach(Index::close);
    }
}

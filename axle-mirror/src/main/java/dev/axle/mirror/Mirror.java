package dev.axle.mirror;

import dev.axle.index.DistributionFile;
import dev.axle.index.Index;
import dev.axle.index.IndexUnavailableException;
import dev.axle.index.ProjectList;
import dev.axle.index.ProjectPage;
import dev.axle.mirror.filter.MirrorFilters;
import dev.axle.mirror.filter.Selection;
import dev.axle.pep.ProjectName;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One sync of a mirror, as bandersnatch does it: the upstream's project list with its serials
 * is compared with the serials the destination recorded at the last sync, and only the
 * projects whose serial moved (or that are new) have their pages fetched and their new files
 * downloaded; projects gone from the list (or no longer passing the filters) are removed.
 *
 * <p>A project is recorded in the state only once all of it is written, so an interrupted sync
 * resumes where it stopped: projects done are not looked at again, and in the one that was cut
 * short, files already there are verified and kept. Up to {@link MirrorOptions#jobs()}
 * projects are synced at once; a project that fails (a download that will not verify, an
 * upstream error after its retries) is reported and left for the next sync, the others go on.
 * An unchecked exception (from the listener, say) stops the sync. One instance, one sync.
 */
public final class Mirror {
    private final Index upstream;
    private final MirrorTarget target;
    private final MirrorFilters filters;
    private final MirrorOptions options;
    private final MirrorListener listener;

    private final AtomicInteger pages = new AtomicInteger();
    private final AtomicInteger files = new AtomicInteger();
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicInteger metadata = new AtomicInteger();
    private final AtomicInteger deleted = new AtomicInteger();
    private final AtomicInteger synced = new AtomicInteger();
    private final AtomicInteger removed = new AtomicInteger();
    private final java.util.concurrent.atomic.AtomicBoolean used = new java.util.concurrent.atomic.AtomicBoolean();

    public Mirror(Index upstream, MirrorTarget target, MirrorFilters filters, MirrorOptions options,
            MirrorListener listener) {
        this.upstream = Objects.requireNonNull(upstream, "upstream");
        this.target = Objects.requireNonNull(target, "target");
        this.filters = Objects.requireNonNull(filters, "filters");
        this.options = Objects.requireNonNull(options, "options");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /**
     * Syncs once.
     *
     * @throws MirrorException           if the state is unreadable, or the upstream lists nothing
     *                                   while the destination holds projects
     * @throws IndexUnavailableException if the upstream's project list cannot be read
     */
    public SyncReport sync() throws IOException {
        if (used.getAndSet(true)) {
            throw new IllegalStateException("a Mirror syncs once: make another for the next sync");
        }
        long start = System.nanoTime();
        String upstreamUrl = upstream.url().toString();
        String filterText = filters.toString();
        Optional<byte[]> stored = target.readState();
        MirrorState previous = stored.isPresent() ? StateCodec.decode(stored.get(), target.describe())
                : MirrorState.empty(upstreamUrl, filterText);
        boolean all = options.verify();
        if (!previous.projects().isEmpty() && !previous.upstream().equals(upstreamUrl)) {
            listener.warning(target.describe() + " mirrored " + previous.upstream() + " until now; every project is"
                    + " looked at again, and those " + upstreamUrl + " does not list are removed");
            all = true;
        } else if (!previous.filters().equals(filterText)) {
            all = true; // other filters select other files: every project is looked at again
        }

        Map<String, ProjectList.Project> listed = listed(list());
        if (listed.isEmpty() && !previous.projects().isEmpty()) {
            throw new MirrorException(upstreamUrl + " lists no project" + (filters.equals(MirrorFilters.NONE) ? ""
                    : " that passes the filters") + ", but " + target.describe() + " holds "
                    + previous.projects().size() + "; refusing to remove them all. Check the upstream URL and the"
                    + " filters; to empty the mirror, remove the destination");
        }
        List<ProjectRecord> gone = previous.projects().values().stream().filter(p -> !listed.containsKey(p.name()))
                .toList();
        List<ProjectList.Project> changed = new ArrayList<>();
        for (ProjectList.Project p : listed.values()) {
            ProjectRecord recorded = previous.projects().get(p.normalizedName());
            boolean same = recorded != null && recorded.serial() >= 0 && p.lastSerial().isPresent()
                    && p.lastSerial().getAsLong() == recorded.serial();
            if (all || !same) {
                changed.add(p);
            }
        }
        listener.planned(listed.size(), changed.size(), gone.size());

        // Until every project has been looked at again, the state keeps the old upstream and
        // filters, so that a sync cut short looks at all of them again next time.
        var state = new Recorder(previous.upstream(), previous.filters(), previous);
        List<SyncReport.Failure> failures = new CopyOnWriteArrayList<>();
        try {
            for (ProjectRecord project : gone) {
                try {
                    target.remove(project);
                    deleted.addAndGet(project.files().size());
                    state.forget(project.name());
                    listener.projectRemoved(project.name());
                    removed.incrementAndGet();
                } catch (IOException e) {
                    failures.add(new SyncReport.Failure(project.name(), message(e)));
                    listener.projectFailed(project.name(), message(e));
                }
            }
            runAll(changed, previous, state, failures);
            target.finish(state.projects().values());
            if (failures.isEmpty()) {
                state.settle(upstreamUrl, filterText);
            }
        } catch (IOException | RuntimeException | Error e) {
            try {
                state.save(true);
            } catch (IOException | RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        state.save(true);
        return new SyncReport(listed.size(), synced.get(), listed.size() - changed.size(), removed.get(), pages.get(),
                files.get(), bytes.get(), metadata.get(), deleted.get(), failures,
                Duration.ofNanos(System.nanoTime() - start));
    }

    private ProjectList list() throws IOException {
        pages.incrementAndGet();
        return upstream.projectList();
    }

    /** The listed projects that pass the filters, by normalized name; invalid names are skipped with a warning. */
    private Map<String, ProjectList.Project> listed(ProjectList list) {
        Map<String, ProjectList.Project> listed = new LinkedHashMap<>();
        for (ProjectList.Project p : list.projects()) {
            if (!ProjectName.isValid(p.name())) {
                listener.warning("skipping '" + p.name() + "', which the upstream lists: it is no valid project name");
                continue;
            }
            if (filters.acceptsProject(p.normalizedName())) {
                listed.merge(p.normalizedName(), p, (a, b) -> serial(a) >= serial(b) ? a : b);
            }
        }
        return listed;
    }

    private static long serial(ProjectList.Project p) {
        return p.lastSerial().orElse(-1);
    }

    /** Syncs the projects on {@code jobs} threads; stops them all at the first unchecked exception. */
    private void runAll(List<ProjectList.Project> changed, MirrorState previous, Recorder state,
            List<SyncReport.Failure> failures) throws IOException {
        ExecutorService pool = Executors.newFixedThreadPool(options.jobs(), Thread.ofPlatform().daemon()
                .name("axle-mirror-", 1).factory());
        try {
            List<Future<?>> tasks = new ArrayList<>();
            for (ProjectList.Project p : changed) {
                tasks.add(pool.submit(() -> {
                    syncProject(p, Optional.ofNullable(previous.projects().get(p.normalizedName())), state, failures);
                    return null;
                }));
            }
            for (Future<?> task : tasks) {
                try {
                    task.get();
                } catch (ExecutionException e) {
                    pool.shutdownNow();
                    if (e.getCause() instanceof RuntimeException r) {
                        throw r;
                    }
                    if (e.getCause() instanceof Error error) {
                        throw error;
                    }
                    throw new IOException(e.getCause());
                } catch (InterruptedException e) {
                    pool.shutdownNow();
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("the sync was interrupted");
                }
            }
        } finally {
            pool.shutdownNow();
            try {
                pool.awaitTermination(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void syncProject(ProjectList.Project listed, Optional<ProjectRecord> recorded, Recorder state,
            List<SyncReport.Failure> failures) {
        String name = listed.normalizedName();
        try {
            pages.incrementAndGet();
            Optional<ProjectPage> page = upstream.projectPage(ProjectName.parse(name));
            if (page.isEmpty()) {
                // Deleted between the list and the page (bandersnatch reads it so too): gone.
                listener.warning(name + " is listed by the upstream, but its page is not there (HTTP 404): deleted"
                        + " meanwhile; " + (recorded.isPresent() ? "removed here too" : "skipped"));
                if (recorded.isPresent()) {
                    target.remove(recorded.get());
                    deleted.addAndGet(recorded.get().files().size());
                    state.forget(name);
                    removed.incrementAndGet();
                    listener.projectRemoved(name);
                }
                return;
            }
            OptionalLong serial = page.get().lastSerial().isPresent() ? page.get().lastSerial() : listed.lastSerial();
            Selection selection = filters.select(page.get());
            // The list spells names as uploaded; PyPI's project pages give the normalized name.
            ProjectUpdate update = new ProjectUpdate(name, listed.name(), serial.orElse(-1), selection.files(),
                    selection.versions(), recorded, options.verify());
            ProjectFetches fetches = new ProjectFetches(name);
            MirrorTarget.Written written = target.write(update, fetches);
            deleted.addAndGet(written.filesDeleted());
            state.record(written.record());
            synced.incrementAndGet();
            listener.projectSynced(name, written.record().files().size(), fetches.fetched.get(),
                    written.filesDeleted());
        } catch (IOException e) {
            if (e instanceof InterruptedIOException || Thread.currentThread().isInterrupted()) {
                return; // the sync is stopping
            }
            failures.add(new SyncReport.Failure(name, message(e)));
            listener.projectFailed(name, message(e));
        }
    }

    private static String message(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** The upstream as one project's target sees it: downloads counted and reported. */
    private final class ProjectFetches implements Upstream {
        private final String project;
        final AtomicInteger fetched = new AtomicInteger();

        ProjectFetches(String project) {
            this.project = project;
        }

        @Override
        public void download(DistributionFile file, Path path) throws IOException {
            upstream.download(file, path, (f, done, total) -> listener.downloading(project, f, done, total));
            long size = Files.size(path);
            files.incrementAndGet();
            fetched.incrementAndGet();
            bytes.addAndGet(size);
            listener.fetched(project, file.filename(), size);
        }

        @Override
        public Optional<byte[]> coreMetadata(DistributionFile file) throws IOException {
            try {
                Optional<byte[]> bytes = upstream.coreMetadata(file);
                bytes.ifPresent(b -> metadata.incrementAndGet());
                return bytes;
            } catch (IndexUnavailableException e) {
                if (e.status().isPresent() && e.status().getAsInt() == 404) {
                    warning(project + ": the upstream offers a metadata file for " + file.filename()
                            + " but has none; mirrored without it");
                    return Optional.empty();
                }
                throw e;
            }
        }

        @Override
        public void warning(String message) {
            listener.warning(message);
        }
    }

    /**
     * The state as the sync goes: each finished project recorded, the file written at most every
     * {@link MirrorOptions#stateInterval()} and at the end.
     */
    private final class Recorder {
        private String upstreamUrl;
        private String filterText;
        private final ConcurrentSkipListMap<String, ProjectRecord> projects;
        private long lastSave = System.nanoTime();
        private boolean dirty;

        Recorder(String upstreamUrl, String filterText, MirrorState previous) {
            this.upstreamUrl = upstreamUrl;
            this.filterText = filterText;
            // Another upstream's or other filters' records stay until each project is synced
            // again: they still say which files the destination holds.
            this.projects = new ConcurrentSkipListMap<>(previous.projects());
        }

        Map<String, ProjectRecord> projects() {
            return projects;
        }

        void record(ProjectRecord project) throws IOException {
            projects.put(project.name(), project);
            changed();
        }

        void forget(String name) throws IOException {
            projects.remove(name);
            changed();
        }

        private synchronized void changed() throws IOException {
            dirty = true;
            if (System.nanoTime() - lastSave >= options.stateInterval().toNanos()) {
                save(false);
            }
        }

        /** Every project was looked at with this upstream and these filters. */
        synchronized void settle(String upstreamUrl, String filterText) {
            dirty |= !this.upstreamUrl.equals(upstreamUrl) || !this.filterText.equals(filterText);
            this.upstreamUrl = upstreamUrl;
            this.filterText = filterText;
        }

        synchronized void save(boolean last) throws IOException {
            if (dirty || last) {
                target.writeState(StateCodec.encode(MirrorState.of(upstreamUrl, filterText, projects)));
                dirty = false;
                lastSave = System.nanoTime();
            }
        }
    }
}

package dev.axle.server.proxy;

import dev.axle.index.Index;
import dev.axle.index.IndexUnavailableException;
import dev.axle.index.ProjectPage;
import dev.axle.pep.ProjectName;
import dev.axle.server.store.IndexConfig;
import dev.axle.server.store.Store;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * Upstream project pages, kept in memory for their index's TTL: within it no upstream request;
 * past it the page is fetched again, once however many requests wait for it, and when that
 * fails the old page is used (stale-if-error) and the upstream asked again only after
 * {@link #RETRY_AFTER_ERROR} (or the TTL, if shorter). A 404 is kept too, so a missing name
 * does not reach the upstream on every request.
 */
final class UpstreamPages {
    static final Duration RETRY_AFTER_ERROR = Duration.ofSeconds(30);

    /** A page (empty: the upstream has no such project), with the serial the proxy gave it. */
    record Fetched(Optional<ProjectPage> page, long serial) {}

    private record Entry(Fetched fetched, Instant nextCheck) {}

    private final Store store;
    private final Function<IndexConfig, Index> upstreams;
    private final Clock clock;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();

    UpstreamPages(Store store, Function<IndexConfig, Index> upstreams, Clock clock) {
        this.store = store;
        this.upstreams = upstreams;
        this.clock = clock;
    }

    /**
     * The project's page on the proxy index's upstream, fresh within the TTL.
     *
     * @throws UpstreamUnavailableException if it must be fetched, cannot be, and none was kept
     */
    Fetched page(IndexConfig config, String name) {
        String key = config.name() + "/" + name;
        Entry kept = entries.get(key);
        if (kept != null && clock.instant().isBefore(kept.nextCheck())) {
            return kept.fetched();
        }
        ReentrantLock lock = locks.computeIfAbsent(key, k -> new ReentrantLock());
        lock.lock();
        try {
            kept = entries.get(key);
            Instant now = clock.instant();
            if (kept != null && now.isBefore(kept.nextCheck())) {
                return kept.fetched();
            }
            Optional<ProjectPage> page;
            try {
                page = upstreams.apply(config).projectPage(ProjectName.parse(name));
            } catch (IOException e) {
                if (kept != null) {
                    Duration retry = config.ttl().compareTo(RETRY_AFTER_ERROR) < 0 ? config.ttl() : RETRY_AFTER_ERROR;
                    entries.put(key, new Entry(kept.fetched(), now.plus(retry)));
                    return kept.fetched();
                }
                throw unavailable(config, "the page of '" + name + "'", e);
            }
            // A page that did not change keeps its serial, so clients' caches stay valid.
            Fetched fetched = kept != null && kept.fetched().page().equals(page) ? kept.fetched()
                    : new Fetched(page, store.serial());
            entries.put(key, new Entry(fetched, now.plus(config.ttl())));
            return fetched;
        } finally {
            lock.unlock();
        }
    }

    /** The page last fetched, however old, without asking the upstream; empty if none. */
    Optional<ProjectPage> last(IndexConfig config, String name) {
        Entry kept = entries.get(config.name() + "/" + name);
        return kept == null ? Optional.empty() : kept.fetched().page();
    }

    /** The error for a proxy index whose upstream failed while fetching {@code what}. */
    static UpstreamUnavailableException unavailable(IndexConfig config, String what, IOException e) {
        boolean answered = e instanceof IndexUnavailableException u ? u.status().isPresent() : true;
        return new UpstreamUnavailableException("index '" + config.name() + "' cannot fetch " + what + " from its"
                + " upstream " + config.shownUpstream().orElseThrow() + " and has no copy: " + e.getMessage(), answered, e);
    }
}

package dev.axle.server.http;

import dev.axle.server.store.IndexConfig;
import dev.axle.server.store.Store;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Simple pages as rendered, and index configurations, kept in memory while the store's serial
 * stays where it was when they were made. Every change to the store (an upload, a yank, an
 * index saved, from this server or from {@code axle yank} in another process) moves the serial
 * one up, and the first request that sees it moved drops everything kept. So a page is
 * rendered once per change instead of once per request, and a request for a kept page reads
 * one number from the database.
 *
 * <p>At most {@link #MAX_BYTES} of pages are kept; past that everything is dropped and the
 * cache fills again, so its memory stays bounded whatever the size of the index.
 */
final class PageCache {
    static final long MAX_BYTES = 64L << 20;

    /** A page: its body, its entity tag, and the serial it shows ({@code X-PyPI-Last-Serial}). */
    record Page(byte[] body, String etag, long lastSerial) {
        static Page of(byte[] body, long lastSerial) {
            return new Page(body, Exchange.etag(body), lastSerial);
        }
    }

    /** Renders a page, or answers that there is none. */
    interface Render<E extends Exception> {
        Optional<Page> get() throws E;
    }

    /**
     * What is kept is keyed by the serial read before it was made, as well: a request that read
     * the serial before another server's change, and renders after a later request dropped
     * everything for it, puts its page under the old serial, where no request at the new serial
     * looks. Content is always read after the serial, so it is never older than its key says.
     */
    private record Key(String index, String project, String mediaType, long serial) {}

    private record IndexKey(String name, long serial) {}

    private final Store store;
    private final ConcurrentHashMap<Key, Page> pages = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<IndexKey, Optional<IndexConfig>> indexes = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<IndexKey, Boolean> proxied = new ConcurrentHashMap<>();
    private final AtomicLong bytes = new AtomicLong();
    private volatile long serial = -1;

    PageCache(Store store) {
        this.store = store;
    }

    /** The store's serial now; when it moved since the last look, everything kept is dropped. */
    long serial() {
        long now = store.serial();
        if (now != serial) {
            synchronized (this) {
                if (now != serial) {
                    pages.clear();
                    indexes.clear();
                    proxied.clear();
                    bytes.set(0);
                    serial = now;
                }
            }
        }
        return now;
    }

    /** The index's configuration, as of {@code serial} (read from {@link #serial()} before). */
    Optional<IndexConfig> index(String name, long serial) {
        return indexes.computeIfAbsent(new IndexKey(name, serial), k -> store.index(k.name()));
    }

    /**
     * The page of {@code project} (null: the project list) on {@code index} in {@code mediaType},
     * as of {@code serial} (read from {@link #serial()} before), rendered by {@code render} when
     * not kept (empty: no such page, which is not kept).
     */
    <E extends Exception> Optional<Page> page(String index, String project, String mediaType, long serial,
            Render<E> render) throws E {
        Key key = new Key(index, project == null ? "" : project, mediaType, serial);
        Page kept = pages.get(key);
        if (kept != null) {
            return Optional.of(kept);
        }
        Optional<Page> made = render.get();
        made.ifPresent(p -> {
            if (bytes.addAndGet(p.body().length) > MAX_BYTES) {
                synchronized (this) {
                    pages.clear();
                    bytes.set(p.body().length);
                }
            }
            pages.put(key, p);
        });
        return made;
    }

    /**
     * Whether {@code index}'s chain has a proxy index ({@code chainHasProxy} answers when not
     * kept): its pages are not kept here, as a proxied listing ages by time, not by serial.
     */
    boolean proxied(String index, long serial, Function<String, Boolean> chainHasProxy) {
        return proxied.computeIfAbsent(new IndexKey(index, serial), k -> chainHasProxy.apply(k.name()));
    }
}

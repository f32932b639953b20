package dev.axle.server.http;

import dev.axle.pep.ProjectName;
import dev.axle.server.Catalog;
import dev.axle.server.Catalog.ProjectView;
import dev.axle.server.Upstreams;
import dev.axle.server.blob.BlobStore;
import dev.axle.server.http.PageCache.Page;
import dev.axle.server.proxy.Transfer;
import dev.axle.server.store.IndexConfig;
import dev.axle.server.store.Store;
import dev.axle.server.store.StoredFile;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.io.ByteBufferPool;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The server's routes. Paths under {@code /{index}/} address that index; the index {@code main}
 * also answers without the prefix ({@code /simple/}, {@code /pypi/...}, {@code /project/...}).
 * Handlers block (the server runs them on virtual threads).
 */
public final class Routes extends Handler.Abstract {
    private static final Set<String> TOP_ROUTES = Set.of("simple", "pypi", "project", "legacy", "files", "api");
    static final String MAIN = "main";

    private final Store store;
    private final Catalog catalog;
    private final PageCache pages;
    private final Upstreams upstreams;
    private final Metrics metrics = new Metrics();
    private final FileResponses files;
    private final Upload upload;
    private final Management management;
    private final BlobStore blobs;
    private volatile boolean stopping;
    /** A key no blob has, looked up to see that the blob store answers. */
    private static final String READINESS_PROBE_KEY = "health/ready-probe";

    public Routes(Store store, BlobStore blobs, Upstreams upstreams, ByteBufferPool pool) {
        this.store = store;
        this.blobs = blobs;
        this.upstreams = upstreams;
        this.catalog = new Catalog(store, upstreams);
        this.pages = new PageCache(store);
        this.files = new FileResponses(blobs, new ByteBufferPool.Sized(pool, true, 64 * 1024), metrics);
        this.upload = new Upload(store, blobs, metrics);
        this.management = new Management(store, blobs);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        Exchange x = new Exchange(request, response, callback);
        Request.addCompletionListener(request, failure -> metrics.request(x.route, response.getStatus()));
        try {
            route(x);
        } catch (Upstreams.UpstreamException e) {
            if (response.isCommitted()) {
                throw e;
            }
            x.text(502, "Bad Gateway: " + e.getMessage());
        } catch (RuntimeException e) {
            if (response.isCommitted()) {
                throw e;
            }
            x.route = "error";
            x.text(500, "Internal Server Error: " + e.getMessage());
        }
        return true;
    }

    /**
     * For load balancers: {@code /health} and {@code /health/live} answer 200 while the process
     * serves requests; {@code /health/ready} answers 200 only while the database and the blob
     * store answer and the server is not stopping, 503 with the reason otherwise.
     */
    private void health(Exchange x, String probe) {
        switch (probe) {
            case "live" -> x.text(200, "ok");
            case "ready" -> {
                Optional<String> unready = readiness();
                if (unready.isEmpty()) {
                    x.text(200, "ready");
                } else {
                    x.text(503, "Service Unavailable: " + unready.get());
                }
            }
            default -> x.text(404, "Not Found: /health/live or /health/ready");
        }
    }

    private Optional<String> readiness() {
        if (stopping) {
            return Optional.of("the server is stopping");
        }
        try {
            store.serialNow();
        } catch (RuntimeException e) {
            return Optional.of("the database does not answer: " + e.getMessage());
        }
        try {
            blobs.size(READINESS_PROBE_KEY);
        } catch (IOException | RuntimeException e) {
            return Optional.of("the blob store does not answer: " + e.getMessage());
        }
        return Optional.empty();
    }

    /** Marks the server as stopping: readiness fails from now on, so load balancers send no new requests. */
    public void stopping() {
        stopping = true;
    }

    private void route(Exchange x) throws Exception {
        String path = x.request.getHttpURI().getDecodedPath();
        boolean slash = path.endsWith("/");
        List<String> segments = new ArrayList<>();
        for (String s : path.split("/")) {
            if (!s.isEmpty()) {
                segments.add(s);
            }
        }
        if (!segments.isEmpty() && segments.size() <= 2 && segments.getFirst().equals("health")) {
            x.route = "health";
            x.headers().put(HttpHeader.CACHE_CONTROL, "no-store");
            health(x, segments.size() == 1 ? "live" : segments.get(1));
            return;
        }
        if (segments.size() == 1 && segments.getFirst().equals("metrics")) {
            x.route = "metrics";
            x.headers().put(HttpHeader.CACHE_CONTROL, "no-store");
            x.send(200, "text/plain; version=0.0.4; charset=utf-8", metrics.render());
            return;
        }
        String index = MAIN;
        if (!segments.isEmpty() && !TOP_ROUTES.contains(segments.getFirst())) {
            index = segments.removeFirst();
        }
        // Read once a request: every page and configuration this request uses is kept under it.
        x.serial = pages.serial();
        Optional<IndexConfig> config = pages.index(index, x.serial);
        if (config.isEmpty()) {
            x.route = "unknown";
            x.text(404, "Not Found: no index '" + index + "' on this server");
            return;
        }
        String base = index.equals(MAIN) && !path.startsWith("/" + MAIN + "/") ? "/" : "/" + index + "/";
        String first = segments.isEmpty() ? "" : segments.getFirst();
        if (x.method().equals("POST")) {
            if (config.get().upstream().isPresent()) {
                x.headers().put(HttpHeader.CONNECTION, "close");
                x.text(403, "Forbidden: index '" + index + "' mirrors " + config.get().upstream().get()
                        + " and takes no uploads or changes");
            } else if (segments.isEmpty() || (segments.size() == 1 && first.equals("legacy"))) {
                x.route = "upload";
                upload.handle(x, index);
            } else if (first.equals("api")) {
                x.route = "api";
                management.handle(x, index, segments.subList(1, segments.size()));
            } else {
                x.text(405, "Method Not Allowed: POST uploads to " + base + " or " + base + "legacy/");
            }
            return;
        }
        if (!x.method().equals("GET") && !x.method().equals("HEAD")) {
            x.headers().put(HttpHeader.ALLOW, "GET, HEAD, POST");
            x.text(405, "Method Not Allowed: " + x.method());
            return;
        }
        switch (first) {
            case "" -> {
                x.route = "home";
                x.headers().put(HttpHeader.CACHE_CONTROL, Exchange.PAGE_CACHE);
                x.send(200, "text/html; charset=utf-8", HumanPages.projects(index, catalog.projects(index),
                        x.query("q")));
            }
            case "simple" -> simple(x, index, base, segments, slash);
            case "pypi" -> warehouse(x, index, base, segments);
            case "project" -> humanProject(x, index, base, segments, slash);
            case "files" -> file(x, config.get(), segments);
            default -> {
                x.route = "unknown";
                x.text(404, "Not Found");
            }
        }
    }

    private void simple(Exchange x, String index, String base, List<String> segments, boolean slash)
            throws Upstreams.UpstreamException {
        if (segments.size() > 2) {
            x.route = "unknown";
            x.text(404, "Not Found");
            return;
        }
        x.route = segments.size() == 1 ? "simple-index" : "simple-project";
        Optional<String> type = MediaTypes.choose(mediaTypeAsked(x), MediaTypes.SIMPLE);
        x.headers().put(HttpHeader.VARY, "Accept");
        if (type.isEmpty()) {
            x.text(406, "Not Acceptable: this page comes as " + String.join(", ", MediaTypes.SIMPLE));
            return;
        }
        if (segments.size() == 1) {
            if (!slash) {
                x.redirect(base + "simple/");
                return;
            }
            long serial = x.serial;
            send(x, type.get(), page(x, index, null, type.get(),
                    () -> Optional.of(Page.of(SimplePages.list(type.get(), catalog.projects(index), serial), serial))));
            return;
        }
        String asked = segments.get(1);
        String name = ProjectName.canonicalize(asked);
        if (!name.equals(asked) || !slash) {
            x.redirect(base + "simple/" + Urls.segment(name) + "/");
            return;
        }
        Optional<Page> page = page(x, index, name, type.get(), () -> catalog.project(index, name)
                .map(view -> Page.of(SimplePages.project(type.get(), view), view.lastSerial())));
        if (page.isEmpty()) {
            x.text(404, "Not Found: no project '" + name + "' on index '" + index + "'");
            return;
        }
        send(x, type.get(), page);
    }

    /** A simple page, kept in the page cache unless the index's chain has a proxy. */
    private Optional<Page> page(Exchange x, String index, String project, String mediaType,
            PageCache.Render<Upstreams.UpstreamException> render) throws Upstreams.UpstreamException {
        if (pages.proxied(index, x.serial, i -> catalog.chain(i).stream().anyMatch(c -> c.upstream().isPresent()))) {
            return render.get();
        }
        return pages.page(index, project, mediaType, x.serial, render);
    }

    private static void send(Exchange x, String mediaType, Optional<Page> page) {
        x.headers().put("X-PyPI-Last-Serial", Long.toString(page.get().lastSerial()));
        x.sendPage(mediaType, page.get().body(), page.get().etag());
    }

    /** The type asked for: PEP 691's {@code format} query parameter wins over the Accept header. */
    private static String mediaTypeAsked(Exchange x) {
        String format = x.query("format");
        return format != null ? format : x.header(HttpHeader.ACCEPT);
    }

    private void warehouse(Exchange x, String index, String base, List<String> segments)
            throws Upstreams.UpstreamException {
        x.route = "json";
        boolean valid = (segments.size() == 3 || segments.size() == 4) && segments.getLast().equals("json");
        if (!valid) {
            x.text(404, "Not Found: use " + base + "pypi/{project}/json or " + base + "pypi/{project}/{version}/json");
            return;
        }
        String asked = segments.get(1);
        String version = segments.size() == 4 ? segments.get(2) : null;
        String name = ProjectName.canonicalize(asked);
        if (!name.equals(asked)) {
            x.redirect(base + "pypi/" + Urls.segment(name) + "/" + (version == null ? "" : Urls.segment(version) + "/")
                    + "json");
            return;
        }
        Optional<ProjectView> view = catalog.project(index, name);
        Optional<byte[]> body;
        try {
            body = view.flatMap(v -> WarehouseJson.render(v, version, baseUrl(x), baseUrl(x) + base.substring(1)));
        } catch (dev.axle.pep.InvalidVersionException e) {
            body = Optional.empty();
        }
        if (body.isEmpty()) {
            x.text(404, "Not Found: no " + (version == null ? "project '" + name + "'"
                    : "version " + version + " of '" + name + "'") + " on index '" + index + "'");
            return;
        }
        x.headers().put("X-PyPI-Last-Serial", Long.toString(view.get().lastSerial()));
        x.sendPage("application/json", body.get());
    }

    private void humanProject(Exchange x, String index, String base, List<String> segments, boolean slash)
            throws Upstreams.UpstreamException {
        x.route = "project";
        if (segments.size() != 2) {
            x.text(404, "Not Found");
            return;
        }
        String asked = segments.get(1);
        String name = ProjectName.canonicalize(asked);
        if (!name.equals(asked) || !slash) {
            x.redirect(base + "project/" + Urls.segment(name) + "/");
            return;
        }
        Optional<ProjectView> view = catalog.project(index, name);
        if (view.isEmpty()) {
            x.text(404, "Not Found: no project '" + name + "' on index '" + index + "'");
            return;
        }
        x.headers().put(HttpHeader.CACHE_CONTROL, Exchange.PAGE_CACHE);
        x.send(200, "text/html; charset=utf-8", HumanPages.project(index, view.get(),
                baseUrl(x) + base.substring(1) + "simple/"));
    }

    private void file(Exchange x, IndexConfig config, List<String> segments) throws Exception {
        x.route = "file";
        String index = config.name();
        if (segments.size() != 3) {
            x.text(404, "Not Found");
            return;
        }
        String project = segments.get(1);
        String filename = segments.get(2);
        boolean metadata = filename.endsWith(".metadata");
        String distribution = metadata ? filename.substring(0, filename.length() - ".metadata".length()) : filename;
        Optional<StoredFile> file = store.file(index, distribution).filter(f -> f.project().equals(project));
        if (file.isEmpty() || (metadata && file.get().metadataSha256().isEmpty())) {
            x.text(404, "Not Found: no file '" + filename + "' of project '" + project + "' on index '" + index + "'");
            return;
        }
        StoredFile f = file.get();
        try {
            if (!metadata && config.upstream().isPresent() && StreamedDownload.streamable(x)) {
                Transfer transfer = upstreams.transfer(config, f);
                if (StreamedDownload.stream(x, f, transfer, metrics)) {
                    return;
                }
                transfer.await();
            } else {
                upstreams.ensure(config, f, metadata);
            }
        } catch (IOException e) {
            x.text(502, "Bad Gateway: cannot fetch " + filename + " from the upstream of index '" + index + "': "
                    + e.getMessage());
            return;
        }
        if (metadata) {
            x.route = "metadata";
            files.serve(x, f.metadataBlobKey(), f.metadataSha256().get(), "text/plain; charset=utf-8");
        } else {
            files.serve(x, f.blobKey(), f.sha256(), "application/octet-stream");
        }
    }

    /** The server's root URL as the client addressed it (scheme, host, port), ending in a slash. */
    private static String baseUrl(Exchange x) {
        HttpURI uri = x.request.getHttpURI();
        int port = uri.getPort();
        String scheme = uri.getScheme() == null ? "http" : uri.getScheme();
        return scheme + "://" + uri.getHost() + (port > 0 ? ":" + port : "") + "/";
    }
}

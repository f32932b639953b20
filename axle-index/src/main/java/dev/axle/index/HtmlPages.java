package dev.axle.index;

import dev.axle.pep.PercentEncoding;
import dev.axle.pep.InvalidNameException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The HTML form (PEP 503 with PEP 592, 629, 658 and 714): every anchor with an {@code href}
 * anywhere in the document is an entry, its {@code data-*} attributes describe the file.
 * jsoup parses as a browser does, decoding entities in attributes and text and never failing
 * on malformed markup.
 */
final class HtmlPages {
    private static final String REPOSITORY_VERSION = "pypi:repository-version";

    private HtmlPages() {}

    static ProjectPage projectPage(byte[] body, Optional<Charset> charset, URI url) throws InvalidIndexPageException {
        Document document = parse(body, charset, url);
        ApiVersion version = repositoryVersion(document, url);
        List<DistributionFile> files = files(document, url);
        String name = projectName(url);
        try {
            return ProjectPage.of(name, version, files, List.of());
        } catch (InvalidNameException e) {
            throw new InvalidIndexPageException(url, "an HTML project page does not name its project, and the"
                    + " last segment of its URL ('" + name + "') is no project name; request <index>/<project>/", e);
        }
    }

    /**
     * Every link on any HTML page (a find-links page need not be a simple API page): the files it
     * links to, with their {@code data-*} attributes as on a project page.
     */
    static List<DistributionFile> links(byte[] body, Optional<Charset> charset, URI url) {
        return files(parse(body, charset, url), url);
    }

    private static List<DistributionFile> files(Document document, URI url) {
        URI base = base(document, url);
        List<DistributionFile> files = new ArrayList<>();
        for (Element anchor : document.getElementsByTag("a")) {
            // An anchor without a link (or linking to the page itself) names no file.
            if (!anchor.attr("href").isBlank()) {
                FileLink.resolve(base, anchor.attr("href")).ifPresent(link -> files.add(file(anchor, link)));
            }
        }
        return files;
    }

    static ProjectList projectList(byte[] body, Optional<Charset> charset, URI url) throws InvalidIndexPageException {
        Document document = parse(body, charset, url);
        ApiVersion version = repositoryVersion(document, url);
        URI base = base(document, url);
        List<ProjectList.Project> projects = new ArrayList<>();
        for (Element anchor : document.getElementsByTag("a")) {
            String name = anchor.text().strip();
            if (name.isEmpty() && anchor.hasAttr("href")) {
                // The text MUST be the name; without it, the link's last segment is the best guess.
                name = FileLink.resolveUrl(base, anchor.attr("href")).map(HtmlPages::projectName).orElse("");
            }
            if (!name.isEmpty()) {
                projects.add(ProjectList.Project.of(name));
            }
        }
        return new ProjectList(version, projects);
    }

    private static DistributionFile file(Element anchor, FileLink link) {
        String filename = FileLink.filename(link.url());
        if (filename.isEmpty()) {
            filename = anchor.text().strip();
        }
        Optional<String> requiresPython = Optional.of(anchor.attr("data-requires-python").strip())
                .filter(s -> !s.isEmpty());
        Yanked yanked = anchor.hasAttr("data-yanked") ? Yanked.because(anchor.attr("data-yanked")) : Yanked.NO;
        Optional<Boolean> gpgSig = switch (anchor.attr("data-gpg-sig").strip()) {
            case "true" -> Optional.of(true);
            case "false" -> Optional.of(false);
            default -> Optional.empty();
        };
        return new DistributionFile(filename, link.url(), link.hashes(), requiresPython, yanked,
                coreMetadata(anchor), gpgSig, Optional.empty(), Optional.empty());
    }

    /**
     * PEP 714's {@code data-core-metadata}, else PEP 658's older name: {@code true} (or any
     * value that is no hash) means a metadata file without a known hash, {@code name=digest}
     * one with that hash; {@code false}, which the specification does not use, is read as absent.
     */
    private static CoreMetadata coreMetadata(Element anchor) {
        String attribute = anchor.hasAttr("data-core-metadata") ? "data-core-metadata"
                : anchor.hasAttr("data-dist-info-metadata") ? "data-dist-info-metadata" : null;
        if (attribute == null) {
            return CoreMetadata.ABSENT;
        }
        String value = anchor.attr(attribute).strip();
        if (value.equalsIgnoreCase("false")) {
            return CoreMetadata.ABSENT;
        }
        return CoreMetadata.available(FileLink.hash(value).map(e -> Map.of(e.getKey(), e.getValue())).orElse(Map.of()));
    }

    private static Document parse(byte[] body, Optional<Charset> charset, URI url) {
        try {
            // Without a charset, jsoup looks for a byte order mark and <meta charset>, else UTF-8.
            return Jsoup.parse(new ByteArrayInputStream(body), charset.map(Charset::name).orElse(null), url.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e); // reading a byte array does not fail
        }
    }

    private static ApiVersion repositoryVersion(Document document, URI url) throws InvalidIndexPageException {
        for (Element meta : document.getElementsByTag("meta")) {
            // HTML compares meta names without case.
            if (meta.attr("name").strip().equalsIgnoreCase(REPOSITORY_VERSION)) {
                String content = meta.attr("content");
                ApiVersion version = ApiVersion.parse(content).orElseThrow(() -> new InvalidIndexPageException(url,
                        "<meta name=\"" + REPOSITORY_VERSION + "\"> has content '" + content
                                + "', which is no major.minor version"));
                return SimpleApi.supported(version, url);
            }
        }
        return ApiVersion.DEFAULT;
    }

    /** The first {@code <base href>}, resolved against the page's URL, else the page's URL. */
    private static URI base(Document document, URI url) {
        Element base = document.selectFirst("base[href]");
        return base == null ? url : FileLink.resolveUrl(url, base.attr("href")).orElse(url);
    }

    /** The last non-empty path segment, skipping {@code index.html} (static trees and {@code file:} indexes). */
    private static String projectName(URI url) {
        String path = url.getRawPath() == null ? "" : url.getRawPath();
        String[] segments = path.split("/");
        for (int i = segments.length - 1; i >= 0; i--) {
            if (!segments[i].isEmpty() && !(i == segments.length - 1 && segments[i].equals("index.html"))) {
                return PercentEncoding.decode(segments[i]);
            }
        }
        return "";
    }
}

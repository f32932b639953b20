package dev.axle.index;

import java.net.URI;
import java.nio.charset.StandardCharsets;

/** Parsing hand-written pages in tests. */
final class Pages {
    static final URI PAGE = URI.create("https://index.example/simple/holygrail/");

    private Pages() {}

    static ProjectPage html(String body) throws InvalidIndexPageException {
        return SimpleApi.parseProjectPage(SimpleApi.HTML_V1, bytes(body), PAGE);
    }

    static ProjectPage json(String body) throws InvalidIndexPageException {
        return SimpleApi.parseProjectPage(SimpleApi.JSON_V1, bytes(body), PAGE);
    }

    /** A JSON project page for holygrail with one file whose members are {@code fileMembers}. */
    static ProjectPage jsonFile(String fileMembers) throws InvalidIndexPageException {
        return json("""
                {"meta": {"api-version": "1.1"}, "name": "holygrail", "files": [
                  {"filename": "holygrail-1.0.tar.gz", "url": "holygrail-1.0.tar.gz", "hashes": {}%s}]}
                """.formatted(fileMembers.isEmpty() ? "" : ", " + fileMembers));
    }

    /** A HTML project page for holygrail with one anchor carrying {@code attributes}. */
    static DistributionFile htmlAnchor(String attributes) throws InvalidIndexPageException {
        return html("<a href=\"holygrail-1.0.tar.gz\" " + attributes + ">holygrail-1.0.tar.gz</a>").files().get(0);
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}

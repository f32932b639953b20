package dev.axle.server.http;

import dev.axle.pep.MetadataField;
import dev.axle.pep.RawMetadata;
import dev.axle.server.Catalog.ProjectView;
import dev.axle.server.store.Project;
import dev.axle.server.store.Release;
import dev.axle.server.store.StoredFile;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * Pages for people: the project list with a search box, and a project page. Every value from
 * an upload is escaped; a description is shown as text in {@code <pre>}, never as HTML.
 */
final class HumanPages {
    private HumanPages() {}

    static byte[] projects(String index, List<Project> projects, String query) {
        String q = query == null ? "" : query.trim().toLowerCase(Locale.ROOT);
        StringBuilder html = head("Projects on " + index);
        html.append("<form method=\"get\"><input type=\"search\" name=\"q\" value=\"").append(Html.escape(q))
                .append("\" placeholder=\"Search projects\"> <button>Search</button></form>\n<ul>\n");
        int shown = 0;
        for (Project p : projects) {
            if (q.isEmpty() || p.name().contains(q) || p.displayName().toLowerCase(Locale.ROOT).contains(q)) {
                html.append("<li><a href=\"").append(Html.escape(projectPath(index, p.name()))).append("\">")
                        .append(Html.escape(p.displayName())).append("</a></li>\n");
                shown++;
            }
        }
        html.append("</ul>\n<p>").append(shown).append(shown == 1 ? " project" : " projects")
                .append(q.isEmpty() ? "" : " matching '" + Html.escape(q) + "'").append(".</p>\n");
        return tail(html);
    }

    /** A project's page; {@code simpleUrl} is the index's simple API, for the install hint. */
    static byte[] project(String index, ProjectView view, String simpleUrl) {
        List<String> versions = SimplePages.versions(view);
        String latest = versions.isEmpty() ? "" : versions.getLast();
        RawMetadata metadata = view.releases().stream().filter(r -> r.version().equals(latest)).findFirst()
                .map(Release::metadata).map(RawMetadata::parseEmail).orElse(RawMetadata.builder().build());
        StringBuilder html = head(view.displayName() + " " + latest);
        metadata.string(MetadataField.SUMMARY).ifPresent(s -> html.append("<p class=\"summary\">")
                .append(Html.escape(s)).append("</p>\n"));
        html.append("<p>Install: <code>pip install --index-url ").append(Html.escape(simpleUrl))
                .append(' ').append(Html.escape(view.name())).append("</code></p>\n<h2>Versions</h2>\n<ul>\n");
        for (String v : versions.reversed()) {
            html.append("<li>").append(Html.escape(v)).append("</li>\n");
        }
        html.append("</ul>\n<h2>Files</h2>\n<table>\n<tr><th>File</th><th>Size</th><th>Uploaded</th>"
                + "<th>SHA-256</th><th></th></tr>\n");
        for (StoredFile f : view.files().reversed()) {
            html.append("<tr><td><a href=\"").append(Html.escape(Urls.file(f))).append("\">")
                    .append(Html.escape(f.filename())).append("</a></td><td>").append(f.size()).append("</td><td>")
                    .append(SimplePages.uploadTime(f.uploadTime())).append("</td><td><code>").append(f.sha256())
                    .append("</code></td><td>")
                    .append(f.yanked() ? "yanked" + f.yankedReason().map(r -> ": " + Html.escape(r)).orElse("") : "")
                    .append("</td></tr>\n");
        }
        html.append("</table>\n");
        metadata.string(MetadataField.DESCRIPTION).ifPresent(d -> html.append("<h2>Description</h2>\n<pre>")
                .append(Html.escape(d)).append("</pre>\n"));
        return tail(html);
    }

    static String projectPath(String index, String name) {
        return (index.equals("main") ? "" : "/" + Urls.segment(index)) + "/project/" + Urls.segment(name) + "/";
    }

    private static StringBuilder head(String title) {
        return new StringBuilder(4096).append("<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(Html.escape(title)).append("</title>\n</head>\n<body>\n<h1>").append(Html.escape(title))
                .append("</h1>\n");
    }

    private static byte[] tail(StringBuilder html) {
        return html.append("</body>\n</html>\n").toString().getBytes(StandardCharsets.UTF_8);
    }
}

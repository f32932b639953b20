package dev.axle.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.axle.env.AtomicFiles;
import dev.axle.env.PythonInterpreter;
import dev.axle.finder.Finder;
import dev.axle.finder.FoundCandidate;
import dev.axle.pep.MarkerEnvironment;
import dev.axle.pep.MetadataJson;
import dev.axle.resolver.python.CandidateUnavailableException;
import dev.axle.resolver.python.Resolution;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * pip's installation report ({@code pip install --report}, format version "1"): what would be
 * installed, where from, and each distribution's core metadata as JSON, so that tools written
 * for pip's reports read axle's. What stays installed is not listed, as in pip.
 */
final class InstallationReport {
    /** The pip version whose report format this follows, named in {@code pip_version}. */
    private static final String PIP_FORMAT = "26.2.1";

    private static final List<String> MARKERS = List.of("implementation_name", "implementation_version", "os_name",
            "platform_machine", "platform_release", "platform_system", "platform_version", "python_full_version",
            "platform_python_implementation", "python_version", "sys_platform");

    private InstallationReport() {}

    /** Writes the report to {@code file} (atomically), or to stdout for {@code -}. */
    static void write(Path file, Session session, PythonInterpreter python, Resolution resolution, Finder finder)
            throws IOException {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("version", "1");
        report.put("pip_version", PIP_FORMAT);
        report.put("axle_version", Axle.version());
        List<Object> install = new ArrayList<>();
        for (Resolution.Package p : resolution.packages()) {
            if (p.candidate() instanceof FoundCandidate found) {
                install.add(item(p, found, finder));
            }
        }
        report.put("install", install);
        report.put("environment", environment(python.markerEnvironment()));
        byte[] json = (new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report) + "\n")
                .getBytes(StandardCharsets.UTF_8);
        if (file.toString().equals("-")) {
            session.out.print(new String(json, StandardCharsets.UTF_8));
            session.out.flush();
        } else {
            AtomicFiles.write(session.cwd.resolve(file), json);
        }
    }

    private static Map<String, Object> item(Resolution.Package p, FoundCandidate found, Finder finder)
            throws IOException {
        Map<String, Object> item = new LinkedHashMap<>();
        Map<String, Object> download = new LinkedHashMap<>();
        download.put("url", url(found.file().url().toString()));
        Map<String, Object> archive = new LinkedHashMap<>();
        if (!found.file().hashes().isEmpty()) {
            archive.put("hashes", new java.util.TreeMap<>(found.file().hashes()));
            String algorithm = found.file().hashes().containsKey("sha256") ? "sha256"
                    : found.file().hashes().keySet().iterator().next();
            archive.put("hash", algorithm + "=" + found.file().hashes().get(algorithm));
        }
        download.put("archive_info", archive);
        item.put("download_info", download);
        item.put("is_direct", found.direct());
        item.put("is_yanked", found.yanked());
        item.put("requested", p.requested());
        if (p.requested() && !p.extras().isEmpty()) {
            item.put("requested_extras", new ArrayList<>(new TreeSet<>(p.extras())));
        }
        try {
            item.put("metadata", MetadataJson.of(finder.rawMetadata(found)));
        } catch (CandidateUnavailableException e) {
            throw new IOException(found + ": " + e.getMessage(), e);
        }
        return item;
    }

    /** A URL as pip writes it: {@code file:///path}, where Java's URI writes {@code file:/path}. */
    static String url(String url) {
        return url.startsWith("file:/") && !url.startsWith("file://") ? "file://" + url.substring(5) : url;
    }

    private static Map<String, String> environment(MarkerEnvironment markers) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String name : MARKERS) {
            markers.value(name).ifPresent(v -> out.put(name, v));
        }
        return out;
    }
}

package dev.axle.env;

import com.fasterxml.jackson.databind.JsonNode;
import dev.axle.pep.MarkerEnvironment;
import dev.axle.pep.Version;
import dev.axle.pep.tags.Libc;
import dev.axle.pep.tags.PythonVersion;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads the JSON that {@code interpreter_query.py} prints into a {@link PythonInterpreter}. */
final class QueryAnswer {
    /** What the script writes in place of a layout's root folder. */
    private static final String ROOT_MARK = "@AXLE_ROOT@";

    /** The text of a PEP 668 refusal when the distributor's file gives none. */
    static final String DEFAULT_EXTERNALLY_MANAGED = "This Python installation is managed by the operating system"
            + " or another package manager; install its packages with that tool, or use a virtual environment.";

    private final Path executable;
    private final JsonNode answer;

    private QueryAnswer(Path executable, JsonNode answer) {
        this.executable = executable;
        this.answer = answer;
    }

    /**
     * The interpreter at {@code executable} as {@code answer} describes it.
     *
     * @throws UnsupportedInterpreterException for Python 2 and Python 3 before 3.7
     * @throws InterpreterQueryException when the answer lacks a field or has a bad value
     */
    static PythonInterpreter read(Path executable, JsonNode answer) {
        return new QueryAnswer(executable, answer).read();
    }

    /** Whether the answer describes a usable interpreter (rather than refusing an old one). */
    static boolean isSupported(JsonNode answer) {
        return "ok".equals(answer.path("result").asText());
    }

    private PythonInterpreter read() {
        String result = answer.path("result").asText();
        if (result.equals("unsupported")) {
            throw new UnsupportedInterpreterException(executable, answer.path("version").asText("unknown"));
        }
        if (!result.equals("ok")) {
            throw new InterpreterQueryException(executable, "unexpected answer: " + abbreviate(answer.toString()));
        }
        try {
            Version version = Version.parse(text("version"));
            MarkerEnvironment markers = MarkerEnvironment.of(strings(node("markers")));
            String implementation = text("implementation_name");
            String stdlib = text("stdlib");
            String managed = answer.path("externally_managed").isNull() ? null
                    : answer.path("externally_managed").asText();
            JsonNode tags = node("tags");
            return new PythonInterpreter(
                    executable,
                    version,
                    implementation,
                    markers,
                    compatibility(implementation, version, markers, tags).interpreter(),
                    path("prefix"),
                    path("base_prefix"),
                    path("base_executable"),
                    text("scheme_name"),
                    scheme(node("scheme")),
                    scheme(node("user_scheme")),
                    path("user_base"),
                    node("user_site_enabled").asBoolean(),
                    paths(node("site_directories")),
                    Path.of(stdlib),
                    text("cache_tag"),
                    managed == null ? Optional.empty()
                            : Optional.of(managed.isBlank() ? DEFAULT_EXTERNALLY_MANAGED : managed),
                    !tags.path("pointer_bits").asText().equals("32"),
                    layout(node("prefix_layout")),
                    layout(node("venv_layout")));
        } catch (IllegalArgumentException e) {
            throw new InterpreterQueryException(executable, "unreadable answer (" + e.getMessage() + "): "
                    + abbreviate(answer.toString()), e);
        }
    }

    private static CompatibilityInputs compatibility(String implementation, Version version,
            MarkerEnvironment markers, JsonNode tags) {
        JsonNode libc = tags.path("libc");
        Libc c = null;
        if (libc.isObject()) {
            String[] v = libc.path("version").asText().split("\\.");
            int major = Integer.parseInt(v[0]);
            int minor = v.length > 1 ? Integer.parseInt(v[1].replaceAll("[^0-9].*", "")) : 0;
            c = libc.path("name").asText().equals("musl") ? Libc.musl(major, minor) : Libc.glibc(major, minor);
        }
        return new CompatibilityInputs(
                implementation,
                PythonVersion.of(version.major().intValueExact(), version.minor().intValueExact()),
                markers.value("platform_system").orElse(""),
                tags.path("sysconfig_platform").asText(),
                !tags.path("maxsize_64bit").asBoolean(true),
                c,
                tags.path("mac_version").isTextual() ? tags.path("mac_version").asText() : null,
                tags.path("mac_arch").isTextual() ? tags.path("mac_arch").asText() : null,
                tags.path("ext_suffix").isTextual() ? tags.path("ext_suffix").asText() : null,
                tags.path("py_debug").asBoolean(),
                tags.path("gil_disabled").asBoolean(),
                tags.path("with_pymalloc").asBoolean(true),
                tags.path("wide_unicode").asBoolean(true));
    }

    private JsonNode node(String name) {
        JsonNode n = answer.get(name);
        if (n == null || n.isNull()) {
            throw new IllegalArgumentException("no " + name);
        }
        return n;
    }

    private String text(String name) {
        JsonNode n = node(name);
        if (!n.isTextual()) {
            throw new IllegalArgumentException(name + " is not a string");
        }
        return n.asText();
    }

    private Path path(String name) {
        return Path.of(text(name));
    }

    private static Map<String, String> strings(JsonNode object) {
        Map<String, String> out = new LinkedHashMap<>();
        object.properties().forEach(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }

    private static List<Path> paths(JsonNode array) {
        List<Path> out = new ArrayList<>();
        array.forEach(n -> out.add(Path.of(n.asText())));
        return out;
    }

    private static Scheme scheme(JsonNode s) {
        return new Scheme(Path.of(s.path("purelib").asText()), Path.of(s.path("platlib").asText()),
                Path.of(s.path("scripts").asText()), Path.of(s.path("headers").asText()),
                Path.of(s.path("data").asText()));
    }

    private static SchemeLayout layout(JsonNode s) {
        return new SchemeLayout(relative(s, "purelib"), relative(s, "platlib"), relative(s, "scripts"),
                relative(s, "headers"), relative(s, "data"));
    }

    /** A layout path with the root mark taken off: relative to the root, or absolute if it had none. */
    private static Path relative(JsonNode s, String key) {
        String p = s.path(key).asText();
        if (p.startsWith(ROOT_MARK)) {
            String rest = p.substring(ROOT_MARK.length());
            while (rest.startsWith("/") || rest.startsWith("\\")) {
                rest = rest.substring(1);
            }
            return Path.of(rest);
        }
        return Path.of(p);
    }

    private static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "...";
    }
}

package dev.axle.build;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Calls a backend's hooks, each in a Python process of its own started in the project's folder
 * (as PEP 517 asks: a frontend may not assume hooks share a process). The small script that
 * imports the backend and calls the hook ({@code hooks.py}) exchanges its arguments and answer
 * as JSON files in a control folder; what the backend prints streams to the listener, and the
 * last {@value #KEPT_LINES} lines go into the error when a hook fails.
 */
final class HookRunner {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int KEPT_LINES = 60;
    private static final byte[] SCRIPT = script();

    private final Path project;
    private final BuildBackend backend;
    private final BuildEnvironment environment;
    private final BuildListener listener;
    private final Path control;

    /** Hooks of {@code backend} for the project in {@code project}, run in {@code environment}; {@code control} is a scratch folder. */
    HookRunner(Path project, BuildBackend backend, BuildEnvironment environment, BuildListener listener, Path control) {
        this.project = project;
        this.backend = backend;
        this.environment = environment;
        this.listener = listener;
        this.control = control;
    }

    /**
     * Calls {@code hook} with {@code arguments} (keyword arguments).
     *
     * @return what it returned; empty if the backend lacks this optional hook
     * @throws BuildException if the backend cannot be loaded or the hook failed
     */
    Optional<JsonNode> call(String hook, Map<String, Object> arguments) throws IOException, BuildException {
        Files.createDirectories(control);
        Path script = control.resolve("hooks.py");
        Files.write(script, SCRIPT);
        ObjectNode input = JSON.createObjectNode();
        input.put("backend", backend.backend());
        input.set("backend_path", JSON.valueToTree(backend.backendPath()));
        input.set("arguments", JSON.valueToTree(arguments));
        Files.write(control.resolve("input.json"), JSON.writeValueAsBytes(input));
        Path output = control.resolve("output.json");
        Files.deleteIfExists(output);

        ProcessBuilder builder = new ProcessBuilder(List.of(environment.python().toString(), script.toString(), hook,
                control.toString())).directory(project.toFile()).redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().putAll(environment.variables());
        Process process = builder.start();
        process.getOutputStream().close();
        Deque<String> kept = new ArrayDeque<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = lines.readLine()) != null; ) {
                listener.output(line);
                kept.addLast(line);
                if (kept.size() > KEPT_LINES) {
                    kept.removeFirst();
                }
            }
        }
        int exit;
        try {
            exit = process.waitFor();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while the build backend ran " + hook);
        }
        String printed = String.join("\n", kept);
        if (!Files.isRegularFile(output)) {
            throw new BuildException("the build backend's " + hook + " ended with exit code " + exit
                    + " and no answer (" + backend.backend() + " in " + environment.python() + ")", printed);
        }
        JsonNode answer = JSON.readTree(output.toFile());
        if (answer.has("error")) {
            String traceback = answer.path("traceback").asText("");
            throw new BuildException(backend.backend() + " failed in " + hook + ": " + answer.path("error").asText()
                    + (answer.path("unavailable").asBoolean() ? "; install it into the build environment (it is in"
                            + " [build-system] requires) or check build-backend in pyproject.toml" : ""),
                    traceback.isEmpty() ? printed : printed + (printed.isEmpty() ? "" : "\n") + traceback.strip());
        }
        if (answer.path("missing").asBoolean()) {
            return Optional.empty();
        }
        return Optional.of(answer.path("return"));
    }

    private static byte[] script() {
        try (InputStream in = HookRunner.class.getResourceAsStream("hooks.py")) {
            if (in == null) {
                throw new IllegalStateException("hooks.py is missing from axle-build's jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

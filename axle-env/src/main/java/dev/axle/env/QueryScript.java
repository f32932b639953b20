package dev.axle.env;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The script an interpreter runs to describe itself ({@code interpreter_query.py}), and
 * running it: {@code python -I -c <script>}, isolated from the user's environment variables,
 * site-packages and current folder, printing one JSON object.
 */
final class QueryScript {
    private static final long TIMEOUT_SECONDS = 60;
    private static final String TEXT = load();
    private static final String DIGEST = checksum(TEXT);

    private QueryScript() {}

    /** A digest of the script: a cached answer from another version of it is not used. */
    static String digest() {
        return DIGEST;
    }

    /**
     * Runs the script with {@code executable} in {@code environment} and returns its answer.
     *
     * @throws InterpreterQueryException if it cannot be run, fails, or does not print JSON
     */
    static JsonNode run(Path executable, Map<String, String> environment) {
        Output out = start(executable, environment, "-I");
        if (out.exitCode() != 0 && out.stderr().contains("Unknown option: -I")) {
            // Python 2 has no -I; these options let it get far enough to report its version.
            out = start(executable, environment, "-E", "-s");
        }
        if (out.exitCode() != 0) {
            throw new InterpreterQueryException(executable, "it exited with code " + out.exitCode()
                    + (out.stderr().isBlank() ? "" : ":\n" + tail(out.stderr())));
        }
        try {
            JsonNode answer = JsonTrees.parse(out.stdout().getBytes(StandardCharsets.UTF_8));
            if (answer == null || !answer.isObject()) {
                throw new InterpreterQueryException(executable, "it printed no JSON object: " + tail(out.stdout()));
            }
            return answer;
        } catch (IOException e) {
            throw new InterpreterQueryException(executable, "it is not a Python interpreter, or a broken one;"
                    + " it printed: " + tail(out.stdout() + out.stderr()), e);
        }
    }

    private record Output(int exitCode, String stdout, String stderr) {}

    private static Output start(Path executable, Map<String, String> environment, String... options) {
        List<String> command = new ArrayList<>();
        command.add(executable.toString());
        command.addAll(List.of(options));
        command.add("-c");
        command.add(TEXT);
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().clear();
        builder.environment().putAll(environment);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new InterpreterQueryException(executable, "it cannot be run (" + e.getMessage() + ")", e);
        }
        try {
            process.getOutputStream().close();
            // Both streams are drained on their own threads, so a hung interpreter is caught by the timeout.
            CompletableFuture<String> stderr = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()),
                    Thread::startVirtualThread);
            CompletableFuture<String> stdout = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()),
                    Thread::startVirtualThread);
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new InterpreterQueryException(executable, "it did not answer within " + TIMEOUT_SECONDS + " s");
            }
            return new Output(process.exitValue(), stdout.join(), stderr.join());
        } catch (IOException | java.util.concurrent.CompletionException e) {
            process.destroyForcibly();
            throw new InterpreterQueryException(executable, "reading its answer failed (" + e.getMessage() + ")", e);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new InterpreterQueryException(executable, "interrupted", e);
        }
    }

    private static String readAll(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String tail(String text) {
        String t = text.strip();
        return t.length() <= 2000 ? t : "..." + t.substring(t.length() - 2000);
    }

    private static String load() {
        try (InputStream in = QueryScript.class.getResourceAsStream("interpreter_query.py")) {
            if (in == null) {
                throw new IllegalStateException("interpreter_query.py is missing from axle-env's resources");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A checksum, not a secure digest: it only tells versions of axle's own script apart. */
    private static String checksum(String text) {
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        crc.update(bytes);
        return Long.toHexString(crc.getValue()) + "-" + bytes.length;
    }
}

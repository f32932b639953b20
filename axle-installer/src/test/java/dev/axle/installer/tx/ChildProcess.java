package dev.axle.installer.tx;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A {@link TransactionChild} JVM, started with this JVM's java and class path. */
final class ChildProcess implements AutoCloseable {
    final Process process;
    private final BufferedReader out;
    final List<String> lines = new ArrayList<>();

    ChildProcess(Path root, String... args) throws IOException {
        this(List.of(), root, args);
    }

    /** A child started through {@code prefix} (such as {@code setpriv} and its options). */
    ChildProcess(List<String> prefix, Path root, String... args) throws IOException {
        List<String> command = new ArrayList<>(prefix);
        command.add(ProcessHandle.current().info().command().orElseThrow());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("-Xshare:auto");
        command.add(TransactionChild.class.getName());
        command.add(root.toString());
        command.addAll(List.of(args));
        process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    /** Reads lines until one equals {@code line}. */
    void awaitLine(String line) throws IOException {
        String read;
        while ((read = out.readLine()) != null) {
            lines.add(read);
            if (read.equals(line)) {
                return;
            }
        }
        throw new IOException("the child exited (" + exitCode() + ") before printing '" + line + "'; it printed " + lines);
    }

    void killHard() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** Sends a signal by name (INT, TERM) with kill(1) and waits for the process to end. */
    int signal(String name) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start();
        if (kill.waitFor() != 0) {
            throw new IOException("kill -" + name + " failed");
        }
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IOException("the child did not end after SIG" + name);
        }
        return process.exitValue();
    }

    /** Whether the process ignores SIGINT (a background job of a shell without job control does). */
    boolean ignoresInterrupt() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
            if (line.startsWith("SigIgn:")) {
                return (Long.parseLong(line.substring(7).strip(), 16) & (1L << 1)) != 0;
            }
        }
        return false;
    }

    private String exitCode() {
        try {
            return process.waitFor(10, TimeUnit.SECONDS) ? "exit " + process.exitValue() : "still running";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    @Override
    public void close() throws InterruptedException {
        killHard();
    }
}

package dev.axle.installer.cache;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.axle.installer.wheel.InvalidWheelException;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;

/**
 * Unpacks wheels into a {@link WheelCache} in a second JVM that runs with the optimizing
 * compiler.
 *
 * <p>Why a second JVM: {@code bin/axle} starts the JVM with the quick compiler only (C1,
 * {@code -XX:TieredStopAtLevel=1}). Most commands run for about a second, and in that time
 * the optimizing compiler (C2) and the profiling code that feeds it cost more than they
 * save: an install of 303 wheels from a warm cache took 1.6 s with both compilers and 1.1 s
 * with C1 alone. Filling the cache is the opposite case: seconds of SHA-256 over every
 * unpacked byte, which only C2 turns into the processor's SHA instructions. Under C1 alone
 * a cold install of 2 GB took twice as long. So when the wheels the cache lacks are big
 * enough to pay for a JVM start, the CLI has them unpacked here, and then reads them from
 * the cache as in a warm install.
 *
 * <p>The worker is {@link #main}: its argument is the cache root, its input the wheel
 * files, one path per line; it unpacks them on all cores and answers one JSON object per
 * wheel and line: {@code {"i":N,"ok":true}}, or the wheel's failure as
 * {@code {"i":N,"wheel":..,"entry":..,"problem":..}} (an invalid wheel) or
 * {@code {"i":N,"error":..}}. It stops when the process that started it ends.
 */
public final class UnpackProcess {
    private final List<String> command;

    private UnpackProcess(List<String> command) {
        this.command = List.copyOf(command);
    }

    /** A worker started with this JVM's {@code java} and class path, and the JVM's default compilers. */
    public static UnpackProcess ofThisJvm() {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new UnpackProcess(List.of(java, "-Xshare:auto", "-cp", System.getProperty("java.class.path"),
                UnpackProcess.class.getName()));
    }

    /**
     * Unpacks {@code wheels} into {@code cache}, calling {@code unpacked} with a wheel's
     * position as each is done.
     *
     * @throws InvalidWheelException the first wheel (in the order given) that is not valid
     * @throws IOException the first other failure, or the worker's when it could not finish
     */
    public void fill(WheelCache cache, List<Path> wheels, IntConsumer unpacked) throws IOException {
        List<String> cmd = new ArrayList<>(command);
        cmd.add(cache.root().toString());
        Process worker = new ProcessBuilder(cmd).start();
        ObjectMapper json = new ObjectMapper();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        Thread drain = Thread.ofPlatform().daemon().name("axle-unpack-stderr").start(() -> copy(worker.getErrorStream(), stderr));
        try {
            try (Writer in = new OutputStreamWriter(worker.getOutputStream(), StandardCharsets.UTF_8)) {
                for (Path wheel : wheels) {
                    in.write(wheel.toAbsolutePath().toString());
                    in.write('\n');
                }
            }
            RuntimeException[] invalid = new RuntimeException[wheels.size()];
            IOException[] failed = new IOException[wheels.size()];
            boolean[] answered = new boolean[wheels.size()];
            try (BufferedReader out = new BufferedReader(new InputStreamReader(worker.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = out.readLine()) != null; ) {
                    JsonNode answer = json.readTree(line);
                    int i = answer.path("i").asInt(-1);
                    if (i < 0 || i >= wheels.size()) {
                        throw new IOException("the unpacking process answered something unexpected: " + line);
                    }
                    answered[i] = true;
                    if (answer.has("problem")) {
                        invalid[i] = new InvalidWheelException(answer.path("wheel").asText(),
                                answer.path("entry").isTextual() ? answer.path("entry").asText() : null,
                                answer.path("problem").asText());
                    } else if (answer.has("error")) {
                        failed[i] = new IOException(answer.path("error").asText());
                    } else {
                        unpacked.accept(i);
                    }
                }
            }
            int exit = worker.waitFor();
            drain.join(TimeUnit.SECONDS.toMillis(5));
            for (int i = 0; i < wheels.size(); i++) {
                if (invalid[i] != null) {
                    throw invalid[i];
                }
                if (failed[i] != null) {
                    throw failed[i];
                }
                if (!answered[i]) {
                    throw new IOException("the process unpacking wheels into the cache stopped (exit " + exit
                            + ") before " + wheels.get(i).getFileName() + tail(stderr));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while unpacking wheels");
        } finally {
            worker.destroy();
        }
    }

    private static String tail(ByteArrayOutputStream stderr) {
        String text = stderr.toString(StandardCharsets.UTF_8).strip();
        if (text.isEmpty()) {
            return "";
        }
        return ":\n" + (text.length() > 2000 ? "..." + text.substring(text.length() - 2000) : text);
    }

    private static void copy(InputStream from, ByteArrayOutputStream to) {
        try (from) {
            from.transferTo(to);
        } catch (IOException e) {
            // the worker's error output is only for messages
        }
    }

    /** The worker: see the class comment. */
    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: UnpackProcess CACHE_ROOT < wheel paths, one per line");
            System.exit(2);
        }
        // Orphaned (the CLI was killed): stop. Half-built entries are temporary folders that
        // later runs remove; complete ones are published by one rename.
        ProcessHandle.current().parent().ifPresent(p -> p.onExit().thenRun(() -> Runtime.getRuntime().halt(3)));
        WheelCache cache = new WheelCache(Path.of(args[0]));
        List<Path> wheels = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                if (!line.isEmpty()) {
                    wheels.add(Path.of(line));
                }
            }
        }
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()));
        // Biggest first, so that no core is left with one big wheel at the end while the others idle.
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < wheels.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingLong((Integer i) -> sizeOf(wheels.get(i))).reversed());
        for (int index : order) {
            pool.execute(() -> {
                String answer = answer(index, () -> cache.unpack(wheels.get(index), UnpackListener.NONE));
                synchronized (out) {
                    out.println(answer);
                    out.flush();
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(Long.MAX_VALUE, TimeUnit.DAYS);
        out.flush();
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0; // unpacking it reports the problem
        }
    }

    private interface Unpack {
        void run() throws IOException;
    }

    private static String answer(int index, Unpack unpack) {
        ObjectNode answer = JsonNodeFactory.instance.objectNode().put("i", index);
        try {
            unpack.run();
            answer.put("ok", true);
        } catch (InvalidWheelException e) {
            answer.put("wheel", e.wheel()).put("entry", e.entry().orElse(null)).put("problem", e.problem());
        } catch (IOException | RuntimeException e) {
            Throwable t = e instanceof UncheckedIOException u ? u.getCause() : e;
            answer.put("error", t.getMessage() != null ? t.getMessage() : t.toString());
        }
        return answer.toString();
    }
}

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
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;

/**
 * Unpacks wheels into a {@link WheelCache} in a second JVM that runs the optimizing compiler
 * on SHA-256.
 *
 * <p>Why a second JVM: {@code bin/axle} starts the JVM with the quick compiler only (C1,
 * {@code -XX:TieredStopAtLevel=1}). Most commands run for about a second, and in that time
 * the optimizing compiler (C2) and the profiling code that feeds it cost more than they
 * save: an install of 303 wheels from a warm cache took 1.6 s with both compilers and 1.1 s
 * with C1 alone. Filling the cache is the opposite case: seconds of SHA-256 over every
 * unpacked byte, which only C2 turns into the processor's SHA instructions (C1's SHA-256
 * runs at about 100 MB/s). So when the wheels the cache lacks are big enough to pay for a
 * JVM start, the CLI has them unpacked here, and then reads them from the cache as in a
 * warm install.
 *
 * <p>The worker is {@link #main}: its argument is the cache root, its input the wheel
 * files, one path per line, each unpacked (on all cores) as soon as it is named; it answers
 * one JSON object per wheel and line: {@code {"i":N,"ok":true}}, or the wheel's failure as
 * {@code {"i":N,"wheel":..,"entry":..,"problem":..}} (an invalid wheel) or
 * {@code {"i":N,"error":..}}, where N counts the wheels named from 0. It stops when the
 * process that started it ends.
 */
public final class UnpackProcess {
    /**
     * The worker's compilers: the optimizing compiler (C2) for SHA-256's compression loop
     * only, everything else with the quick compiler and its profiling. C2 turns that loop into
     * the processor's SHA instructions; compiling the rest of the worker with it cost more CPU
     * than it saved. On jupyter's 97 wheels (169 MB unpacked): 2.8 s of user time with the
     * default compilers, 3.2 s with C1 alone, 2.0 s this way (docs/benchmarks.md).
     */
    static final List<String> COMPILERS = List.of(
            "-XX:Tier4InvocationThreshold=1000000", "-XX:Tier4MinInvocationThreshold=1000000",
            "-XX:Tier4CompileThreshold=1000000", "-XX:Tier4BackEdgeThreshold=1000000000",
            "-XX:CompileCommand=quiet",
            "-XX:CompileCommand=CompileThresholdScaling,sun.security.provider.SHA2::implCompress0,0.00001",
            "-XX:CompileCommand=CompileThresholdScaling,sun.security.provider.DigestBase::implCompressMultiBlock0,0.00001");

    private final List<String> command;

    private UnpackProcess(List<String> command) {
        this.command = List.copyOf(command);
    }

    /**
     * A worker started with this JVM's {@code java} and class path, {@link #COMPILERS}, and the
     * serial collector, which does less work beside the program than G1 on a machine with few
     * cores (a cold sync of jupyter's lock: 2.66 s to 2.47 s median, 11 runs side by side).
     */
    public static UnpackProcess ofThisJvm() {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xshare:auto", "-XX:+UseSerialGC"));
        command.addAll(COMPILERS);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), UnpackProcess.class.getName()));
        return new UnpackProcess(command);
    }

    /**
     * Unpacks {@code wheels} into {@code cache}, biggest first, calling {@code unpacked} with
     * a wheel's position in {@code wheels} as each is done.
     *
     * @throws InvalidWheelException the first wheel (in the order given) that is not valid
     * @throws IOException the first other failure, or the worker's when it could not finish
     */
    public void fill(WheelCache cache, List<Path> wheels, IntConsumer unpacked) throws IOException {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < wheels.size(); i++) {
            order.add(i);
        }
        // Biggest first, so that no core is left with one big wheel at the end while the others idle.
        order.sort(Comparator.comparingLong((Integer i) -> sizeOf(wheels.get(i))).reversed());
        try (Batch batch = start(cache, i -> unpacked.accept(order.get(i)))) {
            for (int i : order) {
                batch.add(wheels.get(i));
            }
            batch.finish();
        }
    }

    /**
     * Starts a worker for {@code cache} that unpacks wheels as they are {@linkplain Batch#add
     * added}, for example as their downloads finish; {@code unpacked} is called (on a thread
     * of the batch) with a wheel's position in the order added as each is done.
     */
    public Batch start(WheelCache cache, IntConsumer unpacked) throws IOException {
        List<String> cmd = new ArrayList<>(command);
        cmd.add(cache.root().toString());
        return new Batch(new ProcessBuilder(cmd).start(), unpacked);
    }

    /** Wheels given to one worker. Thread-safe. */
    public static final class Batch implements AutoCloseable {
        private final Process worker;
        private final Writer in;
        private final List<Path> wheels = new ArrayList<>();
        private final Map<Integer, Exception> failures = new ConcurrentHashMap<>();
        private final Set<Integer> answered = ConcurrentHashMap.newKeySet();
        private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        private final Thread drain;
        private final Thread answers;
        private volatile IOException unreadable;

        private Batch(Process worker, IntConsumer unpacked) {
            this.worker = worker;
            this.in = new OutputStreamWriter(worker.getOutputStream(), StandardCharsets.UTF_8);
            this.drain = Thread.ofPlatform().daemon().name("axle-unpack-stderr")
                    .start(() -> copy(worker.getErrorStream(), stderr));
            this.answers = Thread.ofPlatform().daemon().name("axle-unpack-answers").start(() -> read(unpacked));
        }

        /** Has the worker unpack this wheel file (complete on disk) next. */
        public synchronized void add(Path wheel) throws IOException {
            wheels.add(wheel);
            in.write(wheel.toAbsolutePath().toString());
            in.write('\n');
            in.flush();
        }

        /**
         * Waits for every wheel added to be unpacked.
         *
         * @throws InvalidWheelException the first wheel (in the order added) that is not valid
         * @throws IOException the first other failure, or the worker's when it could not finish
         */
        public void finish() throws IOException {
            List<Path> added;
            synchronized (this) {
                in.close();
                added = List.copyOf(wheels);
            }
            try {
                answers.join();
                int exit = worker.waitFor();
                drain.join(TimeUnit.SECONDS.toMillis(5));
                if (unreadable != null) {
                    throw unreadable;
                }
                for (int i = 0; i < added.size(); i++) {
                    Exception failure = failures.get(i);
                    if (failure instanceof RuntimeException e) {
                        throw e;
                    }
                    if (failure instanceof IOException e) {
                        throw e;
                    }
                    if (!answered.contains(i)) {
                        throw new IOException("the process unpacking wheels into the cache stopped (exit " + exit
                                + ") before " + added.get(i).getFileName() + tail(stderr));
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("interrupted while unpacking wheels");
            }
        }

        /** Stops the worker if it still runs (after {@link #finish}, it has ended). */
        @Override
        public void close() {
            worker.destroy();
        }

        private void read(IntConsumer unpacked) {
            ObjectMapper json = new ObjectMapper();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(worker.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = out.readLine()) != null; ) {
                    JsonNode answer = json.readTree(line);
                    int i = answer.path("i").asInt(-1);
                    if (i < 0) {
                        throw new IOException("the unpacking process answered something unexpected: " + line);
                    }
                    answered.add(i);
                    if (answer.has("problem")) {
                        failures.put(i, new InvalidWheelException(answer.path("wheel").asText(),
                                answer.path("entry").isTextual() ? answer.path("entry").asText() : null,
                                answer.path("problem").asText()));
                    } else if (answer.has("error")) {
                        failures.put(i, new IOException(answer.path("error").asText()));
                    } else {
                        unpacked.accept(i);
                    }
                }
            } catch (IOException e) {
                unreadable = e;
                worker.destroy();
            }
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
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()));
        // Each wheel as it is named: the CLI names them as their downloads finish.
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            int index = 0;
            for (String line; (line = in.readLine()) != null; ) {
                if (line.isEmpty()) {
                    continue;
                }
                int i = index++;
                Path wheel = Path.of(line);
                pool.execute(() -> {
                    String answer = answer(i, () -> cache.unpack(wheel, UnpackListener.NONE));
                    synchronized (out) {
                        out.println(answer);
                        out.flush();
                    }
                });
            }
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

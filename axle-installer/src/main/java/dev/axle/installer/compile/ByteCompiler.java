package dev.axle.installer.compile;

import dev.axle.installer.tx.Transaction;
import dev.axle.installer.tx.TransactionAbortedException;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Compiles installed {@code .py} files to bytecode with the environment's own interpreter, split
 * over worker processes (one per processor), each running a small script that reads source and
 * target paths from its input and reports each file.
 *
 * <p>The .pyc paths are known before compiling ({@link #pycPath}), from the interpreter's cache
 * tag and optimization level, queried once. That is how {@link #compile(List, Transaction,
 * CompileListener)} keeps the transaction whole: it journals every .pyc as a creation (stashing
 * old ones, making {@code __pycache__} folders) before a worker writes it, and runs the workers
 * as one operation of the transaction, so a rollback removes them and waits for (or, on Ctrl-C,
 * stops) the workers. A worker killed mid-file can leave py_compile's temporary file in a
 * {@code __pycache__} folder that existed before; a folder the transaction made goes whole.
 *
 * <p>Workers run with {@code -S}: no {@code site}, so {@code .pth} files of the half-installed
 * environment run no code; bytecode does not depend on it. The environment variables are
 * inherited, as pip's own compilation sees them ({@code PYTHONOPTIMIZE}, {@code SOURCE_DATE_EPOCH}).
 */
public final class ByteCompiler {
    /** Fewer files than this per worker cost more in interpreter start-ups than they gain. */
    private static final int MIN_FILES_PER_WORKER = 40;
    private static final String QUERY = String.join("\n",
            "import sys",
            "tag = getattr(getattr(sys, 'implementation', None), 'cache_tag', None)",
            "sys.stdout.write('%s %d %d' % (tag, sys.flags.optimize, sys.version_info[0]))");

    private final Path python;
    private final String cacheTag;
    private final int optimization;
    private final boolean python2;
    private final int workers;

    private ByteCompiler(Path python, String cacheTag, int optimization, boolean python2, int workers) {
        this.python = python;
        this.cacheTag = cacheTag;
        this.optimization = optimization;
        this.python2 = python2;
        this.workers = workers;
    }

    /** A compiler for the interpreter at {@code python}, with a worker per available processor. */
    public static ByteCompiler of(Path python) throws IOException {
        return of(python, Runtime.getRuntime().availableProcessors());
    }

    /**
     * A compiler for the interpreter at {@code python} using at most {@code workers} processes;
     * runs the interpreter once to learn its cache tag and optimization level.
     *
     * @throws IOException when the interpreter cannot be run or answers nonsense
     */
    public static ByteCompiler of(Path python, int workers) throws IOException {
        Process process = start(python, "-c", QUERY);
        process.getOutputStream().close();
        String answer = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        int exit = waitFor(process);
        String[] parts = answer.split(" ");
        if (exit != 0 || parts.length != 3 || !parts[1].matches("[0-9]") || !parts[2].matches("[0-9]+")) {
            throw new IOException("could not ask " + python + " how it caches bytecode (exit code " + exit + "): " + answer);
        }
        String tag = parts[0].equals("None") ? null : parts[0];
        return new ByteCompiler(python, tag, Integer.parseInt(parts[1]), parts[2].equals("2"), Math.max(1, workers));
    }

    public Path python() {
        return python;
    }

    /** The interpreter's {@code sys.implementation.cache_tag} ({@code cpython-312}), or null (Python 2, or no caching at all). */
    public String cacheTag() {
        return cacheTag;
    }

    /**
     * Where the interpreter reads the bytecode of {@code source} (and where compiling writes it):
     * {@code __pycache__/<name>.<cache tag>[.opt-N].pyc} (PEP 3147, PEP 488), or for Python 2
     * the source path plus {@code c} ({@code o} when optimizing).
     *
     * @throws IllegalStateException for an interpreter that caches no bytecode
     */
    public Path pycPath(Path source) {
        String name = source.getFileName().toString();
        if (cacheTag == null) {
            if (!python2) {
                throw new IllegalStateException(python + " caches no bytecode (sys.implementation.cache_tag is None)");
            }
            return source.resolveSibling(name + (optimization == 0 ? "c" : "o"));
        }
        int dot = name.lastIndexOf('.');
        String stem = dot < 0 ? name : name.substring(0, dot);
        String suffix = optimization == 0 ? "" : ".opt-" + optimization;
        return source.resolveSibling("__pycache__").resolve(stem + "." + cacheTag + suffix + ".pyc");
    }

    /**
     * Compiles the sources inside a transaction: journals every .pyc with
     * {@link Transaction#createAll}, then compiles as one {@link Transaction#perform operation}.
     *
     * @throws TransactionAbortedException when a rollback began; the workers are stopped
     */
    public Compilation compile(List<Path> sources, Transaction transaction, CompileListener listener)
            throws IOException {
        List<Path> pycs = sources.stream().map(this::pycPath).toList();
        // The workers write the files; the transaction only journals them and frees their paths.
        transaction.createAll(pycs, target -> { });
        return transaction.perform(() -> run(sources, pycs, transaction, listener));
    }

    /** Compiles the sources outside any transaction. */
    public Compilation compile(List<Path> sources, CompileListener listener) throws IOException {
        return run(sources, sources.stream().map(this::pycPath).toList(), null, listener);
    }

    private Compilation run(List<Path> sources, List<Path> pycs, Transaction transaction, CompileListener listener)
            throws IOException {
        int count = Math.min(workers, Math.max(1, (sources.size() + MIN_FILES_PER_WORKER - 1) / MIN_FILES_PER_WORKER));
        Outcome[] outcomes = new Outcome[sources.size()];
        List<Worker> started = new ArrayList<>();
        try {
            for (int w = 0; w < count && w < sources.size(); w++) {
                List<Integer> share = new ArrayList<>();
                for (int i = w; i < sources.size(); i += count) {
                    share.add(i);
                }
                started.add(new Worker(share, sources, pycs, outcomes, listener));
            }
            for (Worker worker : started) {
                worker.await(transaction);
            }
        } finally {
            started.forEach(worker -> worker.process.destroyForcibly());
        }
        List<Compilation.Compiled> compiled = new ArrayList<>();
        List<Compilation.NotCompiled> notCompiled = new ArrayList<>();
        for (int i = 0; i < outcomes.length; i++) {
            if (outcomes[i] == null) {
                throw new IOException("byte compilation with " + python + " did not report on " + sources.get(i));
            } else if (outcomes[i].message == null) {
                compiled.add(new Compilation.Compiled(sources.get(i), pycs.get(i)));
            } else {
                notCompiled.add(new Compilation.NotCompiled(sources.get(i), outcomes[i].message));
            }
        }
        return new Compilation(compiled, notCompiled);
    }

    /** What a worker said about one file: compiled (no message) or not, and why. */
    private record Outcome(String message) {}

    /** One worker process with its share of the files, read by a thread of its own. */
    private final class Worker {
        final Process process;
        final CompletableFuture<Void> done;
        final StringBuilder diagnostics = new StringBuilder();

        Worker(List<Integer> share, List<Path> sources, List<Path> pycs, Outcome[] outcomes, CompileListener listener)
                throws IOException {
            process = start(python, "-c", script());
            ByteArrayOutputStream input = new ByteArrayOutputStream();
            for (int i : share) {
                input.writeBytes(sources.get(i).toString().getBytes(StandardCharsets.UTF_8));
                input.write(0);
                input.writeBytes(pycs.get(i).toString().getBytes(StandardCharsets.UTF_8));
                input.write(0);
            }
            done = CompletableFuture.runAsync(() -> {
                try (OutputStream stdin = process.getOutputStream()) {
                    input.writeTo(stdin);
                } catch (IOException e) {
                    // The worker died early; its missing results say so below.
                }
                read(process.getInputStream(), share, sources, pycs, outcomes, listener);
            }, command -> Thread.ofVirtual().start(command));
        }

        private void read(InputStream output, List<Integer> share, List<Path> sources, List<Path> pycs,
                Outcome[] outcomes, CompileListener listener) {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(output, StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    String[] fields = line.split("\t", 3);
                    int position = fields.length >= 2 && fields[0].matches("[0-9]+") ? Integer.parseInt(fields[0]) : -1;
                    if (position < 0 || position >= share.size()) {
                        diagnostics.append(line).append('\n');
                        continue;
                    }
                    int index = share.get(position);
                    if (fields[1].equals("ok")) {
                        outcomes[index] = new Outcome(null);
                        listener.compiled(sources.get(index), pycs.get(index));
                    } else {
                        String message = fields.length == 3 ? fields[2] : "did not compile";
                        outcomes[index] = new Outcome(message);
                        listener.notCompiled(sources.get(index), message);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Waits for the worker; stops it when the transaction is rolled back meanwhile. */
        void await(Transaction transaction) throws IOException {
            try {
                while (true) {
                    try {
                        done.get(100, TimeUnit.MILLISECONDS);
                        break;
                    } catch (TimeoutException e) {
                        if (transaction != null && transaction.aborted()) {
                            throw new TransactionAbortedException(transaction.root());
                        }
                    }
                }
            } catch (ExecutionException e) {
                throw e.getCause() instanceof UncheckedIOException io ? io.getCause()
                        : new IOException("byte compilation with " + python + " failed", e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while compiling with " + python, e);
            }
            int exit = waitFor(process);
            if (exit != 0) {
                throw new IOException("byte compilation with " + python + " stopped (exit code " + exit + "): "
                        + diagnostics.toString().strip());
            }
        }
    }

    private static String script() throws IOException {
        try (InputStream in = Objects.requireNonNull(ByteCompiler.class.getResourceAsStream("compile_worker.py"))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Process start(Path python, String... arguments) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(python.toString());
        command.add("-S");
        command.addAll(List.of(arguments));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    private static int waitFor(Process process) throws IOException {
        try {
            return process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IOException("interrupted while waiting for " + process.info().command().orElse("python"), e);
        }
    }
}

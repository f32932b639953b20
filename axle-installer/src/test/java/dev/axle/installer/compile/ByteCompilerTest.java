package dev.axle.installer.compile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.axle.installer.tx.FileTree;
import dev.axle.installer.tx.Transaction;
import dev.axle.installer.tx.TransactionAbortedException;
import dev.axle.installer.tx.TransactionListener;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Byte compilation with real interpreters, checked against the interpreter itself: the .pyc
 * names against {@code importlib.util.cache_from_source}, the bytes against what pip's call
 * ({@code compileall.compile_file(path, force=True, quiet=True)}) writes for the same sources.
 */
class ByteCompilerTest {
    @TempDir
    Path dir;

    final List<String> events = new CopyOnWriteArrayList<>();
    final CompileListener listener = new CompileListener() {
        @Override
        public void compiled(Path source, Path pyc) {
            events.add("compiled " + source.getFileName());
        }

        @Override
        public void notCompiled(Path source, String message) {
            events.add("not compiled " + source.getFileName());
        }
    };

    static Stream<Pythons.Python> pythons3() {
        List<Pythons.Python> pythons = new ArrayList<>();
        Pythons.newest3().ifPresent(pythons::add);
        Pythons.oldest3().filter(p -> !pythons.contains(p)).ifPresent(pythons::add);
        return pythons.stream();
    }

    private static Pythons.Python python3() {
        Optional<Pythons.Python> python = Pythons.newest3();
        assumeThat(python).as("a Python 3 interpreter (pyenv, PATH or /usr/bin)").isPresent();
        return python.get();
    }

    private List<Path> modules(Path folder, int count) throws IOException {
        List<Path> sources = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Path source = folder.resolve(i % 10 == 0 ? "sub/deep/m" + i + ".py" : "m" + i + ".py");
            Files.createDirectories(source.getParent());
            Files.writeString(source, "X = " + i + "\n\ndef f():\n    return X * 2\n");
            sources.add(source);
        }
        return sources;
    }

    @ParameterizedTest
    @MethodSource("pythons3")
    void compilesInParallelWhatPipCompilesAndReportsWhatDoesNotCompile(Pythons.Python python) throws Exception {
        List<Path> sources = modules(dir.resolve("pkg"), 100);
        Path bad = Files.writeString(dir.resolve("pkg/bad.py"), "def (:\n");
        Path py2 = Files.writeString(dir.resolve("pkg/py2only.py"), "print \"hello\"\n");
        Path dotted = Files.writeString(dir.resolve("pkg/a.b.py"), "Y = 1\n");
        sources.addAll(List.of(bad, py2, dotted));
        ByteCompiler compiler = ByteCompiler.of(python.path(), 2);

        Compilation compilation = compiler.compile(sources, listener);

        assertThat(compilation.notCompiled()).extracting(Compilation.NotCompiled::source).containsExactly(bad, py2);
        assertThat(compilation.notCompiled()).allSatisfy(failure -> assertThat(failure.message()).contains("SyntaxError"));
        List<Path> compiled = new ArrayList<>(sources);
        compiled.removeAll(List.of(bad, py2));
        assertThat(compilation.compiled()).extracting(Compilation.Compiled::source).containsExactlyElementsOf(compiled);
        assertThat(compilation.pycFiles()).containsExactlyElementsOf(cacheFromSource(python, compiled));
        assertThat(compiler.pycPath(dotted).getFileName().toString()).isEqualTo("a.b." + compiler.cacheTag() + ".pyc");
        assertThat(events).hasSize(sources.size()).contains("not compiled bad.py", "compiled m99.py");

        Map<Path, String> ours = read(compilation.pycFiles());
        for (Path pyc : compilation.pycFiles()) {
            Files.delete(pyc);
        }
        python(python, "import compileall, sys\n"
                + "for line in sys.stdin.read().splitlines():\n"
                + "    compileall.compile_file(line, force=True, quiet=True)\n", sources);
        assertThat(read(compilation.pycFiles())).isEqualTo(ours);
    }

    @Test
    void python2WritesItsPycBesideTheSource() throws Exception {
        Optional<Pythons.Python> python = Pythons.python2();
        assumeThat(python).as("a Python 2 interpreter").isPresent();
        List<Path> sources = modules(dir.resolve("pkg"), 3);
        ByteCompiler compiler = ByteCompiler.of(python.get().path());
        assertThat(compiler.cacheTag()).isNull();

        Compilation compilation = compiler.compile(sources, listener);

        assertThat(compilation.pycFiles()).containsExactly(dir.resolve("pkg/sub/deep/m0.pyc"), dir.resolve("pkg/m1.pyc"),
                dir.resolve("pkg/m2.pyc"));
        Map<Path, String> ours = read(compilation.pycFiles());
        python(python.get(), "import compileall, sys\n"
                + "for line in sys.stdin.read().splitlines():\n"
                + "    compileall.compile_file(line, force=True, quiet=True)\n", sources);
        assertThat(read(compilation.pycFiles())).isEqualTo(ours);
    }

    @Test
    void insideATransactionThePycFilesAreRolledBackAndOldOnesRestored() throws Exception {
        Pythons.Python python = python3();
        ByteCompiler compiler = ByteCompiler.of(python.path());
        List<Path> sources = modules(dir.resolve("lib/site-packages/pkg"), 30);
        Path stale = compiler.pycPath(sources.get(1));
        Files.createDirectories(stale.getParent());
        Files.writeString(stale, "stale bytecode");
        Map<String, String> before = FileTree.of(dir);

        try (Transaction tx = Transaction.begin(dir, TransactionListener.NONE)) {
            Compilation compilation = compiler.compile(sources, tx, listener);
            assertThat(compilation.pycFiles()).hasSize(30).allSatisfy(pyc -> assertThat(pyc).isRegularFile());
            assertThat(stale).content().doesNotContain("stale");
        }
        assertThat(FileTree.of(dir)).isEqualTo(before);

        try (Transaction tx = Transaction.begin(dir, TransactionListener.NONE)) {
            compiler.compile(sources, tx, listener);
            tx.commit();
        }
        assertThat(stale).content().doesNotContain("stale");
        assertThat(compiler.pycPath(sources.get(0))).isRegularFile();
    }

    @Test
    void aRollbackDuringCompilationStopsTheWorkersAndRemovesWhatTheyWrote() throws Exception {
        Pythons.Python python = python3();
        ByteCompiler compiler = ByteCompiler.of(python.path(), 2);
        List<Path> sources = modules(dir.resolve("pkg"), 1500);
        Map<String, String> before = FileTree.of(dir);
        try (Transaction tx = Transaction.begin(dir, TransactionListener.NONE)) {
            CompletableFuture<Object> compiling = CompletableFuture.supplyAsync(() -> {
                try {
                    return compiler.compile(sources, tx, CompileListener.NONE);
                } catch (TransactionAbortedException e) {
                    return e;
                } catch (IOException e) {
                    return e;
                }
            });
            while (events.isEmpty() && !compiling.isDone() && !Files.isDirectory(dir.resolve("pkg/__pycache__"))) {
                Thread.sleep(5);
            }
            tx.rollback();
            assertThat(compiling.get()).isInstanceOfAny(TransactionAbortedException.class, Compilation.class);
        }
        assertThat(FileTree.of(dir)).isEqualTo(before);
    }

    /** The interpreter's own answer for each source's .pyc path. */
    private static List<Path> cacheFromSource(Pythons.Python python, List<Path> sources) throws Exception {
        String out = python(python, "import importlib.util, sys\n"
                + "for line in sys.stdin.read().splitlines():\n"
                + "    print(importlib.util.cache_from_source(line))\n", sources);
        return out.lines().map(Path::of).toList();
    }

    private static String python(Pythons.Python python, String script, List<Path> input) throws Exception {
        Process process = new ProcessBuilder(python.path().toString(), "-c", script).redirectErrorStream(true).start();
        try (OutputStream stdin = process.getOutputStream()) {
            for (Path path : input) {
                stdin.write((path + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(out).isZero();
        return out;
    }

    /** Each file's bytes, in hexadecimal (arrays have no value equality). */
    private static Map<Path, String> read(List<Path> files) throws IOException {
        Map<Path, String> contents = new HashMap<>();
        for (Path file : files) {
            contents.put(file, HexFormat.of().formatHex(Files.readAllBytes(file)));
        }
        return contents;
    }
}

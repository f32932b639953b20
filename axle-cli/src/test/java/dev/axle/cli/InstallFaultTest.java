package dev.axle.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.axle.installer.Pythons;
import dev.axle.installer.WheelWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Installs that fail, are killed or are interrupted leave the environment exactly as it was:
 * the whole file tree (paths, modes, contents, links) is compared before and after.
 */
class InstallFaultTest {
    @TempDir
    Path tmp;

    Path cache;
    Path python;
    Path wheels;

    @BeforeEach
    void setUp() throws IOException {
        cache = tmp.resolve("cache");
        python = Pythons.python("3.12", "3.11", "3.13");
        wheels = Files.createDirectories(tmp.resolve("wheels"));
    }

    InstallEndToEndTest.Run axle(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        if (!all.get(0).equals("venv")) {
            all.add(1, "--cache-dir=" + cache);
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Axle.run(new PrintWriter(out, true), new PrintWriter(err, true), all.toArray(String[]::new));
        return new InstallEndToEndTest.Run(code, out.toString(), err.toString());
    }

    /** A venv with {@code old} 1.0 installed, whose later versions the tests upgrade to. */
    Path venvWithOld() throws IOException {
        Path venv = tmp.resolve("venv");
        axle("venv", venv.toString(), "--python", python.toString()).ok();
        Path old = WheelWriter.wheel("old", "1.0").file("old/__init__.py", "V = 1\n").file("old/data.txt", "one\n")
                .consoleScript("old", "old:main").writeTo(wheels);
        axle("install", "--python", venv.toString(), old.toString()).ok();
        return venv;
    }

    /** A wheel of {@code files} modules, big enough that installing several takes a while. */
    Path bulky(String name, int files) throws IOException {
        WheelWriter w = WheelWriter.wheel(name, "1.0");
        for (int i = 0; i < files; i++) {
            w.file(name + "/m" + i + ".py", "X = " + i + "\n" + "#".repeat(2000) + "\n");
        }
        return w.writeTo(wheels);
    }

    @Test
    void aWheelThatFailsHalfwayThroughAMultiWheelInstallLeavesTheEnvironmentAsBefore() throws IOException {
        Path venv = venvWithOld();
        Path good = bulky("good", 50);
        Path upgrade = WheelWriter.wheel("old", "2.0").file("old/__init__.py", "V = 2\n").writeTo(wheels);
        Path bad = bulky("bad", 50);
        // Fill the cache with bad's files, then damage its cache entry: linking bad fails midway.
        Path scratch = tmp.resolve("scratch");
        axle("venv", scratch.toString(), "--python", python.toString()).ok();
        axle("install", "--python", scratch.toString(), bad.toString()).ok();
        try (Stream<Path> files = Files.walk(cache)) {
            Path victim = files.filter(p -> p.toString().endsWith("bad/m37.py")).findFirst().orElseThrow();
            Files.delete(victim);
        }
        Map<String, String> before = Trees.snapshot(venv);

        InstallEndToEndTest.Run failed = axle("install", "--python", venv.toString(), "--link-mode", "copy",
                good.toString(), upgrade.toString(), bad.toString());

        assertThat(failed.exitCode()).isEqualTo(1);
        assertThat(failed.err()).startsWith("error: ").contains("m37.py");
        assertThat(Trees.snapshot(venv)).isEqualTo(before);
        assertThat(venv.resolve(".axle-transaction")).doesNotExist();
    }

    @Test
    void aCorruptWheelIsRefusedNamingTheWheelAndTheEntryAndNothingChanges() throws IOException {
        Path venv = venvWithOld();
        Path good = bulky("good", 5);
        Path corrupt = WheelWriter.wheel("corrupt", "1.0").file("corrupt/__init__.py", "X = 1\n")
                .recordLine("corrupt/__init__.py", "sha256=" + WheelWriter.hash("X = 2\n".getBytes()), "6")
                .writeTo(wheels);
        Map<String, String> before = Trees.snapshot(venv);
        InstallEndToEndTest.Run failed = axle("install", "--python", venv.toString(), good.toString(), corrupt.toString());
        assertThat(failed.exitCode()).isEqualTo(1);
        assertThat(failed.err()).contains("corrupt-1.0-py3-none-any.whl").contains("corrupt/__init__.py")
                .contains("RECORD");
        assertThat(Trees.snapshot(venv)).isEqualTo(before);
    }

    /**
     * kill -9 while an install is writing: the next axle command on the environment finds the
     * journal and puts the environment back as it was, or, when the kill came after the
     * transaction's commit point (the process still exiting), finishes it: never anything between.
     */
    @ParameterizedTest
    @ValueSource(ints = {0, 150, 600})
    void aProcessKilledMidInstallIsRepairedByTheNextRun(int delayMillis) throws Exception {
        Path venv = venvWithOld();
        List<String> wheelArgs = new ArrayList<>();
        wheelArgs.add(WheelWriter.wheel("old", "2.0").file("old/__init__.py", "V = 2\n").writeTo(wheels).toString());
        for (int i = 0; i < 12; i++) {
            wheelArgs.add(bulky("bulk" + i, 400).toString());
        }
        Map<String, String> before = Trees.snapshot(venv);
        // Unpack into the cache first, so the kill lands in the transaction, not the unpacking.
        List<String> warm = childAxle("install", "--cache-dir=" + cache, "--dry-run", "--python", venv.toString());
        warm.addAll(wheelArgs);
        assertThat(new ProcessBuilder(warm).redirectErrorStream(true).redirectOutput(tmp.resolve("warm.log").toFile())
                .start().waitFor()).isZero();

        List<String> command = childAxle("install", "--cache-dir=" + cache, "--python", venv.toString(),
                "--link-mode", "copy");
        command.addAll(wheelArgs);
        Path journal = venv.resolve(".axle-transaction");
        Process child = startInTransaction(command, journal);
        Thread.sleep(delayMillis);
        boolean killedMidway = child.isAlive();
        child.destroyForcibly().waitFor();
        if (!killedMidway) {
            // The install finished before the kill: nothing to repair, and nothing to test here.
            org.junit.jupiter.api.Assumptions.abort("the install finished before the kill at " + delayMillis + " ms");
        }
        assertThat(journal).exists();

        boolean committed = committed(journal);

        InstallEndToEndTest.Run list = axle("list", "--python", venv.toString()).ok();
        assertThat(journal).doesNotExist();
        if (committed) { // the kill came after the commit point: the install stands, whole
            assertThat(list.out()).contains("old     2.0");
            for (int i = 0; i < 12; i++) {
                assertThat(list.out()).containsPattern("(?m)^bulk" + i + " +1\\.0$");
            }
            return;
        }
        assertThat(list.out()).contains("old     1.0").doesNotContain("bulk");
        assertThat(Trees.snapshot(venv)).isEqualTo(before);
    }

    @Test
    void ctrlCRollsBackAndExitsWithTheSignalsCode() throws Exception {
        Path venv = venvWithOld();
        List<String> command = childAxle("install", "--cache-dir=" + cache, "--python", venv.toString(),
                "--link-mode", "copy");
        for (int i = 0; i < 12; i++) {
            command.add(bulky("bulk" + i, 400).toString());
        }
        Map<String, String> before = Trees.snapshot(venv);
        Path journal = venv.resolve(".axle-transaction");
        Process child = startInTransaction(command, journal);
        Thread.sleep(100);
        if (!child.isAlive()) {
            org.junit.jupiter.api.Assumptions.abort("the install finished before the signal");
        }
        new ProcessBuilder("kill", "-INT", Long.toString(child.pid())).start().waitFor();
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).isEqualTo(130);
        assertThat(journal).doesNotExist();
        assertThat(Trees.snapshot(venv)).isEqualTo(before);
    }

    /** Whether a transaction's journal under {@code folder} records its commit (a line {@code K}). */
    private static boolean committed(Path folder) throws IOException {
        try (var files = Files.walk(folder)) {
            for (Path f : files.filter(p -> p.getFileName().toString().equals("journal")).toList()) {
                if (Files.readAllLines(f).contains("K")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Starts axle and returns once its transaction has begun (the journal exists) or it has ended. */
    private Process startInTransaction(List<String> command, Path journal) throws IOException {
        Process child = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(tmp.resolve("child.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.exists(journal) && child.isAlive() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        return child;
    }

    /** The command line of axle in a child JVM with this test's class path and bin/axle's JVM options. */
    static List<String> childAxle(String... args) {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-XX:TieredStopAtLevel=1", "-Daxle.unpackProcess=true",
                "-cp", System.getProperty("java.class.path"), "dev.axle.cli.Main"));
        command.addAll(List.of(args));
        return command;
    }
}

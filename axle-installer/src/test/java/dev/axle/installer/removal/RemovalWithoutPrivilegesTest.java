package dev.axle.installer.removal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Read-only folders as an ordinary user meets them: root ignores permission bits, so the
 * deletion runs in a child JVM stripped of the capabilities that let root do so
 * ({@code setpriv}, dropping CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH). As a non-root user the
 * test runs the child as is.
 */
class RemovalWithoutPrivilegesTest {
    private static final List<String> DROP = List.of("setpriv", "--inh-caps=-dac_override,-dac_read_search",
            "--bounding-set=-dac_override,-dac_read_search");

    @TempDir
    Path dir;

    @Test
    void readOnlyAndUnreadableFoldersAreOpenedUpAndRemoved() throws Exception {
        Path tree = dir.resolve("tree");
        Files.createDirectories(tree.resolve("locked/inner"));
        Files.writeString(tree.resolve("locked/inner/file"), "x");
        Files.writeString(tree.resolve("locked/file"), "x");
        Files.writeString(tree.resolve("readonly-file"), "x");
        Files.setPosixFilePermissions(tree.resolve("readonly-file"), PosixFilePermissions.fromString("r--r--r--"));
        Files.setPosixFilePermissions(tree.resolve("locked/inner"), PosixFilePermissions.fromString("r-x------"));
        Files.setPosixFilePermissions(tree.resolve("locked"), PosixFilePermissions.fromString("---------"));
        Files.setPosixFilePermissions(tree, PosixFilePermissions.fromString("r-x------"));
        assumeThat(run(List.of("sh", "-c", "ls " + tree.resolve("locked") + " >/dev/null 2>&1")))
                .as("the child must be subject to permission bits").isNotEqualTo("0");

        String output = run(childCommand(tree));

        assertThat(output).isEqualTo("removed 6\n0");
        assertThat(tree).doesNotExist();
    }

    private List<String> childCommand(Path tree) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElseThrow());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), RemovalChild.class.getName(), tree.toString()));
        return command;
    }

    /** Runs a command without root's file powers; answers its output followed by its exit code. */
    private static String run(List<String> command) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>();
        if (System.getProperty("user.name").equals("root")) {
            full.addAll(DROP);
        }
        full.addAll(command);
        Process process;
        try {
            process = new ProcessBuilder(full).redirectErrorStream(true).start();
        } catch (IOException e) {
            assumeThat(e).as("setpriv is needed to drop root's powers").isNull();
            throw e;
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return output + process.waitFor();
    }
}

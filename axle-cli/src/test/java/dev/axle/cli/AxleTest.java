package dev.axle.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** The command line run in-process: exit code, stdout and stderr. */
class AxleTest {
    private static final String NL = System.lineSeparator();

    private record Transcript(int exitCode, String out, String err) {}

    private static Transcript run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = Axle.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Transcript(exitCode, out.toString(), err.toString());
    }

    @Test
    void versionNamesAxleAndTheJavaRuntime() {
        Transcript t = run("--version");
        assertThat(t.exitCode()).isZero();
        assertThat(t.err()).isEmpty();
        assertThat(t.out()).matches("axle \\d+\\.\\d+\\.\\d+\\S* \\(Java \\S+\\)" + NL)
                .endsWith("(Java " + Runtime.version() + ")" + NL);
    }

    @Test
    void versionIsExactlyTheLineMainPrintsWithoutPicocli() {
        // Main answers `--version` and `-V` alone with versionLine() and println.
        assertThat(run("--version")).isEqualTo(new Transcript(0, Axle.versionLine() + NL, ""));
        assertThat(run("-V")).isEqualTo(new Transcript(0, Axle.versionLine() + NL, ""));
    }

    @Test
    void helpShowsUsageOptionsAndCommands() {
        Transcript t = run("--help");
        assertThat(t.exitCode()).isZero();
        assertThat(t.err()).isEmpty();
        assertThat(t.out())
                .startsWith("Usage: axle [-hV] [COMMAND]" + NL)
                .contains("The Python packaging toolchain for the JVM")
                .contains("-h, --help", "-V, --version")
                .contains("Commands:" + NL + "  help ");
        assertThat(run("help")).isEqualTo(t);
    }

    @Test
    void eachSubcommandIsListedUnderItsOwnName() {
        Axle.SUBCOMMANDS.forEach((name, command) ->
                assertThat(new picocli.CommandLine(command.get()).getCommandName()).isEqualTo(name));
        assertThat(Axle.commandLine().getSubcommands().keySet()).containsExactlyElementsOf(Axle.SUBCOMMANDS.keySet());
    }

    @Test
    void aSubcommandRunsWithOnlyItsOwnModelButHelpAndTyposSeeThemAll() {
        assertThat(Axle.commandLine("list", "--help").getSubcommands().keySet()).containsExactly("list");
        assertThat(Axle.commandLine("help", "list").getSubcommands()).hasSameSizeAs(Axle.SUBCOMMANDS);
        Transcript list = run("list", "--help");
        assertThat(list.exitCode()).isZero();
        assertThat(list.out()).startsWith("Usage: axle list ");
        assertThat(run("help", "list").out()).isEqualTo(list.out());
        Transcript typo = run("lsit");
        assertThat(typo.exitCode()).isEqualTo(2);
        assertThat(typo.err()).contains("Unmatched argument at index 0: 'lsit'").contains("list");
    }

    @Test
    void unknownOptionIsAUsageErrorOnStderr() {
        Transcript t = run("--no-such-option");
        assertThat(t.exitCode()).isEqualTo(2);
        assertThat(t.out()).isEmpty();
        assertThat(t.err()).startsWith("Unknown option: '--no-such-option'" + NL + "Usage: axle");
    }
}

package dev.axle.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The command line run in-process: exit code, stdout and stderr. */
class AxleTest {
    private static final String NL = System.lineSeparator();

    @Test
    void versionNamesAxleAndTheJavaRuntime() {
        Transcript t = Transcript.of("--version");
        assertThat(t.exitCode()).isZero();
        assertThat(t.err()).isEmpty();
        assertThat(t.out()).matches("axle \\d+\\.\\d+\\.\\d+\\S* \\(Java \\S+\\)" + NL)
                .endsWith("(Java " + Runtime.version() + ")" + NL);
    }

    @Test
    void versionIsExactlyTheLineMainPrintsWithoutPicocli() {
        // Main answers `--version` and `-V` alone with versionLine() and println.
        assertThat(Transcript.of("--version")).isEqualTo(new Transcript(0, Axle.versionLine() + NL, ""));
        assertThat(Transcript.of("-V")).isEqualTo(new Transcript(0, Axle.versionLine() + NL, ""));
    }

    @Test
    void helpShowsUsageOptionsAndCommands() {
        Transcript t = Transcript.of("--help");
        assertThat(t.exitCode()).isZero();
        assertThat(t.err()).isEmpty();
        assertThat(t.out())
                .startsWith("Usage: axle [-hV] [COMMAND]" + NL)
                .contains("The Python packaging toolchain for the JVM")
                .contains("-h, --help", "-V, --version")
                .contains("Commands:" + NL + "  help ");
        assertThat(Transcript.of("help")).isEqualTo(t);
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
        Transcript list = Transcript.of("list", "--help");
        assertThat(list.exitCode()).isZero();
        assertThat(list.out()).startsWith("Usage: axle list ");
        assertThat(Transcript.of("help", "list").out()).isEqualTo(list.out());
        Transcript typo = Transcript.of("lsit");
        assertThat(typo.exitCode()).isEqualTo(2);
        assertThat(typo.err()).contains("Unmatched argument at index 0: 'lsit'").contains("list");
    }

    @Test
    void unknownOptionIsAUsageErrorOnStderr() {
        Transcript t = Transcript.of("--no-such-option");
        assertThat(t.exitCode()).isEqualTo(2);
        assertThat(t.out()).isEmpty();
        assertThat(t.err()).startsWith("Unknown option: '--no-such-option'" + NL + "Usage: axle");
    }
}

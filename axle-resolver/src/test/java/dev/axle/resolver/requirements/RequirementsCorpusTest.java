package dev.axle.resolver.requirements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.axle.resolver.Corpora;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every requirements file in the corpora beside the project ({@code ../shared/corpora}, read
 * in place): uv's real requirement sets, uv's parser fixtures and pip's.
 */
class RequirementsCorpusTest {
    /**
     * Fixtures pip itself refuses, and why. axle reads them all: it does not look at the file
     * system, and it reads an {@code -e} line like a requirement line.
     */
    private static final Map<String, String> PIP_REFUSES = Map.of(
            "uv/requirements-txt/editable.txt",
            "'-e ./editable[d, dev]' splits into two words, and '-e ./editable[d' has no closing bracket;"
                    + " pip checks that the folders exist",
            "uv/requirements-txt/semicolon.txt",
            "pip takes './editable;python_version' as the editable's folder, which does not exist",
            "uv/requirements-txt/hash.txt",
            "pip takes './editable#' as the editable's folder, which does not exist",
            "uv/requirements-txt/bare-url.txt",
            "the folders ./test/packages/... do not exist beside pip's working directory");

    private static Path corpora() {
        return Corpora.root();
    }

    private static List<Path> files(Path folder) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(p -> p.toString().endsWith(".txt") || p.toString().endsWith(".in"))
                    .filter(p -> !p.getFileName().toString().equals("README.txt"))
                    .sorted().toList();
        }
    }

    private static ParsedRequirements parse(Path file) {
        return new RequirementsParser(RequirementsReader.localFiles(), Map.of()).parseRequirements(Location.of(file));
    }

    @Test
    void uvsRealRequirementSetsAllParse() throws IOException {
        List<Path> files = files(corpora().resolve("uv/test-requirements"));
        int entries = 0;
        for (Path file : files) {
            entries += parse(file).entries().size();
        }
        System.out.printf("requirements corpus: %d files of uv/test-requirements, %d requirement lines%n",
                files.size(), entries);
        assertThat(files).hasSize(32);
        assertThat(entries).isGreaterThan(1000);
    }

    @Test
    void uvsAndPipsParserFixtures() throws IOException {
        Path corpora = corpora();
        List<Path> files = Stream.concat(files(corpora.resolve("uv/requirements-txt")).stream(),
                files(corpora.resolve("pip/reqfiles")).stream()).toList();
        for (Path file : files) {
            assertThat(parse(file).files()).as(file.toString()).isNotEmpty();
        }
        assertThat(files).hasSize(15);
        assertThat(PIP_REFUSES.keySet()).allMatch(f -> files.contains(corpora.resolve(f)));
    }

    @Test
    void whatTheFixturesHold() {
        Path corpora = corpora();
        ParsedRequirements hashes = parse(corpora.resolve("uv/requirements-txt/poetry-with-hashes.txt"));
        assertThat(hashes.entries()).extracting(e -> e.hashes().size()).containsExactly(1, 1, 1, 2, 4);
        ParsedRequirements include = parse(corpora.resolve("uv/requirements-txt/include-a.txt"));
        assertThat(include.entries()).extracting(e -> e.name().orElseThrow()).containsExactly("tomli", "numpy");
        ParsedRequirements constraints = parse(corpora.resolve("uv/requirements-txt/constraints-a.txt"));
        assertThat(constraints.constraints()).extracting(e -> e.name().orElseThrow()).containsExactly("django", "pytz");
        ParsedRequirements whitespace = parse(corpora.resolve("uv/requirements-txt/whitespace.txt"));
        assertThat(whitespace.entries()).extracting(Object::toString).containsExactly(
                "numpy", "pandas[tabulate] @ git+https://github.com/pandas-dev/pandas.git");
        ParsedRequirements editable = parse(corpora.resolve("uv/requirements-txt/editable.txt"));
        assertThat(editable.entries()).allMatch(RequirementEntry::editable).hasSize(8);
        assertThat(parse(corpora.resolve("pip/reqfiles/supported_options2.txt")).formatControl())
                .isEqualTo(new FormatControl(java.util.Set.of("fred"), java.util.Set.of("wilma")));
        assertThatThrownBy(() -> parse(corpora.resolve("uv/requirements-txt/missing.txt")))
                .isInstanceOf(RequirementsFileException.class);
    }
}

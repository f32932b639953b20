package dev.axle.resolver.requirements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.axle.pep.ProjectName;
import dev.axle.resolver.requirements.GlobalOption.Name;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Global options inside files, per-line options, and the errors for options pip would not take. */
class RequirementsOptionsTest {
    @TempDir
    Path folder;

    @Test
    void globalOptionsAreKeptInOrderWithTheirLines() {
        ParsedRequirements parsed = new RequirementsFiles(folder).parse("requirements.txt", """
                -i https://first.example/simple
                --index-url=https://second.example/simple
                --extra-index-url https://extra.example/simple
                -fhttps://links.example/
                --find-links ./wheels
                --no-index
                --pre --prefer-binary
                --only-binary=:all:
                --no-binary numpy,SciPy
                --trusted-host first.example
                --require-hashes
                --use-feature truststore
                requests
                """);
        assertThat(parsed.options()).extracting(GlobalOption::name).containsExactly(
                Name.INDEX_URL, Name.INDEX_URL, Name.EXTRA_INDEX_URL, Name.FIND_LINKS, Name.FIND_LINKS, Name.NO_INDEX,
                Name.PRE, Name.PREFER_BINARY, Name.ONLY_BINARY, Name.NO_BINARY, Name.TRUSTED_HOST, Name.REQUIRE_HASHES,
                Name.USE_FEATURE);
        assertThat(parsed.options()).extracting(o -> o.origin().line())
                .containsExactly(1, 2, 3, 4, 5, 6, 7, 7, 8, 9, 10, 11, 12);
        assertThat(parsed.indexUrl()).contains("https://second.example/simple");
        assertThat(parsed.extraIndexUrls()).containsExactly("https://extra.example/simple");
        assertThat(parsed.findLinks()).containsExactly("https://links.example/", folder.resolve("./wheels").toString());
        assertThat(parsed.trustedHosts()).containsExactly("first.example");
        assertThat(parsed.noIndex()).isTrue();
        assertThat(parsed.pre()).isTrue();
        assertThat(parsed.preferBinary()).isTrue();
        assertThat(parsed.requireHashes()).isTrue();
        assertThat(parsed.formatControl()).isEqualTo(new FormatControl(Set.of("numpy", "scipy"), Set.of(":all:")));
        assertThat(parsed.entries()).hasSize(1);
    }

    @Test
    void withoutOptionsNothingIsSet() {
        ParsedRequirements parsed = new RequirementsFiles(folder).parse("requirements.txt", "requests\n");
        assertThat(parsed.options()).isEmpty();
        assertThat(parsed.indexUrl()).isEmpty();
        assertThat(parsed.noIndex() || parsed.pre() || parsed.preferBinary() || parsed.requireHashes()).isFalse();
        assertThat(parsed.formatControl()).isEqualTo(new FormatControl(Set.of(), Set.of()));
    }

    @Test
    void formatControlCombinesAsPipDoes() {
        RequirementsFiles files = new RequirementsFiles(folder);
        assertThat(files.parse("a.txt", "--no-binary :all:\n--only-binary numpy\n").formatControl())
                .isEqualTo(new FormatControl(Set.of(":all:"), Set.of("numpy")));
        assertThat(files.parse("b.txt", "--no-binary a,b\n--only-binary :all:\n").formatControl())
                .isEqualTo(new FormatControl(Set.of(), Set.of(":all:")));
        assertThat(files.parse("c.txt", "--no-binary a\n--no-binary :none:,b\n").formatControl())
                .isEqualTo(new FormatControl(Set.of("b"), Set.of()));
        assertThat(files.parse("d.txt", "--no-binary :all:,:none:,c\n").formatControl())
                .isEqualTo(new FormatControl(Set.of("c"), Set.of()));
        assertThat(files.parse("e.txt", "--only-binary x\n--no-binary x\n").formatControl())
                .isEqualTo(new FormatControl(Set.of("x"), Set.of()));
    }

    @Test
    void aProjectsFormatsAreAllowedAsPipAllowsThem() {
        ProjectName numpy = ProjectName.parse("NumPy");
        ProjectName other = ProjectName.parse("other");
        assertThat(allowed(FormatControl.unrestricted(), numpy)).isEqualTo("wheels, sdists");
        // --no-binary :all: --only-binary numpy
        FormatControl sources = new FormatControl(Set.of(":all:"), Set.of("numpy"));
        assertThat(allowed(sources, numpy)).isEqualTo("wheels");
        assertThat(allowed(sources, other)).isEqualTo("sdists");
        // --only-binary :all: --no-binary numpy
        FormatControl binaries = new FormatControl(Set.of("numpy"), Set.of(":all:"));
        assertThat(allowed(binaries, numpy)).isEqualTo("sdists");
        assertThat(allowed(binaries, other)).isEqualTo("wheels");
        // Both :all: (pip never combines to it, but the record allows it): --only-binary counts first.
        assertThat(allowed(new FormatControl(Set.of(":all:"), Set.of(":all:")), other)).isEqualTo("wheels");
        assertThat(allowed(new FormatControl(Set.of("numpy"), Set.of("numpy")), numpy)).isEqualTo("wheels");
    }

    private static String allowed(FormatControl control, ProjectName project) {
        return (control.allowsWheels(project) ? "wheels" : "") + (control.allowsWheels(project)
                && control.allowsSdists(project) ? ", " : "") + (control.allowsSdists(project) ? "sdists" : "");
    }

    @Test
    void unknownOptionsNameTheFileAndLine() {
        RequirementsFiles files = new RequirementsFiles(folder);
        assertThatThrownBy(() -> files.parse("requirements.txt", "requests\n\n--upgrade\n"))
                .isInstanceOf(RequirementsFileException.class)
                .hasMessageStartingWith(folder.resolve("requirements.txt") + ":3: unknown option --upgrade")
                .hasMessageContaining("--index-url");
        assertThatThrownBy(() -> files.parse("requirements.txt", "-x\n"))
                .hasMessageContaining(":1: unknown option -x");
    }

    @Test
    void buildSettingsAreRefused() {
        RequirementsFiles files = new RequirementsFiles(folder);
        assertThatThrownBy(() -> files.entry("numpy --config-settings=setup-args=-Dblas=none"))
                .hasMessageContaining(":1: --config-settings is not supported");
        assertThatThrownBy(() -> files.entry("-C key=value"))
                .hasMessageContaining("--config-settings is not supported");
        assertThatThrownBy(() -> files.entry("numpy --global-option=--no-user-cfg"))
                .hasMessageContaining("--global-option is not supported");
    }

    @Test
    void optionsThatPipWouldIgnoreAreErrors() {
        RequirementsFiles files = new RequirementsFiles(folder);
        assertThatThrownBy(() -> files.entry("numpy --pre"))
                .hasMessageContaining(":1: --pre cannot follow a requirement: put it on a line of its own");
        assertThatThrownBy(() -> files.entry("--pre numpy"))
                .hasMessageContaining("unexpected 'numpy' among options");
        assertThatThrownBy(() -> files.entry("--pre -e ./x"))
                .hasMessageContaining("--editable must start its line");
        assertThatThrownBy(() -> files.entry("--hash=sha256:00"))
                .hasMessageContaining("--hash belongs after a requirement");
        assertThatThrownBy(() -> files.entry("--no-index=yes"))
                .hasMessageContaining("--no-index takes no value");
        assertThatThrownBy(() -> files.entry("--index-url"))
                .hasMessageContaining("--index-url needs a value");
        assertThatThrownBy(() -> files.entry("--no-binary --pre"))
                .hasMessageContaining("--no-binary needs a value: project names");
        assertThatThrownBy(() -> files.entry("--index-url 'https://x"))
                .hasMessageContaining("no closing quotation mark");
    }

    @Test
    void longOptionsMayBeShortenedAsOptparseAllows() {
        RequirementsFiles files = new RequirementsFiles(folder);
        files.write("sub.txt", "six --ha=sha256:" + "0".repeat(64) + "\n");
        ParsedRequirements parsed = files.parse("requirements.txt",
                "--index=https://x.example/simple\n--extra https://y.example/simple\n--pre\n--prefer\n--requirem sub.txt\n");
        assertThat(parsed.options()).extracting(GlobalOption::name)
                .containsExactly(Name.INDEX_URL, Name.EXTRA_INDEX_URL, Name.PRE, Name.PREFER_BINARY);
        assertThat(parsed.entries().getFirst().hashes()).hasSize(1);
        assertThatThrownBy(() -> files.entry("--req x"))
                .hasMessageContaining("ambiguous option --req: it could be --require-hashes, --requirement");
        assertThatThrownBy(() -> files.entry("--no x"))
                .hasMessageContaining(":1: ambiguous option --no: it could be --no-binary, --no-index");
        assertThatThrownBy(() -> files.entry("--install-option=--prefix=/x"))
                .hasMessageContaining("unknown option --install-option");
    }

    @Test
    void quotedOptionValues() {
        ParsedRequirements parsed = new RequirementsFiles(folder).parse("requirements.txt",
                "--find-links \"/srv/my wheels\"\n--trusted-host='a.example'\n");
        assertThat(parsed.findLinks()).containsExactly("/srv/my wheels");
        assertThat(parsed.trustedHosts()).containsExactly("a.example");
    }

    @Test
    void invalidRequirementShowsACaretUnderTheBadPart() {
        RequirementsFiles files = new RequirementsFiles(folder);
        Path file = files.write("requirements.txt", "a\nb\nc\nd\ne\nf\nrequests >= 2.0 ~ 3\n");
        assertThatThrownBy(() -> files.parse(file))
                .isInstanceOfSatisfying(RequirementsFileException.class, e -> {
                    assertThat(e.origin()).isEqualTo(new Origin(Location.of(file), 7));
                    assertThat(e.line()).isEqualTo("requests >= 2.0 ~ 3");
                    assertThat(e.getMessage()).isEqualTo(file + ":7: invalid requirement: "
                            + "Expected comma (within version specifier), semicolon (after version specifier) or end\n"
                            + "    requests >= 2.0 ~ 3\n"
                            + "             ~~~~~~~^");
                });
    }

    @Test
    void invalidMarkerCaretIsPlacedInTheWholeLine() {
        RequirementsFiles files = new RequirementsFiles(folder);
        assertThatThrownBy(() -> files.entry("./project ;  python_version >> '3'"))
                .isInstanceOfSatisfying(RequirementsFileException.class, e -> assertThat(e.getMessage())
                        .endsWith(":1: invalid marker: Expected a marker variable or quoted string\n"
                                + "    ./project ;  python_version >> '3'\n"
                                + "                                 ^"));
    }

    @Test
    void singleEqualsGetsPipsHint() {
        assertThatThrownBy(() -> new RequirementsFiles(folder).entry("requests=2.0"))
                .hasMessageContaining("did you mean ==?");
    }

    @Test
    void constraintsMustNameAProjectWithoutExtrasOrEditable() {
        RequirementsFiles files = new RequirementsFiles(folder);
        RequirementsParser parser = new RequirementsParser(RequirementsReader.localFiles(), java.util.Map.of());
        assertThatThrownBy(() -> parser.parseConstraints(Location.of(files.write("c1.txt", "-e ./x\n"))))
                .hasMessageContaining("c1.txt:1: editable requirements are not allowed as constraints");
        assertThatThrownBy(() -> parser.parseConstraints(Location.of(files.write("c2.txt", "./x\n"))))
                .hasMessageContaining("c2.txt:1: a constraint must name its project");
        assertThatThrownBy(() -> parser.parseConstraints(Location.of(files.write("c3.txt", "requests[socks]<3\n"))))
                .hasMessageContaining("c3.txt:1: constraints cannot have extras");
        ParsedRequirements ok = parser.parseConstraints(Location.of(files.write("c4.txt",
                "requests<3\nflask @ https://example.org/flask-3.0.0-py3-none-any.whl\n")));
        assertThat(ok.constraints()).hasSize(2);
        assertThat(ok.requirements()).isEmpty();
    }
}

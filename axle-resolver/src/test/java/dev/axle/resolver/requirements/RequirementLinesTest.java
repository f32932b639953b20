package dev.axle.resolver.requirements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.axle.pep.Marker;
import dev.axle.pep.Requirement;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Comments, blank lines, continuations, variables and requirement lines. */
class RequirementLinesTest {
    private static final String SHA256 = "2e1ccc9417d4da358b9de6f174e3ac094391ea1d4fbef2d667865d819dfd0afe";
    private static final String OTHER256 = "8a388717b9476f934a21484e8c8e61875ab60644d29b9b39e11e4b9dc1c6b305";

    @TempDir
    Path folder;

    private List<String> names(ParsedRequirements parsed) {
        return parsed.entries().stream().map(e -> e.name().orElse("?")).toList();
    }

    private List<Integer> lines(ParsedRequirements parsed) {
        return parsed.entries().stream().map(e -> e.origin().line()).toList();
    }

    @Test
    void commentsAndBlankLinesAreSkipped() {
        ParsedRequirements parsed = new RequirementsFiles(folder).parse("requirements.txt", """
                # a comment
                   # an indented comment

                pytest  # after whitespace
                pytest-cov\t# after a tab
                """);
        assertThat(parsed.entries()).hasSize(2);
        assertThat(names(parsed)).containsExactly("pytest", "pytest-cov");
        assertThat(lines(parsed)).containsExactly(4, 5);
        assertThatThrownBy(() -> new RequirementsFiles(folder).entry("flask#not-a-comment"))
                .hasMessageContaining(":1: invalid requirement:");
    }

    @Test
    void aHashWithoutWhitespaceBeforeItIsPartOfTheLine() {
        RequirementEntry entry = new RequirementsFiles(folder)
                .entry("https://example.org/x-1.0-py3-none-any.whl#sha256=" + SHA256);
        assertThat(entry.reference().orElseThrow().hash()).contains(new Hash("sha256", SHA256));
        assertThat(entry.name()).contains("x");
    }

    @Test
    void continuationsJoinLinesAndKeepTheFirstLineNumber() {
        ParsedRequirements parsed = new RequirementsFiles(folder).parse("requirements.txt", """
                first
                urllib3==1.26.15 ; python_version >= "3.8" \\
                    --hash=sha256:%s \\
                    --hash sha256:%s
                last
                """.formatted(SHA256, OTHER256));
        RequirementEntry urllib3 = parsed.entries().get(1);
        assertThat(urllib3.toString()).isEqualTo(
                "urllib3==1.26.15 ; python_version >= \"3.8\" --hash=sha256:" + SHA256 + " --hash=sha256:" + OTHER256);
        assertThat(lines(parsed)).containsExactly(1, 2, 5);
    }

    @Test
    void continuationAddsNoSpace() {
        assertThat(new RequirementsFiles(folder).entry("requ\\\nests>=2").toString()).isEqualTo("requests>=2");
    }

    @Test
    void aCommentLineEndsAContinuationAndIsDropped() {
        ParsedRequirements parsed = new RequirementsFiles(folder).parse("requirements.txt",
                "numpy \\\n# why numpy \\\npandas\n");
        assertThat(names(parsed)).containsExactly("numpy", "pandas");
        assertThat(lines(parsed)).containsExactly(1, 3);
    }

    @Test
    void aBackslashOnTheLastLineJoinsNothing() {
        ParsedRequirements parsed = new RequirementsFiles(folder).parse("requirements.txt", "numpy\npandas \\");
        assertThat(names(parsed)).containsExactly("numpy", "pandas");
    }

    @Test
    void aCommentInsideAContinuedLineSwallowsTheRestAsPipDoes() {
        ParsedRequirements parsed = new RequirementsFiles(folder).parse("requirements.txt",
                "numpy # pinned below \\\npandas\nscipy\n");
        assertThat(names(parsed)).containsExactly("numpy", "scipy");
    }

    @Test
    void everyKindOfLineEndingCounts() {
        ParsedRequirements parsed = new RequirementsFiles(folder).parse("requirements.txt",
                "a\r\nb\rc\nd\u000ce\u2028f");
        assertThat(names(parsed)).containsExactly("a", "b", "c", "d", "e", "f");
        assertThat(lines(parsed)).containsExactly(1, 2, 3, 4, 5, 6);
    }

    @Test
    void variablesExpandOnlyInThePipForm() {
        RequirementsFiles files = new RequirementsFiles(folder, Map.of("TOKEN", "s3cr3t", "home", "x", "HOME", "/root"));
        ParsedRequirements parsed = files.parse("requirements.txt", """
                --extra-index-url https://user:${TOKEN}@example.org/simple
                --extra-index-url https://example.org/${UNDEFINED}/simple
                --extra-index-url https://example.org/${home}/$HOME/simple
                """);
        assertThat(parsed.extraIndexUrls()).containsExactly(
                "https://user:s3cr3t@example.org/simple",
                "https://example.org/${UNDEFINED}/simple",
                "https://example.org/${home}/$HOME/simple");
    }

    @Test
    void variablesAreExpandedAfterCommentsAreRemoved() {
        RequirementsFiles files = new RequirementsFiles(folder, Map.of("SPEC", "requests # not a comment"));
        assertThatThrownBy(() -> files.parse("requirements.txt", "${SPEC}\n"))
                .hasMessageStartingWith(folder.resolve("requirements.txt") + ":1: invalid requirement:");
    }

    @Test
    void requirementsWithExtrasSpecifiersAndMarkers() {
        RequirementEntry entry = new RequirementsFiles(folder)
                .entry("requests [security,socks] >= 2.8.1, == 2.8.* ; python_version < \"3.8\"");
        assertThat(entry.name()).contains("requests");
        assertThat(entry.extras()).containsExactly("security", "socks");
        assertThat(entry.specifier().toString()).isEqualTo("==2.8.*,>=2.8.1");
        assertThat(entry.marker()).contains(Marker.parse("python_version < \"3.8\""));
        assertThat(entry.reference()).isEmpty();
        assertThat(entry.editable()).isFalse();
        assertThat(entry.constraint()).isFalse();
        assertThat(entry.origin().toString()).isEqualTo(folder.resolve("requirements.txt") + ":1");
    }

    @Test
    void namedEntriesAreDependencySpecifiers() {
        RequirementsFiles files = new RequirementsFiles(folder);
        assertThat(files.entry("Requests[socks] >= 2 ; python_version < '3.8' --hash=sha256:" + SHA256).requirement())
                .contains(Requirement.parse("requests[socks]>=2; python_version < \"3.8\""));
        assertThat(files.entry("./dist/my pkg/x-1.0-py3-none-any.whl[a] ; os_name == 'nt'").requirement().orElseThrow())
                .hasToString("x[a] @ " + folder.resolve("dist/my pkg/x-1.0-py3-none-any.whl").toUri()
                        + " ; os_name == \"nt\"");
        assertThat(files.entry("git+https://github.com/pallets/flask.git@3.0.0#egg=flask").requirement().orElseThrow()
                .url()).contains("git+https://github.com/pallets/flask.git@3.0.0#egg=flask");
        assertThat(files.entry("./project").requirement()).isEmpty();
    }

    @Test
    void severalHashesInOrder() {
        RequirementEntry entry = new RequirementsFiles(folder)
                .entry("six==1.16.0 --hash=sha256:" + SHA256 + " --hash='sha256:" + OTHER256.toUpperCase() + "'");
        assertThat(entry.hashes()).containsExactly(new Hash("sha256", SHA256), new Hash("sha256", OTHER256));
    }

    @Test
    void hashesMustBeStrongAndWellFormed() {
        RequirementsFiles files = new RequirementsFiles(folder);
        assertThatThrownBy(() -> files.entry("six --hash=md5:d41d8cd98f00b204e9800998ecf8427e"))
                .hasMessageContaining(":1: --hash algorithm 'md5' is not one pip accepts");
        assertThatThrownBy(() -> files.entry("six --hash=sha256:abc"))
                .hasMessageContaining("--hash sha256 digest must be 64 hex digits");
        assertThatThrownBy(() -> files.entry("six --hash=" + SHA256))
                .hasMessageContaining("--hash needs an algorithm and a hex digest");
        assertThatThrownBy(() -> files.entry("six --hash"))
                .hasMessageContaining("--hash needs a value");
    }

    @Test
    void nameAtUrl() {
        RequirementEntry entry = new RequirementsFiles(folder).entry(
                "urllib3 @ https://github.com/urllib3/urllib3/archive/refs/tags/1.26.8.zip ; sys_platform == 'linux'");
        assertThat(entry.name()).contains("urllib3");
        assertThat(entry.reference().orElseThrow().url())
                .isEqualTo("https://github.com/urllib3/urllib3/archive/refs/tags/1.26.8.zip");
        assertThat(entry.reference().orElseThrow().path()).isEmpty();
        assertThat(entry.marker()).isPresent();
    }

    @Test
    void bareUrlsTakeTheirNameFromTheWheelOrTheEggFragment() {
        RequirementsFiles files = new RequirementsFiles(folder);
        RequirementEntry wheel = files.entry("https://example.org/simple/x/My_Pkg-1.0%2Blocal-py3-none-any.whl#sha256="
                + SHA256 + "; python_version >= '3'");
        assertThat(wheel.name()).contains("my-pkg");
        assertThat(wheel.reference().orElseThrow().isWheel()).isTrue();
        assertThat(wheel.reference().orElseThrow().hash()).contains(new Hash("sha256", SHA256));
        assertThat(wheel.marker()).isPresent();

        RequirementEntry vcs = files.entry("git+https://github.com/pallets/flask.git@3.0.0#egg=flask");
        assertThat(vcs.name()).contains("flask");
        assertThat(vcs.reference().orElseThrow().isVcs()).isTrue();

        RequirementEntry sdist = files.entry("https://example.org/x-1.0.tar.gz");
        assertThat(sdist.name()).isEmpty();
        assertThat(sdist.reference().orElseThrow().fileName()).isEqualTo("x-1.0.tar.gz");
    }

    @Test
    void aUrlNeedsASpaceBeforeItsMarkerSemicolon() {
        RequirementEntry entry = new RequirementsFiles(folder).entry("https://example.org/a/b;c=d");
        assertThat(entry.marker()).isEmpty();
        assertThat(entry.reference().orElseThrow().url()).isEqualTo("https://example.org/a/b;c=d");
    }

    @Test
    void pathsAreTakenFromTheRequirementsFilesFolder() {
        RequirementsFiles files = new RequirementsFiles(folder);
        ParsedRequirements parsed = files.parse("sub/requirements.txt", """
                ./dist/x-1.0-py3-none-any.whl
                ../project[dev, test] ; python_version >= "3.9"
                y-2.0.tar.gz
                %s
                """.formatted(folder.resolve("abs/z-1.0.zip")));
        List<RequirementEntry> entries = parsed.entries();
        assertThat(entries.get(0).reference().orElseThrow().path()).contains(folder.resolve("sub/dist/x-1.0-py3-none-any.whl"));
        assertThat(entries.get(0).name()).contains("x");
        assertThat(entries.get(0).reference().orElseThrow().url()).startsWith("file:/").endsWith("/dist/x-1.0-py3-none-any.whl");
        assertThat(entries.get(1).reference().orElseThrow().path()).contains(folder.resolve("project"));
        assertThat(entries.get(1).extras()).containsExactly("dev", "test");
        assertThat(entries.get(1).name()).isEmpty();
        assertThat(entries.get(1).marker()).contains(Marker.parse("python_version >= '3.9'"));
        assertThat(entries.get(2).reference().orElseThrow().path()).contains(folder.resolve("sub/y-2.0.tar.gz"));
        assertThat(entries.get(3).reference().orElseThrow().path()).contains(folder.resolve("abs/z-1.0.zip"));
    }

    @Test
    void nameAtSomethingIsARequirementEvenWithASlashOrAnArchiveName() {
        RequirementEntry entry = new RequirementsFiles(folder).entry("werkzeug @ file:///wheels/werkzeug-3.0.1.tar.gz");
        assertThat(entry.name()).contains("werkzeug");
        assertThat(entry.reference().orElseThrow().path()).isEmpty();
        assertThat(entry.reference().orElseThrow().url()).isEqualTo("file:///wheels/werkzeug-3.0.1.tar.gz");
    }

    @Test
    void editables() {
        RequirementsFiles files = new RequirementsFiles(folder);
        ParsedRequirements parsed = files.parse("requirements.txt", """
                -e ./project[dev]
                --editable=../other ; os_name == "posix"
                -e git+https://github.com/pallets/flask.git#egg=flask
                -e.
                """);
        assertThat(parsed.entries()).allMatch(RequirementEntry::editable);
        assertThat(parsed.entries().get(0).reference().orElseThrow().path()).contains(folder.resolve("project"));
        assertThat(parsed.entries().get(0).extras()).containsExactly("dev");
        assertThat(parsed.entries().get(1).marker()).contains(Marker.parse("os_name == 'posix'"));
        assertThat(parsed.entries().get(2).name()).contains("flask");
        assertThat(parsed.entries().get(3).reference().orElseThrow().path()).contains(folder);
        assertThat(parsed.entries().get(0).toString()).isEqualTo("-e " + folder.resolve("project") + "[dev]");
    }

    @Test
    void editablesNeedAPathOrAVcsUrl() {
        RequirementsFiles files = new RequirementsFiles(folder);
        assertThatThrownBy(() -> files.entry("-e requests"))
                .hasMessageContaining(":1: -e needs a local project path or a VCS URL");
        assertThatThrownBy(() -> files.entry("-e https://example.org/x-1.0-py3-none-any.whl"))
                .hasMessageContaining("-e needs a local project path or a VCS URL (git+, hg+, svn+ or bzr+), got https://");
        assertThatThrownBy(() -> files.entry("-e"))
                .hasMessageContaining("-e needs a local project path or a VCS URL after it");
    }
}

package dev.axle.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Pages written by others, read in place from the shared corpora (never copied): the simple-API
 * pages of pip's tests, served there from {@code file:} URLs, and the specifications' examples.
 */
class CorpusPagesTest {

    private static Path corpora() {
        String configured = System.getProperty("axle.corpora");
        Path root = configured != null ? Path.of(configured) : Path.of("../../shared/corpora");
        assumeTrue(Files.isDirectory(root), "the shared corpora are not at " + root.toAbsolutePath());
        return root.toAbsolutePath().normalize();
    }

    private static ProjectPage pipPage(String path) throws IOException {
        Path file = corpora().resolve("pip/indexes").resolve(path);
        // A file: index has no Content-Type; a client reads .html files as text/html.
        return SimpleApi.parseProjectPage("text/html", Files.readAllBytes(file), file.toUri());
    }

    @Test
    void pipsYankedIndex() throws IOException {
        ProjectPage page = pipPage("yanked/simple/index.html");
        assertThat(page.name()).isEqualTo("simple");
        assertThat(page.files()).extracting(DistributionFile::filename, f -> f.yanked().toString()).containsExactly(
                tuple("simple-1.0.tar.gz", "not yanked"),
                tuple("simple-2.0.tar.gz", "not yanked"),
                tuple("simple-3.0.tar.gz", "yanked (test reason message)"));
        assertThat(page.files().get(0).url())
                .isEqualTo(corpora().resolve("pip/packages/simple-1.0.tar.gz").toUri());
    }

    @Test
    void pipsDataRequiresPythonIndex() throws IOException {
        ProjectPage page = pipPage("datarequire/fakepackage/index.html");
        assertThat(page.name()).isEqualTo("fakepackage");
        assertThat(page.apiVersion()).isEqualTo(ApiVersion.DEFAULT);
        assertThat(page.files()).extracting(DistributionFile::requiresPython).containsExactly(
                Optional.empty(), Optional.of("<2.7"), Optional.of(">=2.7,<3"), Optional.of(">=3.3"),
                Optional.of("><X.y.z"));
        assertThat(page.files()).allSatisfy(f -> {
            assertThat(f.hashes()).isEqualTo(Map.of("md5", "00000000000000000000000000000000"));
            assertThat(f.url().getPath()).startsWith("/fakepackage-").doesNotContain("#");
        });
    }

    @Test
    void pipsIndexInADirectoryWithASpace() throws IOException {
        ProjectPage page = pipPage("in dex/simple/index.html");
        assertThat(page.name()).isEqualTo("simple");
        DistributionFile file = page.files().get(0);
        assertThat(file.filename()).isEqualTo("simple-1.0.tar.gz");
        assertThat(file.hashes()).isEqualTo(Map.of("md5", "4bdf78ebb7911f215c1972cf71b378f0"));
        assertThat(Path.of(file.url())).isEqualTo(corpora().resolve("pip/packages/simple-1.0.tar.gz"));
    }

    @Test
    void pipsPreReleaseIndexWhereTextAndLinkDisagree() throws IOException {
        // pip's own test expects bar-2.0b1 from this page: the link, not the text, names the file.
        assertThat(pipPage("pre/bar/index.html").files()).extracting(DistributionFile::filename)
                .containsExactly("bar-1.0.tar.gz", "bar-2.0b1.tar.gz", "bar-2.0.dev1.tar.gz");
    }

    @Test
    void pipsEmptyIndexPage() throws IOException {
        Path file = corpora().resolve("pip/indexes/empty_with_pkg/index.html");
        ProjectPage page = SimpleApi.parseProjectPage("text/html", Files.readAllBytes(file),
                URI.create("file:///srv/simple/empty-with-pkg/index.html"));
        assertThat(page.files()).isEmpty();
    }

    /** The code blocks of a snippets file in {@code specs/}, by their line. */
    private static String snippet(String file, int line) throws IOException {
        JsonNode blocks = new ObjectMapper().readTree(corpora().resolve("specs").resolve(file).toFile()).get("blocks");
        for (JsonNode block : blocks) {
            if (block.get("line").asInt() == line) {
                return block.get("text").asText();
            }
        }
        throw new AssertionError("no block at line " + line + " of " + file);
    }

    @Test
    void theSpecificationsProjectDetailExamples() throws IOException {
        URI url = URI.create("https://example.com/simple/holygrail/");
        ProjectPage pep691 = SimpleApi.parseProjectPage(SimpleApi.JSON_V1,
                Pages.bytes(snippet("peps/pep-0691.snippets.json", 292)), url);
        assertThat(pep691.apiVersion()).isEqualTo(ApiVersion.of(1, 0));
        assertThat(pep691.files()).extracting(DistributionFile::filename, f -> f.yanked().reason(),
                        f -> f.coreMetadata().available())
                .containsExactly(tuple("holygrail-1.0.tar.gz", Optional.of("Had a vulnerability"), false),
                        tuple("holygrail-1.0-py3-none-any.whl", Optional.empty(), true));

        ProjectPage living = SimpleApi.parseProjectPage(SimpleApi.JSON_V1,
                Pages.bytes(snippet("packaging.python.org/simple-repository-api.snippets.json", 647)), url);
        assertThat(living.apiVersion()).isEqualTo(ApiVersion.of(1, 4));
        assertThat(living.apiVersion().isNewerThanKnown()).isFalse();
        assertThat(living.versions()).containsExactly("1.0");
        assertThat(living.files()).extracting(DistributionFile::size).containsExactly(Optional.of(123456L), Optional.of(1337L));
        assertThat(living.files().get(0).hashes()).containsOnlyKeys("sha256", "blake2b");

        ProjectPage html = SimpleApi.parseProjectPage("text/html",
                Pages.bytes(snippet("peps/pep-0503.snippets.json", 106)), url);
        assertThat(html.files()).singleElement().satisfies(f -> assertThat(f.requiresPython()).contains(">=3"));
    }

    @Test
    void theSpecificationsProjectListExamples() throws IOException {
        URI url = URI.create("https://example.com/simple/");
        ProjectList html = SimpleApi.parseProjectList("text/html", Pages.bytes(snippet("peps/pep-0503.snippets.json", 45)), url);
        ProjectList json = SimpleApi.parseProjectList(SimpleApi.JSON_V1,
                Pages.bytes(snippet("peps/pep-0691.snippets.json", 194)), url);
        assertThat(html.projects()).extracting(ProjectList.Project::normalizedName).containsExactly("frob", "spamspamspam");
        assertThat(json.projects()).extracting(ProjectList.Project::name).isEqualTo(List.of("Frob", "spamspamspam"));
        assertThat(json.projects()).extracting(ProjectList.Project::normalizedName)
                .isEqualTo(html.projects().stream().map(ProjectList.Project::normalizedName).toList());
    }
}

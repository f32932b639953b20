package dev.axle.mirror.target;

import static org.assertj.core.api.Assertions.assertThat;

import dev.axle.index.ApiVersion;
import dev.axle.index.ProjectPage;
import dev.axle.index.SimpleApi;
import dev.axle.index.Yanked;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The pages of a static index, read back with axle-index's own parser (as pip and uv would read them). */
class StaticPagesTest {
    private static final String SHA = "a".repeat(64);
    private static final String META = "b".repeat(64);
    private static final URI PAGE = URI.create("https://mirror.example/simple/demo/");

    private static final List<StaticPages.PageFile> FILES = List.of(
            new StaticPages.PageFile("demo-1.0+local-py3-none-any.whl", "../../packages/aa/demo-1.0%2Blocal-py3-none-any.whl",
                    Map.of("sha256", SHA), Optional.of(">=3.8"), Yanked.because("broken \"x\" <b>"), Optional.of(META),
                    123, Optional.of(Instant.parse("2024-01-02T03:04:05.123456Z"))),
            new StaticPages.PageFile("demo-1.0.tar.gz", "../../packages/bb/demo-1.0.tar.gz",
                    Map.of("sha256", SHA, "md5", "c".repeat(32)), Optional.empty(), Yanked.because(null),
                    Optional.empty(), 9, Optional.empty()));

    @Test
    void jsonAndHtmlSayTheSame() throws Exception {
        ProjectPage json = SimpleApi.parseProjectPage(SimpleApi.JSON_V1,
                StaticPages.projectJson("Demo", 42, FILES, List.of("1.0")), PAGE);
        ProjectPage html = SimpleApi.parseProjectPage("text/html", StaticPages.projectHtml("Demo", FILES), PAGE);
        assertThat(json.lastSerial()).hasValue(42);
        assertThat(json.apiVersion()).isEqualTo(ApiVersion.of(1, 1));
        assertThat(json.versions()).containsExactly("1.0");
        for (ProjectPage page : List.of(json, html)) {
            var wheel = page.files().get(0);
            assertThat(wheel.filename()).isEqualTo("demo-1.0+local-py3-none-any.whl");
            assertThat(wheel.url()).isEqualTo(URI.create("https://mirror.example/packages/aa/demo-1.0%2Blocal-py3-none-any.whl"));
            assertThat(wheel.hashes()).containsEntry("sha256", SHA);
            assertThat(wheel.requiresPython()).hasValue(">=3.8");
            assertThat(wheel.yanked()).isEqualTo(Yanked.because("broken \"x\" <b>"));
            assertThat(wheel.coreMetadata().hashes()).containsEntry("sha256", META);
            var sdist = page.files().get(1);
            assertThat(sdist.yanked()).isEqualTo(Yanked.because(null));
            assertThat(sdist.coreMetadata().available()).isFalse();
        }
        assertThat(json.files().get(0).size()).hasValue(123L);
        assertThat(json.files().get(0).uploadTime()).hasValue(Instant.parse("2024-01-02T03:04:05.123456Z"));
        assertThat(json.files().get(1).hashes()).containsEntry("md5", "c".repeat(32));
        assertThat(new String(StaticPages.projectHtml("Demo", FILES), StandardCharsets.UTF_8))
                .contains("data-yanked=\"broken &quot;x&quot; &lt;b&gt;\"").contains("data-requires-python=\"&gt;=3.8\"");
    }

    @Test
    void theProjectListInBothForms() throws Exception {
        List<StaticPages.ListedProject> projects = List.of(new StaticPages.ListedProject("zope-interface",
                "zope.interface", 5), new StaticPages.ListedProject("demo", "Demo", 9));
        var json = SimpleApi.parseProjectList(SimpleApi.JSON_V1, StaticPages.listJson(projects),
                URI.create("https://mirror.example/simple/"));
        assertThat(json.projects()).extracting(p -> p.normalizedName() + "@" + p.lastSerial().getAsLong())
                .containsExactly("zope-interface@5", "demo@9");
        assertThat(new String(StaticPages.listHtml(projects), StandardCharsets.UTF_8))
                .contains("<a href=\"zope-interface/\">zope.interface</a>");
    }

    @Test
    void keysBecomeRelativeUrlPaths() {
        assertThat(StaticPages.encodePath("packages/ab/cd/ef/x-1.0+cpu-py3-none-any.whl"))
                .isEqualTo("packages/ab/cd/ef/x-1.0%2Bcpu-py3-none-any.whl");
        assertThat(StaticPages.encodePath("a b/é")).isEqualTo("a%20b/%C3%A9");
    }
}

package dev.axle.index;

import static dev.axle.index.Pages.PAGE;
import static dev.axle.index.Pages.html;
import static dev.axle.index.Pages.htmlAnchor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.axle.pep.ProjectName;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HtmlProjectPageTest {
    private static final String SHA = "6088930bfe239f0e6710546ab9c19c9ef35e29792895fed6e6e31a023a182a61";

    @Test
    void aPlainPageListsItsAnchorsAsFiles() throws Exception {
        ProjectPage page = html("""
                <!DOCTYPE html>
                <html><head><title>Links for holygrail</title></head>
                  <body>
                    <h1>Links for holygrail</h1>
                    <a href="holygrail-1.0.tar.gz">holygrail-1.0.tar.gz</a><br/>
                    <div><p><a href="/files/holygrail-1.0-py3-none-any.whl">holygrail-1.0-py3-none-any.whl</a></p></div>
                  </body>
                </html>
                """);
        assertThat(page.name()).isEqualTo("holygrail");
        assertThat(page.normalizedName()).isEqualTo(ProjectName.parse("HolyGrail"));
        assertThat(page.apiVersion()).isEqualTo(ApiVersion.of(1, 0));
        assertThat(page.versions()).isEmpty();
        assertThat(page.files()).containsExactly(
                DistributionFile.of("holygrail-1.0.tar.gz",
                        URI.create("https://index.example/simple/holygrail/holygrail-1.0.tar.gz"), Map.of()),
                DistributionFile.of("holygrail-1.0-py3-none-any.whl",
                        URI.create("https://index.example/files/holygrail-1.0-py3-none-any.whl"), Map.of()));
    }

    @Test
    void anEmptyPageHasNoFiles() throws Exception {
        assertThat(html("").files()).isEmpty();
        assertThat(html("<html><body><h1>Nothing here</h1><a>no href</a><a href=' '>blank</a></body></html>").files())
                .isEmpty();
    }

    @Test
    void urlsResolveAgainstThePageOrItsBaseHref() throws Exception {
        assertThat(html("<a href='../../packages/a-1.tar.gz'>a</a><a href='https://files.example/b-1.tar.gz'>b</a>"
                + "<a href='//cdn.example/c-1.tar.gz'>c</a>").files())
                .extracting(DistributionFile::url)
                .containsExactly(URI.create("https://index.example/packages/a-1.tar.gz"),
                        URI.create("https://files.example/b-1.tar.gz"), URI.create("https://cdn.example/c-1.tar.gz"));

        // Climbing above the root stops at the root, as in browsers and Python's urljoin.
        assertThat(html("<a href='../../../../up/a-1.tar.gz?x=1#egg=a'>a</a>").files().get(0).url())
                .hasToString("https://index.example/up/a-1.tar.gz?x=1#egg=a");

        ProjectPage based = html("""
                <html><head><base href="https://mirror.example/pkgs/"></head>
                <body><a href="a-1.tar.gz">a-1.tar.gz</a><a href="/root/b-1.tar.gz">b-1.tar.gz</a></body></html>
                """);
        assertThat(based.files()).extracting(DistributionFile::url).containsExactly(
                URI.create("https://mirror.example/pkgs/a-1.tar.gz"), URI.create("https://mirror.example/root/b-1.tar.gz"));

        ProjectPage relativeBase = html("<head><base href='../../dl/'></head><a href='a-1.tar.gz'>a-1.tar.gz</a>");
        assertThat(relativeBase.files().get(0).url()).isEqualTo(URI.create("https://index.example/dl/a-1.tar.gz"));
    }

    @Test
    void aHashFragmentBecomesAHashAndLeavesTheUrl() throws Exception {
        DistributionFile file = html("<a href='/f/holygrail-1.0.tar.gz#sha256=" + SHA.toUpperCase() + "'>x</a>").files().get(0);
        assertThat(file.url()).isEqualTo(URI.create("https://index.example/f/holygrail-1.0.tar.gz"));
        assertThat(file.hashes()).isEqualTo(Map.of("sha256", SHA));

        DistributionFile md5 = html("<a href='a-1.tar.gz#md5=4bdf78ebb7911f215c1972cf71b378f0'>a</a>").files().get(0);
        assertThat(md5.hashes()).isEqualTo(Map.of("md5", "4bdf78ebb7911f215c1972cf71b378f0"));
    }

    @Test
    void otherFragmentsStayOnTheUrl() throws Exception {
        assertThat(html("<a href='a-1.tar.gz#egg=a'>a</a><a href='b-1.tar.gz#sha256=nothex'>b</a>"
                + "<a href='c-1.tar.gz#whirlpool=abcd'>c</a>").files())
                .satisfiesExactly(
                        a -> assertThat(a.url()).hasToString(PAGE + "a-1.tar.gz#egg=a"),
                        b -> assertThat(b.url()).hasToString(PAGE + "b-1.tar.gz#sha256=nothex"),
                        c -> assertThat(c.url()).hasToString(PAGE + "c-1.tar.gz#whirlpool=abcd"))
                .allSatisfy(f -> assertThat(f.hashes()).isEmpty());
    }

    @Test
    void theFilenameIsTheUrlsLastSegmentDecoded() throws Exception {
        // pip and uv download what the href names; the text SHOULD agree but may not.
        assertThat(html("<a href='bar-2.0b1.tar.gz'>bar-1.0b1.tar.gz</a>").files().get(0).filename())
                .isEqualTo("bar-2.0b1.tar.gz");
        assertThat(html("<a href='/f/Jinja2-3.1.2%2B233fca-py3-none-any.whl?x=1'>t</a>").files().get(0).filename())
                .isEqualTo("Jinja2-3.1.2+233fca-py3-none-any.whl");
        assertThat(html("<a href='a b-1.0.tar.gz'>t</a>").files().get(0))
                .satisfies(f -> assertThat(f.filename()).isEqualTo("a b-1.0.tar.gz"),
                        f -> assertThat(f.url()).hasToString(PAGE + "a%20b-1.0.tar.gz"));
        // Only when the URL names no file does the text stand in.
        assertThat(html("<a href='/download/'> holygrail-1.0.tar.gz </a>").files().get(0).filename())
                .isEqualTo("holygrail-1.0.tar.gz");
    }

    @Test
    void entitiesInAttributesAreDecoded() throws Exception {
        assertThat(htmlAnchor("data-requires-python='&gt;=3.7,&lt;4'").requiresPython()).contains(">=3.7,<4");
        assertThat(htmlAnchor("data-requires-python=\"&gt;=2.7, !=3.0.*\"").requiresPython()).contains(">=2.7, !=3.0.*");
        assertThat(htmlAnchor("data-requires-python=''").requiresPython()).isEmpty();
        assertThat(htmlAnchor("").requiresPython()).isEmpty();
        assertThat(html("<a href='/f/a-1.0&#43;local.tar.gz'>x</a>").files().get(0).filename())
                .isEqualTo("a-1.0+local.tar.gz");
    }

    @Test
    void yankedWithAndWithoutReason() throws Exception {
        assertThat(htmlAnchor("").yanked()).isEqualTo(Yanked.NO);
        assertThat(htmlAnchor("data-yanked").yanked()).isEqualTo(new Yanked(true, Optional.empty()));
        assertThat(htmlAnchor("data-yanked=''").yanked()).isEqualTo(new Yanked(true, Optional.empty()));
        assertThat(htmlAnchor("data-yanked='Had a vulnerability &amp; a bug'").yanked())
                .isEqualTo(new Yanked(true, Optional.of("Had a vulnerability & a bug")));
    }

    @Test
    void coreMetadataTrueHashFalseAbsent() throws Exception {
        assertThat(htmlAnchor("").coreMetadata()).isEqualTo(CoreMetadata.ABSENT);
        assertThat(htmlAnchor("data-core-metadata='true'").coreMetadata()).isEqualTo(CoreMetadata.available(Map.of()));
        assertThat(htmlAnchor("data-core-metadata").coreMetadata()).isEqualTo(CoreMetadata.available(Map.of()));
        assertThat(htmlAnchor("data-core-metadata='sha256=" + SHA + "'").coreMetadata())
                .isEqualTo(CoreMetadata.available(Map.of("sha256", SHA)));
        assertThat(htmlAnchor("data-core-metadata='false'").coreMetadata()).isEqualTo(CoreMetadata.ABSENT);
        assertThat(htmlAnchor("data-dist-info-metadata='sha256=" + SHA + "'").coreMetadata())
                .isEqualTo(CoreMetadata.available(Map.of("sha256", SHA)));
    }

    @Test
    void pep714sNameIsPreferredOverPep658s() throws Exception {
        assertThat(htmlAnchor("data-dist-info-metadata='sha256=" + SHA + "' data-core-metadata='true'").coreMetadata())
                .isEqualTo(CoreMetadata.available(Map.of()));
        assertThat(htmlAnchor("data-dist-info-metadata='true' data-core-metadata='sha256=" + SHA + "'").coreMetadata())
                .isEqualTo(CoreMetadata.available(Map.of("sha256", SHA)));
        assertThat(htmlAnchor("data-dist-info-metadata='true' data-core-metadata='false'").coreMetadata())
                .isEqualTo(CoreMetadata.ABSENT);
    }

    @Test
    void theMetadataFileIsBesideTheDistribution() throws Exception {
        assertThat(htmlAnchor("data-core-metadata='true'").coreMetadataUrl())
                .isEqualTo(URI.create(PAGE + "holygrail-1.0.tar.gz.metadata"));
    }

    @Test
    void gpgSignatureFlag() throws Exception {
        assertThat(htmlAnchor("data-gpg-sig='true'").gpgSig()).contains(true);
        assertThat(htmlAnchor("data-gpg-sig='false'").gpgSig()).contains(false);
        assertThat(htmlAnchor("").gpgSig()).isEmpty();
    }

    @Test
    void theRepositoryVersionMeta() throws Exception {
        assertThat(html("<meta name='PyPI:Repository-Version' content='1.2'>").apiVersion()).isEqualTo(ApiVersion.of(1, 2));
        ProjectPage newer = html("<html><head><meta name=\"pypi:repository-version\" content=\"1.9\"></head></html>");
        assertThat(newer.apiVersion()).isEqualTo(ApiVersion.of(1, 9));
        assertThat(newer.apiVersion().isNewerThanKnown()).isTrue();
        // pip's test page uses another name: not the versioning meta, so the default.
        assertThat(html("<meta name='api-version' value='2'>").apiVersion()).isEqualTo(ApiVersion.DEFAULT);

        assertThatThrownBy(() -> html("<meta name='pypi:repository-version' content='2.0'>"))
                .isInstanceOf(UnsupportedApiVersionException.class)
                .hasMessageContaining(PAGE.toString()).hasMessageContaining("2.0");
        assertThatThrownBy(() -> html("<meta name='pypi:repository-version' content='one'>"))
                .isInstanceOf(InvalidIndexPageException.class)
                .hasMessageContaining(PAGE.toString()).hasMessageContaining("'one'");
    }

    @Test
    void malformedMarkupDoesNotThrow() throws Exception {
        ProjectPage page = html("<html><body><a href='a-1.tar.gz'>a-1.tar.gz<a href=\"b-1.tar.gz\" data-yanked>"
                + "<table><tr><a href='c-1.tar.gz'</td></body><a href=>empty</a><a href='http://[bad/x.tar.gz'>x</a>"
                + "\u0000<a href=\"d-1.tar.gz");
        assertThat(page.files()).extracting(DistributionFile::filename).contains("a-1.tar.gz", "b-1.tar.gz")
                .doesNotContain("empty", "x.tar.gz");
        assertThat(html("\u00ff\u00fe<<<>>>&&&;;").files()).isEmpty();
    }

    @Test
    void theProjectNameComesFromTheUrl() throws Exception {
        byte[] body = Pages.bytes("<a href='x-1.tar.gz'>x</a>");
        assertThat(SimpleApi.parseProjectPage("text/html", body, URI.create("https://i.example/simple/Holy_Grail/")))
                .satisfies(p -> assertThat(p.name()).isEqualTo("Holy_Grail"),
                        p -> assertThat(p.normalizedName()).hasToString("holy-grail"));
        assertThat(SimpleApi.parseProjectPage("text/html", body, URI.create("file:///srv/simple/holygrail/index.html")).name())
                .isEqualTo("holygrail");
        assertThatThrownBy(() -> SimpleApi.parseProjectPage("text/html", body, URI.create("https://i.example/")))
                .isInstanceOf(InvalidIndexPageException.class)
                .hasMessageContaining("https://i.example/").hasMessageContaining("<index>/<project>/");
    }
}

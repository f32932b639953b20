package dev.axle.index;

import static dev.axle.index.Pages.PAGE;
import static dev.axle.index.Pages.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SimpleApiTest {
    private static final String SHA = "6088930bfe239f0e6710546ab9c19c9ef35e29792895fed6e6e31a023a182a61";

    private static final String HTML = """
            <!DOCTYPE html>
            <html><head><meta name="pypi:repository-version" content="1.1"></head><body>
              <a href="https://files.example/holygrail-1.0.tar.gz#sha256=%1$s" data-requires-python="&gt;=3.7"
                 data-yanked="Had a vulnerability" data-gpg-sig="true">holygrail-1.0.tar.gz</a>
              <a href="../../files/holygrail-1.0-py3-none-any.whl#sha256=%1$s"
                 data-core-metadata="sha256=%1$s" data-dist-info-metadata="sha256=%1$s">holygrail-1.0-py3-none-any.whl</a>
              <a href="holygrail-2.0-py3-none-any.whl" data-dist-info-metadata="true" data-yanked>holygrail-2.0-py3-none-any.whl</a>
            </body></html>
            """.formatted(SHA);

    private static final String JSON = """
            {"meta": {"api-version": "1.1"}, "name": "holygrail", "files": [
              {"filename": "holygrail-1.0.tar.gz", "url": "https://files.example/holygrail-1.0.tar.gz",
               "hashes": {"sha256": "%1$s"}, "requires-python": ">=3.7", "yanked": "Had a vulnerability", "gpg-sig": true},
              {"filename": "holygrail-1.0-py3-none-any.whl", "url": "../../files/holygrail-1.0-py3-none-any.whl",
               "hashes": {"sha256": "%1$s"}, "core-metadata": {"sha256": "%1$s"}, "dist-info-metadata": {"sha256": "%1$s"}},
              {"filename": "holygrail-2.0-py3-none-any.whl", "url": "holygrail-2.0-py3-none-any.whl",
               "hashes": {}, "dist-info-metadata": true, "yanked": true}]}
            """.formatted(SHA);

    @Test
    void bothFormsOfOnePageGiveEqualModels() throws Exception {
        ProjectPage html = Pages.html(HTML);
        ProjectPage json = Pages.json(JSON);
        assertThat(html).isEqualTo(json);
        assertThat(html.files()).hasSize(3);
        assertThat(html.files().get(2).yanked().yanked()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/vnd.pypi.simple.v1+json", "application/vnd.pypi.simple.latest+json",
            "Application/Vnd.PyPI.Simple.V1+JSON", "application/vnd.pypi.simple.v1+json; charset=utf-8",
            " application/vnd.pypi.simple.v1+json ;q=1"})
    void jsonContentTypes(String contentType) throws Exception {
        assertThat(SimpleApi.parseProjectPage(contentType, bytes(JSON), PAGE)).isEqualTo(Pages.json(JSON));
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/vnd.pypi.simple.v1+html", "application/vnd.pypi.simple.latest+html",
            "text/html", "TEXT/HTML", "text/html; charset=utf-8", "text/html;charset=\"UTF-8\"",
            "text/html; charset=no-such-charset", "text/html; charset=???"})
    void htmlContentTypes(String contentType) throws Exception {
        assertThat(SimpleApi.parseProjectPage(contentType, bytes(HTML), PAGE)).isEqualTo(Pages.html(HTML));
    }

    @Test
    void theCharsetParameterDecodesTheBody() throws Exception {
        String page = "<a href='/f/caf\u00e9-1.0.tar.gz' data-yanked='d\u00e9j\u00e0'>x</a>";
        ProjectPage latin1 = SimpleApi.parseProjectPage("text/html; charset=ISO-8859-1",
                page.getBytes(StandardCharsets.ISO_8859_1), PAGE);
        assertThat(latin1.files().get(0).yanked().reason()).contains("d\u00e9j\u00e0");
        assertThat(latin1.files().get(0).url()).hasToString("https://index.example/f/caf%C3%A9-1.0.tar.gz");
        assertThat(latin1.files().get(0).filename()).isEqualTo("caf\u00e9-1.0.tar.gz");
        ProjectPage utf8 = SimpleApi.parseProjectPage("text/html", page.getBytes(StandardCharsets.UTF_8), PAGE);
        assertThat(utf8.files().get(0).yanked().reason()).contains("d\u00e9j\u00e0");
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/json", "text/plain", "application/vnd.pypi.simple.v2+json",
            "application/vnd.pypi.simple.v1+xml", "text/htmlx", ""})
    void otherContentTypesAreRefused(String contentType) {
        assertThatThrownBy(() -> SimpleApi.parseProjectPage(contentType, bytes(JSON), PAGE))
                .isInstanceOfSatisfying(UnsupportedContentTypeException.class, e -> {
                    assertThat(e.contentType()).contains(contentType);
                    assertThat(e.url()).isEqualTo(PAGE);
                })
                .hasMessageContaining(PAGE.toString())
                .hasMessageContaining("'" + contentType + "'")
                .hasMessageContaining("https://pypi.org/simple");
    }

    @Test
    void aMissingContentTypeIsRefused() {
        assertThatThrownBy(() -> SimpleApi.parseProjectList(null, bytes(JSON), PAGE))
                .isInstanceOfSatisfying(UnsupportedContentTypeException.class,
                        e -> assertThat(e.contentType()).isEqualTo(Optional.empty()))
                .hasMessageContaining("no Content-Type");
    }

    @Test
    void thePageUrlMustBeAbsolute() {
        assertThatThrownBy(() -> SimpleApi.parseProjectPage("text/html", bytes(HTML), URI.create("/simple/x/")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theAcceptHeaderPrefersJsonThenHtmlThenTextHtml() {
        assertThat(SimpleApi.ACCEPT).isEqualTo("application/vnd.pypi.simple.v1+json, "
                + "application/vnd.pypi.simple.v1+html;q=0.2, text/html;q=0.01");
    }

    @Test
    void apiVersions() {
        assertThat(ApiVersion.parse("1.0")).contains(ApiVersion.DEFAULT);
        assertThat(ApiVersion.parse(" 1.10 ")).contains(ApiVersion.of(1, 10));
        assertThat(ApiVersion.parse("1")).contains(ApiVersion.of(1, 0));
        assertThat(ApiVersion.parse("1.")).isEmpty();
        assertThat(ApiVersion.parse("v1.0")).isEmpty();
        assertThat(ApiVersion.parse("1.0.0")).isEmpty();
        assertThat(ApiVersion.parse("99999999999.0")).isEmpty();
        assertThat(ApiVersion.of(1, 10)).isGreaterThan(ApiVersion.of(1, 9)).hasToString("1.10");
        assertThat(ApiVersion.of(1, 5).isNewerThanKnown()).isTrue();
        assertThat(ApiVersion.of(1, 4).isNewerThanKnown()).isFalse();
    }
}

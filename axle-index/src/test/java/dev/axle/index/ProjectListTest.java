package dev.axle.index;

import static dev.axle.index.Pages.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.net.URI;
import org.junit.jupiter.api.Test;

class ProjectListTest {
    private static final URI ROOT = URI.create("https://index.example/simple/");

    private static ProjectList html(String body) throws InvalidIndexPageException {
        return SimpleApi.parseProjectList("text/html; charset=utf-8", bytes(body), ROOT);
    }

    private static ProjectList json(String body) throws InvalidIndexPageException {
        return SimpleApi.parseProjectList(SimpleApi.JSON_V1, bytes(body), ROOT);
    }

    @Test
    void bothFormsGiveTheNamesAsWrittenAndNormalized() throws Exception {
        ProjectList html = html("""
                <!DOCTYPE html><html><head><meta name="pypi:repository-version" content="1.1"></head><body>
                <a href="/simple/frob/">Frob</a>
                <a href="/simple/zope-interface/">zope.interface</a>
                <a href="/simple/spam/"> Spam_Spam </a>
                </body></html>
                """);
        ProjectList json = json("""
                {"meta": {"api-version": "1.1"}, "projects": [
                  {"name": "Frob"}, {"name": "zope.interface", "future": 1}, {"name": "Spam_Spam"}]}
                """);
        assertThat(html).isEqualTo(json);
        assertThat(html.apiVersion()).isEqualTo(ApiVersion.of(1, 1));
        assertThat(html.projects()).extracting(ProjectList.Project::name, ProjectList.Project::normalizedName)
                .containsExactly(tuple("Frob", "frob"),
                        tuple("zope.interface", "zope-interface"),
                        tuple("Spam_Spam", "spam-spam"));
    }

    @Test
    void pypisPerProjectSerialsAreReadWhereGiven() throws Exception {
        ProjectList json = json("""
                {"meta": {"api-version": "1.1", "_last-serial": 9}, "projects": [
                  {"name": "Frob", "_last-serial": 7}, {"name": "spam"}, {"name": "odd", "_last-serial": "x"}]}
                """);
        assertThat(json.projects()).extracting(ProjectList.Project::lastSerial)
                .containsExactly(java.util.OptionalLong.of(7), java.util.OptionalLong.empty(),
                        java.util.OptionalLong.empty());
    }

    @Test
    void anAnchorWithoutTextIsNamedByItsLink() throws Exception {
        assertThat(html("<a href='/simple/Frob/'></a><a></a>").projects())
                .containsExactly(new ProjectList.Project("Frob", "frob"));
    }

    @Test
    void emptyLists() throws Exception {
        assertThat(html("").projects()).isEmpty();
        assertThat(html("").apiVersion()).isEqualTo(ApiVersion.DEFAULT);
        assertThat(json("{\"meta\": {\"api-version\": \"1.0\"}, \"projects\": []}").projects()).isEmpty();
    }

    @Test
    void malformedJsonListsNameTheKey() {
        assertThatThrownBy(() -> json("{\"meta\": {\"api-version\": \"1.0\"}, \"projects\": [{\"name\": 1}]}"))
                .isInstanceOf(InvalidIndexPageException.class)
                .hasMessageContaining(ROOT.toString()).hasMessageContaining("key 'projects[0].name' must be a string");
        assertThatThrownBy(() -> json("{\"meta\": {\"api-version\": \"1.0\"}, \"projects\": [{}]}"))
                .isInstanceOf(InvalidIndexPageException.class).hasMessageContaining("key 'projects[0].name'");
        assertThatThrownBy(() -> json("{\"meta\": {\"api-version\": \"1.0\"}}"))
                .isInstanceOf(InvalidIndexPageException.class).hasMessageContaining("key 'projects'");
        assertThatThrownBy(() -> json("{\"meta\": {\"api-version\": \"3.0\"}, \"projects\": []}"))
                .isInstanceOf(UnsupportedApiVersionException.class);
    }
}

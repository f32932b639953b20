package dev.axle.mirror.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Allow and deny lists, patterns and required projects, on normalized names. */
class ProjectFilterTest {
    private static final List<String> NAMES = List.of("django", "django-rest-framework", "flask", "zope-interface",
            "requests", "numpy");

    private static List<String> passing(ProjectFilter filter) {
        return NAMES.stream().filter(filter::accepts).toList();
    }

    @Test
    void withoutAllowsEverythingButTheDeniedPasses() {
        assertThat(passing(ProjectFilter.ALL)).isEqualTo(NAMES);
        assertThat(passing(ProjectFilter.of(List.of(), List.of("Flask", "zope.interface"), List.of(), List.of(),
                List.of()))).containsExactly("django", "django-rest-framework", "requests", "numpy");
        assertThat(passing(ProjectFilter.of(List.of(), List.of(), List.of(), List.of("django.*"), List.of())))
                .containsExactly("flask", "zope-interface", "requests", "numpy");
    }

    @Test
    void allowListsPatternsAndRequiredProjectsAddUp() {
        assertThat(passing(ProjectFilter.of(List.of("Requests"), List.of(), List.of(), List.of(), List.of())))
                .containsExactly("requests");
        assertThat(passing(ProjectFilter.of(List.of(), List.of(), List.of("django-.*"), List.of(), List.of())))
                .as("the whole name must match").containsExactly("django-rest-framework");
        assertThat(passing(ProjectFilter.of(List.of("flask"), List.of(), List.of("z.*"), List.of(), List.of("numpy"))))
                .containsExactly("flask", "zope-interface", "numpy");
    }

    @Test
    void denyWinsOverAllow() {
        assertThat(passing(ProjectFilter.of(List.of("flask", "numpy"), List.of("numpy"), List.of(), List.of(),
                List.of()))).containsExactly("flask");
        assertThat(passing(ProjectFilter.of(List.of(), List.of(), List.of("django.*"), List.of(".*-rest-.*"),
                List.of()))).containsExactly("django");
    }

    @Test
    void badNamesAndExpressionsSayWhatIsWrong() {
        assertThatThrownBy(() -> ProjectFilter.of(List.of("not a name"), List.of(), List.of(), List.of(), List.of()))
                .isInstanceOf(InvalidFilterException.class).hasMessageContaining("--allow 'not a name'");
        assertThatThrownBy(() -> ProjectFilter.of(List.of(), List.of(), List.of(), List.of("django-(.*"), List.of()))
                .isInstanceOf(InvalidFilterException.class)
                .hasMessageContaining("--deny-regex 'django-(.*' is no regular expression: Unclosed group");
    }

    @Test
    void theTextIsCanonical() {
        assertThat(ProjectFilter.of(List.of("B", "a"), List.of(), List.of("x.*"), List.of(), List.of()))
                .hasToString("projects[allow=[a, b],deny=[],allow-regex=[x.*],deny-regex=[],required=[]]")
                .isEqualTo(ProjectFilter.of(List.of("a", "b"), List.of(), List.of("x.*"), List.of(), List.of()));
    }
}

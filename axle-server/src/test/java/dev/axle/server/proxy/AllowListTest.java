package dev.axle.server.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class AllowListTest {
    @Test
    void patternsAreNormalizedAsNames() {
        assertThat(AllowList.normalize("Acme__Tools.*")).isEqualTo("acme-tools-*");
        assertThat(AllowList.normalize(" requests ")).isEqualTo("requests");
        assertThatThrownBy(() -> AllowList.normalize("a/b")).hasMessageContaining("'a/b' is not an allow pattern");
        assertThatThrownBy(() -> AllowList.normalize("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AllowList.normalize("-x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void globsMatchNormalizedNames() {
        List<String> allow = List.of("acme-*", "requests", "django-?");
        assertThat(AllowList.allows(allow, "Acme_Tools")).isTrue();
        assertThat(AllowList.allows(allow, "acme-")).isTrue();
        assertThat(AllowList.allows(allow, "acme")).isFalse();
        assertThat(AllowList.allows(allow, "Requests")).isTrue();
        assertThat(AllowList.allows(allow, "requests-oauth")).isFalse();
        assertThat(AllowList.allows(allow, "django-x")).isTrue();
        assertThat(AllowList.allows(allow, "django-xy")).isFalse();
        assertThat(AllowList.allows(List.of(), "anything")).isTrue();
        assertThat(AllowList.matches("*a*b*", "xxaxxbxx")).isTrue();
        assertThat(AllowList.matches("*a*b", "xxaxxbxxc")).isFalse();
    }
}

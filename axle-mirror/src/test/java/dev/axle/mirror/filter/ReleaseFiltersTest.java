package dev.axle.mirror.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.axle.pep.Version;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The release filters on version sets, in PEP 440 order. */
class ReleaseFiltersTest {
    private static SortedSet<Version> versions(String... versions) {
        TreeSet<Version> set = new TreeSet<>();
        Arrays.stream(versions).map(Version::parse).forEach(set::add);
        return set;
    }

    private static List<String> shown(SortedSet<Version> versions) {
        return versions.stream().map(Version::toString).toList();
    }

    @Test
    void latestIsByPep440OrderNeverStringOrder() {
        SortedSet<Version> all = versions("1.9", "1.10", "1.2", "2.0rc1", "2.0", "0.99", "1!0.1");
        assertThat(shown(new LatestFilter(2).keep("p", all))).containsExactly("2.0", "1!0.1");
        assertThat(shown(new LatestFilter(3).keep("p", versions("1.9", "1.10", "1.2", "1.10.post1", "1.11.dev0"))))
                .containsExactly("1.10", "1.10.post1", "1.11.dev0");
        assertThat(shown(new LatestFilter(10).keep("p", versions("1.0")))).containsExactly("1.0");
        assertThat(new LatestFilter(1).keep("p", new TreeSet<>())).isEmpty();
        assertThatThrownBy(() -> new LatestFilter(0)).isInstanceOf(InvalidFilterException.class)
                .hasMessageContaining("--latest");
    }

    @Test
    void noPrereleasesKeepsFinalAndPostReleases() {
        assertThat(shown(new NoPrereleaseFilter().keep("p", versions("1.0a1", "1.0b2", "1.0rc1", "1.0", "1.0.post1",
                "1.1.dev3", "1.1.post1.dev1")))).containsExactly("1.0", "1.0.post1");
    }

    @Test
    void pinsRestrictThePinnedProjectsOnly() {
        PinnedFilter pins = new PinnedFilter(Map.of("a", Set.of(Version.parse("1.0"), Version.parse("3"))));
        assertThat(shown(pins.keep("a", versions("1.0.0", "2.0", "3.0")))).as("PEP 440 equality")
                .containsExactly("1.0.0", "3.0");
        assertThat(shown(pins.keep("b", versions("1.0", "2.0")))).containsExactly("1.0", "2.0");
        assertThat(pins).hasToString("pinned[a==1.0|3]");
    }

    @Test
    void latestAfterNoPrereleasesCountsFinalReleasesOnly() {
        SortedSet<Version> all = versions("1.0", "1.1", "2.0b1", "2.0rc1");
        assertThat(shown(new LatestFilter(2).keep("p", new NoPrereleaseFilter().keep("p", all))))
                .containsExactly("1.0", "1.1");
    }
}

package dev.axle.mirror.filter;

import static dev.axle.mirror.filter.Files.file;
import static org.assertj.core.api.Assertions.assertThat;

import dev.axle.index.ApiVersion;
import dev.axle.index.DistributionFile;
import dev.axle.index.ProjectPage;
import dev.axle.pep.Version;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** All filters over a project page: files, then releases, and the versions listed. */
class MirrorFiltersTest {
    private static final ProjectPage PAGE = ProjectPage.of("Demo", ApiVersion.of(1, 1), List.of(
            file("demo-1.9.tar.gz"),
            file("demo-1.9-py3-none-any.whl"),
            file("demo-1.10-py3-none-any.whl"),
            file("demo-1.10-cp311-cp311-win_amd64.whl"),
            file("demo-2.0rc1-py3-none-any.whl"),
            file("demo-0.1-py2.7.egg")),
            List.of("0.1", "1.9", "1.10", "2.0rc1", "3.0"));

    private static List<String> names(Selection s) {
        return s.files().stream().map(DistributionFile::filename).toList();
    }

    @Test
    void noFiltersTakeTheWholePage() {
        Selection all = MirrorFilters.NONE.select(PAGE);
        assertThat(all.files()).isEqualTo(PAGE.files());
        assertThat(all.versions()).isEqualTo(PAGE.versions());
    }

    @Test
    void fileFiltersThenReleaseFilters() {
        MirrorFilters filters = new MirrorFilters(ProjectFilter.ALL,
                List.of(new PlatformFilter(List.of("any")), new NoSdistFilter()),
                List.of(new NoPrereleaseFilter(), new LatestFilter(1)));
        Selection s = filters.select(PAGE);
        assertThat(names(s)).containsExactly("demo-1.10-py3-none-any.whl");
        assertThat(s.versions()).containsExactly("1.10");
    }

    @Test
    void withoutReleaseFiltersFilesWithoutVersionsStay() {
        MirrorFilters filters = new MirrorFilters(ProjectFilter.ALL, List.of(new NoSdistFilter()), List.of());
        assertThat(names(filters.select(PAGE))).contains("demo-0.1-py2.7.egg").doesNotContain("demo-1.9.tar.gz");
        MirrorFilters latest = new MirrorFilters(ProjectFilter.ALL, List.of(), List.of(new LatestFilter(5)));
        assertThat(names(latest.select(PAGE))).doesNotContain("demo-0.1-py2.7.egg").hasSize(5);
    }

    @Test
    void pinsApplyUnlessTheProjectIsAllowedByName() {
        PinnedFilter pins = new PinnedFilter(Map.of("demo", Set.of(Version.parse("1.9"))));
        MirrorFilters required = new MirrorFilters(
                ProjectFilter.of(List.of(), List.of(), List.of(), List.of(), List.of("demo")), List.of(), List.of(pins));
        assertThat(names(required.select(PAGE))).containsExactly("demo-1.9.tar.gz", "demo-1.9-py3-none-any.whl");
        assertThat(required.select(PAGE).versions()).containsExactly("1.9");
        MirrorFilters allowed = new MirrorFilters(
                ProjectFilter.of(List.of("demo"), List.of(), List.of(), List.of(), List.of("demo")), List.of(),
                List.of(pins));
        assertThat(allowed.select(PAGE).files()).hasSize(PAGE.files().size());
    }

    @Test
    void anHtmlPageWithoutVersionsListsThoseOfItsFiles() {
        ProjectPage html = ProjectPage.of("demo", ApiVersion.DEFAULT, PAGE.files(), List.of());
        assertThat(MirrorFilters.NONE.select(html).versions()).containsExactly("1.9", "1.10", "2.0rc1");
    }

    @Test
    void theTextNamesEveryFilterSoThatAChangeIsSeen() {
        MirrorFilters filters = new MirrorFilters(ProjectFilter.ALL, List.of(new PlatformFilter(List.of("any")),
                new SizeFilter(10)), List.of(new LatestFilter(3)));
        assertThat(filters).hasToString("projects[allow=[],deny=[],allow-regex=[],deny-regex=[],required=[]]"
                + " files[platform[any], max-file-size[10]] releases[latest[3]]");
        assertThat(filters.sizeLimit()).hasValue(new SizeFilter(10));
    }
}

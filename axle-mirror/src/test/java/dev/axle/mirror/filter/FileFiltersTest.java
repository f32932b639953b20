package dev.axle.mirror.filter;

import static dev.axle.mirror.filter.Files.file;
import static dev.axle.mirror.filter.Files.listed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.axle.pep.Version;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** Each file filter, as tables of file names and whether they pass. */
class FileFiltersTest {
    private static final List<String> NAMES = List.of(
            "numpy-2.1.0-cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64.whl",
            "numpy-2.1.0-cp311-cp311-manylinux_2_17_aarch64.whl",
            "numpy-2.1.0-cp312-cp312-win_amd64.whl",
            "numpy-2.1.0-cp311-cp311-musllinux_1_1_x86_64.whl",
            "numpy-2.1.0-pp310-pypy310_pp73-manylinux_2_17_x86_64.whl",
            "six-1.16.0-py2.py3-none-any.whl",
            "numpy-2.1.0.tar.gz",
            "legacy-0.1.tar.bz2",
            "legacy-0.1-py2.7.egg",
            "legacy-0.1.win32.exe",
            "broken-name.whl");

    private static List<String> passing(FileFilter filter) {
        return NAMES.stream().filter(n -> filter.accepts(listed(n))).toList();
    }

    @Test
    void listedFilesTellKindVersionAndTags() {
        ListedFile wheel = listed(NAMES.get(0));
        assertThat(wheel.kind()).isEqualTo(ListedFile.Kind.WHEEL);
        assertThat(wheel.version()).hasValue(Version.parse("2.1.0"));
        assertThat(wheel.pythonTags()).containsExactly("cp311");
        assertThat(wheel.platformTags()).containsExactlyInAnyOrder("manylinux_2_17_x86_64", "manylinux2014_x86_64");
        assertThat(listed("six-1.16.0-py2.py3-none-any.whl").pythonTags()).containsExactlyInAnyOrder("py2", "py3");
        assertThat(listed("numpy-2.1.0.tar.gz").kind()).isEqualTo(ListedFile.Kind.SDIST);
        assertThat(listed("legacy-0.1.tar.bz2").kind()).isEqualTo(ListedFile.Kind.SDIST);
        assertThat(listed("legacy-0.1.tar.bz2").version()).hasValue(Version.parse("0.1"));
        assertThat(listed("legacy-0.1-py2.7.egg").kind()).isEqualTo(ListedFile.Kind.OTHER);
        assertThat(listed("broken-name.whl").kind()).isEqualTo(ListedFile.Kind.OTHER);
        assertThat(listed("broken-name.whl").version()).isEmpty();
    }

    @Test
    void platformPatternsMatchWholeTagsOfWheelsAndSdistsPass() {
        assertThat(passing(new PlatformFilter(List.of("manylinux*_x86_64")))).containsExactly(
                NAMES.get(0), NAMES.get(4), "numpy-2.1.0.tar.gz", "legacy-0.1.tar.bz2");
        assertThat(passing(new PlatformFilter(List.of("any", "win_amd64")))).containsExactly(
                NAMES.get(2), "six-1.16.0-py2.py3-none-any.whl", "numpy-2.1.0.tar.gz", "legacy-0.1.tar.bz2");
        assertThat(passing(new PlatformFilter(List.of("*linux*")))).contains(NAMES.get(1), NAMES.get(3))
                .doesNotContain(NAMES.get(2), "legacy-0.1-py2.7.egg", "legacy-0.1.win32.exe");
        assertThat(passing(new PlatformFilter(List.of("x86_64")))).as("a whole tag, not a part")
                .containsExactly("numpy-2.1.0.tar.gz", "legacy-0.1.tar.bz2");
    }

    @Test
    void pythonTagsMatchAnyInterpreterTagOfAWheel() {
        assertThat(passing(new PythonTagFilter(List.of("cp311")))).containsExactly(NAMES.get(0), NAMES.get(1),
                NAMES.get(3), "numpy-2.1.0.tar.gz", "legacy-0.1.tar.bz2");
        assertThat(passing(new PythonTagFilter(List.of("py3")))).containsExactly("six-1.16.0-py2.py3-none-any.whl",
                "numpy-2.1.0.tar.gz", "legacy-0.1.tar.bz2");
        assertThat(passing(new PythonTagFilter(List.of("cp3?", "pp*")))).as("? is one character")
                .containsExactly(NAMES.get(4), "numpy-2.1.0.tar.gz", "legacy-0.1.tar.bz2");
        assertThat(passing(new PythonTagFilter(List.of("cp31?")))).contains(NAMES.get(2)).doesNotContain(NAMES.get(4));
    }

    @Test
    void noSdistLeavesOutSourceArchivesOnly() {
        assertThat(passing(new NoSdistFilter())).doesNotContain("numpy-2.1.0.tar.gz", "legacy-0.1.tar.bz2")
                .contains("legacy-0.1-py2.7.egg", NAMES.get(0)).hasSize(NAMES.size() - 2);
    }

    @Test
    void sizeLimitsFilesThePageSizesAndPassesTheOthers() {
        SizeFilter limit = SizeFilter.parse("1K");
        Predicate<Long> passes = size -> limit.accepts(ListedFile.of(file("a-1.0.tar.gz", size)));
        assertThat(passes.test(1024L)).isTrue();
        assertThat(passes.test(1025L)).isFalse();
        assertThat(limit.accepts(listed("a-1.0.tar.gz"))).as("no size given").isTrue();
    }

    @Test
    void sizesAreReadAsPeopleWriteThem() {
        Map<String, Long> sizes = Map.of("0", 0L, "1048576", 1048576L, "512K", 524288L, "50M", 52428800L,
                "50mb", 52428800L, "50MiB", 52428800L, "1.5G", 1610612736L, "2T", 2199023255552L, " 7 k ", 7168L);
        sizes.forEach((text, bytes) -> assertThat(ByteSize.parse(text)).as(text).isEqualTo(bytes));
        for (String bad : List.of("", "M", "50Q", "-1", "1,5G", "50 megabytes", "99999999999T")) {
            assertThatThrownBy(() -> ByteSize.parse(bad)).as(bad).isInstanceOf(InvalidFilterException.class)
                    .hasMessageContaining("'" + bad + "'");
        }
    }

    @Test
    void globsMatchWholeTexts() {
        assertThat(Glob.matches("manylinux*_x86_64", "manylinux_2_17_x86_64")).isTrue();
        assertThat(Glob.matches("manylinux*_x86_64", "manylinux2014_x86_64")).isTrue();
        assertThat(Glob.matches("manylinux*_x86_64", "manylinux_2_17_aarch64")).isFalse();
        assertThat(Glob.matches("*", "")).isTrue();
        assertThat(Glob.matches("a*b*c", "aXbYbZc")).isTrue();
        assertThat(Glob.matches("a*b*c", "aXbYbZ")).isFalse();
        assertThat(Glob.matches("cp3?", "cp311")).isFalse();
        assertThat(Glob.matches("cp3??", "cp311")).isTrue();
        assertThat(Glob.matches("any", "any")).isTrue();
        assertThat(Glob.matches("an", "any")).isFalse();
    }
}

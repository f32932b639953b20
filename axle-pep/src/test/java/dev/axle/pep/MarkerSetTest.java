package dev.axle.pep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Marker sets against evaluation: for random markers built from a pool of comparisons, the
 * set's marker, its negation, and the disjointness and implication it reports agree with
 * {@link Marker#evaluate} in every environment of a grid that holds a value on each side of
 * every literal the pool uses.
 */
class MarkerSetTest {
    private static MarkerSet set(String marker) {
        return MarkerSet.parse(marker);
    }

    private static String text(MarkerSet set) {
        return set.toMarker().map(Marker::toString).orElse("");
    }

    @Test
    void pythonVersionIsReadAsTheFullVersionRangeItMeans() {
        assertThat(set("python_version > '3.10'")).isEqualTo(set("python_version >= '3.11'"));
        assertThat(set("python_version <= '3.10'")).isEqualTo(set("python_version < '3.11'"));
        assertThat(text(set("python_version == '3.10'"))).isEqualTo("python_version >= \"3.10\" and python_version < \"3.11\"");
        // 3.11.0rc1's python_version is "3.11": the two markers differ by the pre-releases of 3.11.
        assertThat(set("python_full_version >= '3.11'").implies(set("python_version > '3.10'"))).isTrue();
        assertThat(set("python_version > '3.10'").implies(set("python_full_version >= '3.11'"))).isFalse();
        // PEP 440: <3.11 admits no pre-release of 3.11, so no version is in both.
        assertThat(set("python_version >= '3.11' and python_full_version < '3.11'").isEmpty()).isTrue();
        assertThat(set("python_version >= '3.11' and python_full_version < '3.11.0'").isEmpty()).isTrue();
        assertThat(set("python_version >= '3.11' and python_full_version <= '3.11.0rc2'").isEmpty()).isFalse();
        assertThat(set("python_version >= '3.10'").isDisjointFrom(set("python_version < '3.10'"))).isTrue();
        assertThat(set("python_version >= '3.10'").isDisjointFrom(set("python_full_version >= '3.10.5'"))).isFalse();
        assertThat(set("python_full_version >= '3.10.5'").implies(set("python_version >= '3.10'"))).isTrue();
    }

    @Test
    void clausesAreMergedAndAbsorbed() {
        assertThat(text(set("python_version >= '3.8' and python_version < '3.12' and python_version >= '3.9'")))
                .isEqualTo("python_version >= \"3.9\" and python_version < \"3.12\"");
        assertThat(set("python_version < '3.10' or python_version >= '3.10'").isAll()).isTrue();
        assertThat(set("sys_platform == 'linux' or sys_platform != 'linux'").isAll()).isTrue();
        assertThat(text(set("sys_platform == 'linux' or sys_platform == 'linux' and python_version >= '3.9'")))
                .isEqualTo("sys_platform == \"linux\"");
        assertThat(text(set("sys_platform == 'linux' and python_version < '3.9' or sys_platform == 'darwin'"
                + " and python_version < '3.9'")))
                .isEqualTo("python_version < \"3.9\" and (sys_platform == \"darwin\" or sys_platform == \"linux\")");
    }

    @Test
    void stringsAndAtomsFollowPackagingsComparisons() {
        assertThat(set("sys_platform == 'win32' and sys_platform == 'linux'").isEmpty()).isTrue();
        assertThat(set("sys_platform < 'linux'").isEmpty()).isTrue(); // packaging: < on strings is never true
        assertThat(set("sys_platform >= 'linux'")).isEqualTo(set("sys_platform == 'linux'"));
        assertThat(set("extra == 'Foo_Bar'")).isEqualTo(set("extra == 'foo-bar'"));
        assertThat(set("'x' in extras").isDisjointFrom(set("'x' not in extras"))).isTrue();
        assertThat(set("'x' in extras").isDisjointFrom(set("'y' in extras"))).isFalse();
        assertThat(set("'linux' in sys_platform").not()).isEqualTo(set("'linux' not in sys_platform"));
        assertThat(MarkerSet.ALL.toMarker()).isEmpty();
        assertThatThrownBy(MarkerSet.NONE::toMarker).isInstanceOf(IllegalStateException.class);
    }

    private static final List<String> POOL = List.of(
            "python_version >= '3.10'", "python_version < '3.9'", "python_version == '3.11'",
            "python_version != '3.12'", "python_version > '3.10'", "python_version <= '3.9'",
            "python_version ~= '3.10'", "python_full_version >= '3.10.1'", "python_full_version < '3.11.4'",
            "python_full_version == '3.9.*'", "python_full_version != '3.8.5'",
            "sys_platform == 'linux'", "sys_platform != 'win32'", "sys_platform == 'darwin'",
            "sys_platform >= 'linux'", "sys_platform < 'z'", "os_name == 'nt'", "os_name != 'posix'",
            "platform_machine == 'x86_64'", "platform_machine != 'arm64'", "implementation_name == 'cpython'",
            "extra == 'foo'", "extra != 'bar'", "extra == 'Foo'",
            // opaque atoms
            "'linux' in sys_platform", "'win' not in sys_platform", "platform_release >= '5'",
            "'3.9' <= python_version", "python_version == '3'");

    private static final List<String> VERSIONS = List.of("3.10.0rc1", "3.11.0a2",
            "3.8.0", "3.8.5", "3.9.0", "3.9.7", "3.10.0", "3.10.2", "3.11.0", "3.11.4", "3.12.0", "3.13.1", "4.0.0");

    private static List<MarkerEnvironment> grid() {
        List<MarkerEnvironment> out = new ArrayList<>();
        for (String v : VERSIONS) {
            for (String platform : List.of("linux", "darwin", "win32", "cygwin")) {
                for (String os : List.of("posix", "nt")) {
                    for (String machine : List.of("x86_64", "arm64", "aarch64")) {
                        for (String extra : List.of("", "foo", "bar")) {
                            for (String release : List.of("5.15.0", "4.19", "6.1.0-13-amd64")) {
                                Map<String, String> env = new HashMap<>();
                                env.put("python_full_version", v);
                                env.put("python_version", v.substring(0, v.lastIndexOf('.')));
                                env.put("implementation_version", v);
                                env.put("sys_platform", platform);
                                env.put("os_name", os);
                                env.put("platform_machine", machine);
                                env.put("implementation_name", machine.equals("arm64") ? "pypy" : "cpython");
                                env.put("platform_python_implementation", "CPython");
                                env.put("platform_system", "Linux");
                                env.put("platform_version", "#1 SMP");
                                env.put("platform_release", release);
                                env.put("extra", extra);
                                out.add(MarkerEnvironment.of(env));
                            }
                        }
                    }
                }
            }
        }
        return out;
    }

    private static String randomMarker(Random random, int depth) {
        if (depth == 0 || random.nextInt(3) == 0) {
            return POOL.get(random.nextInt(POOL.size()));
        }
        return "(" + randomMarker(random, depth - 1) + (random.nextBoolean() ? " and " : " or ")
                + randomMarker(random, depth - 1) + ")";
    }

    private static boolean holds(Optional<Marker> marker, MarkerEnvironment env) {
        return marker.map(m -> m.evaluate(env)).orElse(true);
    }

    @Test
    void randomMarkersAgreeWithEvaluationOnTheGrid() {
        Random random = new Random(20261121);
        List<MarkerEnvironment> grid = grid();
        List<Marker> markers = new ArrayList<>();
        List<MarkerSet> sets = new ArrayList<>();
        int negationsWritten = 0;
        for (int i = 0; i < 300; i++) {
            Marker m = Marker.parse(randomMarker(random, 3));
            MarkerSet s = MarkerSet.of(m);
            MarkerSet not = s.not();
            boolean writable = writable(not);
            Optional<Marker> written = s.isEmpty() ? Optional.empty() : s.toMarker();
            Optional<Marker> writtenNot = writable && !not.isEmpty() ? not.toMarker() : Optional.empty();
            for (MarkerEnvironment env : grid) {
                boolean expected = m.evaluate(env);
                assertThat(!s.isEmpty() && holds(written, env)).as("%s -> %s in %s", m, s, env).isEqualTo(expected);
                if (writable) {
                    assertThat(!not.isEmpty() && holds(writtenNot, env)).as("not(%s) -> %s in %s", m, not, env)
                            .isEqualTo(!expected);
                }
            }
            negationsWritten += writable ? 1 : 0;
            assertThat(s.or(not).isAll()).as("%s or its negation", m).isTrue();
            assertThat(s.isDisjointFrom(not)).as("%s and its negation", m).isTrue();
            markers.add(m);
            sets.add(s);
        }
        assertThat(negationsWritten).as("negations written and checked").isGreaterThan(150);
        int disjoint = 0;
        int implied = 0;
        for (int i = 0; i + 1 < markers.size(); i += 2) {
            Marker a = markers.get(i);
            Marker b = markers.get(i + 1);
            boolean together = false;
            boolean aWithoutB = false;
            for (MarkerEnvironment env : grid) {
                boolean x = a.evaluate(env);
                boolean y = b.evaluate(env);
                together |= x && y;
                aWithoutB |= x && !y;
            }
            MarkerSet sa = sets.get(i);
            MarkerSet sb = sets.get(i + 1);
            // Sound always; exact when no opaque atom is involved (the grid covers every case).
            if (sa.isDisjointFrom(sb)) {
                assertThat(together).as("%s disjoint from %s", a, b).isFalse();
                disjoint++;
            } else if (!atoms(a) && !atoms(b)) {
                assertThat(together).as("%s overlaps %s", a, b).isTrue();
            }
            if (sa.implies(sb)) {
                assertThat(aWithoutB).as("%s implies %s", a, b).isFalse();
                implied++;
            } else if (!atoms(a) && !atoms(b)) {
                assertThat(aWithoutB).as("%s does not imply %s", a, b).isTrue();
            }
        }
        assertThat(disjoint).as("pairs found disjoint").isPositive();
        assertThat(implied).as("pairs found implied").isPositive();
    }

    /** Whether PEP 508 can write the set (the negation of some comparisons it cannot). */
    private static boolean writable(MarkerSet set) {
        try {
            if (!set.isEmpty()) {
                set.toMarker();
            }
            return true;
        } catch (IllegalStateException e) {
            return false;
        }
    }

    private static boolean atoms(Marker m) {
        String s = m.toString();
        return s.contains(" in ") || s.contains("platform_release") || s.contains("\"3.9\" <=")
                || s.contains("python_version == \"3\"");
    }
}

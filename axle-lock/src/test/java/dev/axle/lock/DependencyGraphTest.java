package dev.axle.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.axle.lock.DependencyGraph.Root;
import dev.axle.pep.MarkerEnvironment;
import dev.axle.pep.ProjectName;
import dev.axle.pep.Requirement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class DependencyGraphTest {
    static final MarkerEnvironment LINUX = MarkerEnvironment.of(Map.of("sys_platform", "linux",
            "python_version", "3.12", "python_full_version", "3.12.4"));

    static List<Requirement> reqs(String... r) {
        return Stream.of(r).map(Requirement::parse).toList();
    }

    static ProjectName n(String name) {
        return ProjectName.parse(name);
    }

    static String marker(DependencyGraph g, String name) {
        return g.marker(n(name)).map(Object::toString).orElse("");
    }

    @Test
    void markersAreTheRootsThatReachAPackageEdgesEvaluatedForTheTarget() {
        Map<Root, List<Requirement>> roots = new LinkedHashMap<>();
        roots.put(new Root.Base(), reqs("a", "winonly; sys_platform == 'win32'"));
        roots.put(new Root.Extra("x"), reqs("b[fast]"));
        roots.put(new Root.Group("dev"), reqs("c", "demo[x]"));
        Map<ProjectName, List<Requirement>> requires = new LinkedHashMap<>();
        requires.put(n("a"), reqs("shared"));
        requires.put(n("b"), reqs("shared", "speedup; extra == 'fast'", "old; python_version < '3.8'"));
        requires.put(n("c"), reqs("c-dep", "b"));
        requires.put(n("shared"), reqs("a")); // a cycle: a -> shared -> a
        requires.put(n("speedup"), reqs());
        requires.put(n("c-dep"), reqs("overridden>=1"));
        DependencyGraph g = DependencyGraph.walk(roots, Optional.of(n("demo")), requires,
                reqs("overridden==2; sys_platform == 'linux'", "ignored==1; sys_platform == 'win32'"), LINUX);

        assertThat(g.packages()).extracting(Object::toString)
                .containsExactly("a", "b", "c", "c-dep", "overridden", "shared", "speedup");
        assertThat(marker(g, "a")).isEmpty();
        assertThat(marker(g, "shared")).isEmpty();
        assertThat(marker(g, "b")).isEqualTo("\"x\" in extras or \"dev\" in dependency_groups");
        // b[fast] is asked for by extra x (and by dev, which includes demo[x]); c asks only for b.
        assertThat(marker(g, "speedup")).isEqualTo("\"x\" in extras or \"dev\" in dependency_groups");
        assertThat(marker(g, "c")).isEqualTo("\"dev\" in dependency_groups");
        assertThat(marker(g, "overridden")).isEqualTo("\"dev\" in dependency_groups");
        assertThat(g.dependencies(n("b"))).extracting(Object::toString).containsExactly("shared", "speedup");
        assertThat(g.dependencies(n("shared"))).extracting(Object::toString).containsExactly("a");
        assertThat(g.reachedBy(n("winonly"))).isEmpty();
        assertThatThrownBy(() -> g.marker(n("winonly"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rootConditionsAreWhatPackagingEvaluates() {
        assertThat(new Root.Extra("x").condition()).contains("'x' in extras");
        assertThat(new Root.Group("dev").condition()).contains("'dev' in dependency_groups");
        assertThat(new Root.Base().condition()).isEmpty();
        assertThat(Stream.of(new Root.Group("a"), new Root.Extra("z"), new Root.Base(), new Root.Extra("b")).sorted())
                .containsExactly(new Root.Base(), new Root.Extra("b"), new Root.Extra("z"), new Root.Group("a"));
    }
}

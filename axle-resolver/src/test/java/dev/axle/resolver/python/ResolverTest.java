package dev.axle.resolver.python;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.axle.pep.MarkerEnvironment;
import dev.axle.pep.ProjectName;
import dev.axle.pep.Requirement;
import dev.axle.pep.Version;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The Python rules of {@link PythonProvider} that the scenario corpora do not reach. */
class ResolverTest {
    private static final Target PY312 = new Target(MarkerEnvironment.of(Map.of("python_version", "3.12",
            "python_full_version", "3.12.1", "sys_platform", "linux", "platform_system", "Linux",
            "platform_machine", "x86_64", "os_name", "posix", "implementation_name", "cpython",
            "platform_python_implementation", "CPython")), Version.parse("3.12.1"));

    /** An in-memory index: project to versions, each with its Requires-Dist. */
    private static final class Memory implements PackageSource {
        final Map<ProjectName, List<Candidate>> candidates = new LinkedHashMap<>();
        final Map<Candidate, CandidateMetadata> metadata = new LinkedHashMap<>();
        final List<String> fetched = new ArrayList<>();

        Memory add(String name, String version, String... requires) {
            return add(name, version, false, Optional.empty(), requires);
        }

        Memory add(String name, String version, boolean yanked, Optional<String> requiresPython, String... requires) {
            ProjectName project = ProjectName.parse(name);
            Candidate c = new Simple(project, Version.parse(version), yanked, requiresPython);
            candidates.computeIfAbsent(project, k -> new ArrayList<>()).add(c);
            List<Requirement> reqs = Arrays.stream(requires).map(Requirement::parse).toList();
            metadata.put(c, new CandidateMetadata(reqs, Set.of("x"), requiresPython));
            return this;
        }

        @Override
        public List<Candidate> candidates(ProjectName project) {
            return candidates.getOrDefault(project, List.of());
        }

        @Override
        public CandidateMetadata metadata(Candidate candidate) {
            fetched.add(candidate.project() + " " + candidate.version());
            return metadata.get(candidate);
        }

        @Override
        public Candidate direct(Requirement requirement) throws CandidateUnavailableException {
            throw new CandidateUnavailableException("no direct references here");
        }
    }

    private record Simple(ProjectName project, Version version, boolean yanked, Optional<String> requiresPython)
            implements Candidate {}

    private static Map<String, String> resolve(Memory source, ResolveOptions options, String... requirements)
            throws Exception {
        Resolution r = new Resolver(source).resolve(Arrays.stream(requirements).map(Requirement::parse).toList(), options);
        Map<String, String> out = new TreeMap<>();
        r.packages().forEach(p -> out.put(p.project().toString(), p.version().toString()));
        return out;
    }

    private static Memory graph() {
        return new Memory()
                .add("app", "1.0", "lib>=1", "extra-only; extra == 'x'", "windows-only; sys_platform == 'win32'")
                .add("app", "2.0", "lib>=2")
                .add("lib", "1.0").add("lib", "2.0").add("lib", "3.0b1")
                .add("extra-only", "1.0").add("windows-only", "1.0");
    }

    @Test
    void newestByDefaultMarkersForTheTarget() throws Exception {
        assertThat(resolve(graph(), ResolveOptions.of(PY312), "app")).isEqualTo(Map.of("app", "2.0", "lib", "2.0"));
        assertThat(resolve(graph(), ResolveOptions.of(PY312), "app[x]<2"))
                .isEqualTo(Map.of("app", "1.0", "lib", "2.0", "extra-only", "1.0"));
    }

    @Test
    void preReleasesWhenNamedOrAllowed() throws Exception {
        assertThat(resolve(graph(), ResolveOptions.of(PY312), "lib>=3.0b1")).containsEntry("lib", "3.0b1");
        assertThat(resolve(graph(), ResolveOptions.of(PY312).withPrereleases(ResolveOptions.Prereleases.ALLOW), "lib"))
                .containsEntry("lib", "3.0b1");
        assertThat(resolve(graph(), ResolveOptions.of(PY312), "lib")).containsEntry("lib", "2.0");
    }

    @Test
    void constraintsNarrowWithoutAdding() throws Exception {
        ResolveOptions constrained = ResolveOptions.of(PY312)
                .withConstraints(List.of(Requirement.parse("lib<2"), Requirement.parse("windows-only==1.0")));
        assertThat(resolve(graph(), constrained, "app")).isEqualTo(Map.of("app", "1.0", "lib", "1.0"));
    }

    @Test
    void overridesReplaceDeclaredRequirements() throws Exception {
        ResolveOptions overridden = ResolveOptions.of(PY312).withOverrides(List.of(Requirement.parse("lib==1.0")));
        // app 2.0 declares lib>=2; the override replaces it.
        assertThat(resolve(graph(), overridden, "app")).isEqualTo(Map.of("app", "2.0", "lib", "1.0"));
    }

    @Test
    void installedIsKeptUnlessUpgraded() throws Exception {
        var installed = Map.of(ProjectName.parse("lib"), new ResolveOptions.Installed(ProjectName.parse("lib"),
                Version.parse("1.0"), new CandidateMetadata(List.of(), Set.of(), Optional.empty())));
        ResolveOptions options = ResolveOptions.of(PY312).withInstalled(installed);
        assertThat(resolve(graph(), options, "lib")).containsEntry("lib", "1.0");
        assertThat(resolve(graph(), options.withUpgrade(Set.of(ProjectName.parse("lib")), false), "lib"))
                .containsEntry("lib", "2.0");
        assertThat(resolve(graph(), options.withUpgrade(Set.of(), true), "lib")).containsEntry("lib", "2.0");
    }

    @Test
    void lowestStrategies() throws Exception {
        ResolveOptions lowest = ResolveOptions.of(PY312).withStrategy(ResolveOptions.Strategy.LOWEST);
        assertThat(resolve(graph(), lowest, "app")).isEqualTo(Map.of("app", "1.0", "lib", "1.0"));
        ResolveOptions direct = ResolveOptions.of(PY312).withStrategy(ResolveOptions.Strategy.LOWEST_DIRECT);
        assertThat(resolve(graph(), direct, "app")).isEqualTo(Map.of("app", "1.0", "lib", "2.0"));
    }

    @Test
    void yankedAndRequiresPythonAreLeftOutWithAHint() throws Exception {
        Memory source = new Memory().add("old", "1.0", false, Optional.of("<3"))
                .add("gone", "1.0", true, Optional.empty());
        assertThatThrownBy(() -> resolve(source, ResolveOptions.of(PY312), "old"))
                .isInstanceOf(ResolutionException.class)
                .hasMessageContaining("there are no versions of old")
                .hasMessageContaining("hint: no version of old is usable: of 1, 1 require another Python than 3.12.1");
        assertThatThrownBy(() -> resolve(source, ResolveOptions.of(PY312), "gone"))
                .hasMessageContaining("1 are yanked (pin one with == to use it)");
        assertThat(resolve(source, ResolveOptions.of(PY312), "gone==1.0")).containsEntry("gone", "1.0");
    }

    @Test
    void conflictsAreExplainedInRequirementSyntax() {
        assertThatThrownBy(() -> resolve(graph(), ResolveOptions.of(PY312), "app>=2", "lib<2"))
                .isInstanceOf(ResolutionException.class)
                .hasMessageContaining("app>=2")
                .hasMessageContaining("lib")
                .hasMessageContaining("your request");
    }
}

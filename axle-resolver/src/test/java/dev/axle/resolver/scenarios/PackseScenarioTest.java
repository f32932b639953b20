package dev.axle.resolver.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import dev.axle.resolver.Corpora;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every packse scenario in the corpus reads into the model the resolver's scenario runner
 * will use: names, requirements (PEP 508, by axle-pep), versions and expectations. The
 * scenarios themselves are run once the resolver is wired to PEP 440 version sets.
 */
class PackseScenarioTest {
    static List<Path> files() throws IOException {
        try (Stream<Path> walk = Files.walk(Corpora.root().resolve("packse/scenarios"))) {
            return walk.filter(p -> p.toString().endsWith(".toml")).sorted().toList();
        }
    }

    @Test
    void everyScenarioReads() throws IOException {
        List<PackseScenario> scenarios = new ArrayList<>();
        for (Path file : files()) {
            scenarios.add(PackseScenario.read(file));
        }
        assertThat(scenarios).hasSizeGreaterThanOrEqualTo(148);
        assertThat(scenarios).allSatisfy(s -> {
            assertThat(s.name()).as(s.file().toString()).isNotBlank();
            assertThat(s.rootRequires()).as(s.name()).isNotEmpty();
            // What a scenario expects to be installed is one of the versions it offers.
            s.expected().forEach((name, version) -> assertThat(s.packages().get(name))
                    .as("%s: expected %s %s", s.name(), name, version)
                    .anySatisfy(v -> assertThat(v.version()).isEqualTo(version)));
        });
        assertThat(scenarios).filteredOn(PackseScenario::satisfiable).isNotEmpty();
        assertThat(scenarios).filteredOn(s -> !s.satisfiable()).isNotEmpty();
        PackseScenario basic = scenarios.stream().filter(s -> s.name().equals("wrong-backtracking-basic"))
                .findFirst().orElseThrow();
        assertThat(basic.packages().get("b")).hasSize(11);
        assertThat(basic.packages().get("b").get(1).requires()).extracting(Object::toString).containsExactly("a==1.0.0");
        assertThat(basic.expected()).hasToString("{a=1.0.0, b=2.0.9}");
    }
}
